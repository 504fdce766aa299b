import { PDFArray, PDFContentStream, type PDFDocument, PDFObjectCopier, type PDFPage, PDFRawStream, type PDFRef, decodePDFRawStream } from 'pdf-lib';
import { oneLine } from './read-pdf.ts';
import type { RenderedPages } from './shop-read.ts';

/**
 * Every page as a form of `shop`: the page's content, in a form whose
 * BBox is the page's box (so whatever was drawn beyond it is cut off there)
 * and whose matrix brings the box's lower-left corner to (0, 0), with the
 * page's resources. Made here rather than by pdf-lib's embedPages, which
 * also copies each page's own content streams and resource dictionary, and
 * a pair of q and Q streams, into the file, where nothing uses them: a
 * second copy of every page's drawing in the file sent to the shop. One
 * copier for all pages, so the fonts they share are copied once; nothing
 * of the page but its content and resources is copied, so links,
 * bookmarks and the structure tree stay out.
 */
export function pageForms(shop: PDFDocument, rendered: RenderedPages): PDFRef[] {
  const copier = PDFObjectCopier.for(rendered.document.context, shop.context);
  return rendered.pages.map((page, index) => {
    const { left, bottom, right, top } = rendered.boxes[index]!;
    let content: Uint8Array;
    try {
      content = pageContent(page);
    } catch (error) {
      throw new Error(`publication page ${index + 1} cannot be drawn on the shop file: ${oneLine(error)}`);
    }
    const resources = page.node.Resources();
    const form = shop.context.flateStream(content, {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [left, bottom, right, top],
      Matrix: [1, 0, 0, 1, -left, -bottom],
      ...(resources ? { Resources: copier.copy(resources) } : {}),
    });
    return shop.context.register(form);
  });
}

/** The page's content streams decoded and joined, as a reader reads them: one after the other, as if separated by white space. */
function pageContent(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((item) => page.doc.context.lookup(item)) : contents ? [contents] : [];
  const parts = streams.map((stream) => {
    if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
    if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
    throw new Error('a content stream is not a stream');
  });
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length + 1, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    joined[offset + part.length] = 0x0a;
    offset += part.length + 1;
  }
  return joined;
}
