import type { PDFDocument, PDFPage, PageBoundingBox } from 'pdf-lib';
import { describeSize, MM } from './paper.ts';
import { assertUpright, loadPages, oneLine } from './read-pdf.ts';

export interface RenderedPages {
  document: PDFDocument;
  pages: PDFPage[];
  /** Each page's CropBox (its MediaBox when it has none): the page as rendered, bleed included, and the part embedded. */
  boxes: PageBoundingBox[];
}

/**
 * The rendered publication's pages, checked: at least one, each upright and
 * larger than twice `bleedMm` both ways, so that something is left once
 * trimmed. Every problem is an Error with a one-line message.
 */
export async function readRendered(bytes: Uint8Array, bleedMm: number): Promise<RenderedPages> {
  const bleed = bleedMm * MM;
  const { document, pages } = await loadPages(bytes, 'the publication');
  if (pages.length === 0) throw new Error('the publication has no pages');
  const boxes = pages.map((page, index) => {
    const where = `publication page ${index + 1}`;
    assertUpright(page, where, 'the shop file');
    const box = pageBox(page, where);
    const size = { width: box.right - box.left, height: box.top - box.bottom };
    if (size.width <= 2 * bleed || size.height <= 2 * bleed) {
      throw new Error(`${where} is ${describeSize(size)}; with ${bleedMm} mm of bleed on every side nothing is left once trimmed`);
    }
    return box;
  });
  return { document, pages, boxes };
}

function pageBox(page: PDFPage, where: string): PageBoundingBox {
  let rectangle: { x: number; y: number; width: number; height: number };
  try {
    rectangle = page.getCropBox();
  } catch (error) {
    throw new Error(`${where} has no usable page box: ${oneLine(error)}`);
  }
  const { x, y, width, height } = rectangle;
  // A box may be written from any pair of opposite corners.
  return { left: Math.min(x, x + width), bottom: Math.min(y, y + height), right: Math.max(x, x + width), top: Math.max(y, y + height) };
}
