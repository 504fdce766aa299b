import { type PDFEmbeddedPage, PDFDocument, PDFName, type PDFPage, type PageBoundingBox } from 'pdf-lib';
import { describeSize, sameSize } from './paper.ts';
import type { SheetLayout } from './sheet-layout.ts';

export interface LeafletPages {
  /** Front, then back for a recto-verso leaflet. */
  pages: PDFPage[];
  /** Each page's trim box, the part embedded: what is cut out. */
  boxes: PageBoundingBox[];
}

/**
 * The pages of leaflet number `number` (from 1, for messages), checked
 * against the layout: 1 or 2 pages, each upright and of the layout's
 * leaflet size. Every problem is an Error with a one-line message.
 */
export async function readLeaflet(bytes: Uint8Array, number: number, layout: SheetLayout): Promise<LeafletPages> {
  const name = `leaflet ${number}`;
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} is not a readable PDF: ${reason.replace(/\s+/g, ' ').trim()}`);
  }
  const pages = document.getPages();
  if (pages.length !== 1 && pages.length !== 2) {
    throw new Error(`${name} has ${pages.length} pages; a leaflet has 1, or 2 when printed recto-verso`);
  }
  const boxes = pages.map((page, index) => {
    const where = pages.length === 1 ? name : `${name}, page ${index + 1},`;
    const rotation = page.getRotation().angle;
    if (rotation % 360 !== 0) throw new Error(`${where} is turned by /Rotate ${rotation}; imposition takes upright pages only`);
    const { x, y, width, height } = page.getTrimBox();
    if (!sameSize({ width, height }, layout.leaflet)) {
      throw new Error(`${where} is ${describeSize({ width, height })}; a ${layout.up}-up sheet takes ${describeSize(layout.leaflet)} leaflets`);
    }
    // A blank page may have no content at all, which pdf-lib refuses to embed: an empty stream draws the same nothing.
    if (!page.node.Contents()) page.pushOperators();
    // Links are for screens: left on the page, pdf-lib would copy their objects into the sheet, where nothing uses them.
    page.node.delete(PDFName.of('Annots'));
    return { left: x, bottom: y, right: x + width, top: y + height };
  });
  return { pages, boxes };
}

/**
 * The leaflet's pages as forms of `sheet`, one call for all of them: pdf-lib
 * then copies the fonts they share once. They are embedded now rather than
 * when the sheet is saved, so that a page pdf-lib cannot read (a content
 * stream it cannot decode) is reported against its leaflet.
 */
export async function embedLeaflet(sheet: PDFDocument, leaflet: LeafletPages, number: number): Promise<PDFEmbeddedPage[]> {
  try {
    const embedded = await sheet.embedPages(leaflet.pages, leaflet.boxes);
    for (const page of embedded) await page.embed();
    return embedded;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`leaflet ${number} cannot be drawn on the sheet: ${reason.replace(/\s+/g, ' ').trim()}`);
  }
}
