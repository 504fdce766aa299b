import { PDFDocument, type PDFPage, type PageBoundingBox } from 'pdf-lib';
import { describeSize, MM } from './paper.ts';

export interface RenderedPages {
  document: PDFDocument;
  pages: PDFPage[];
  /** Each page's CropBox (its MediaBox when it has none): the page as rendered, bleed included, and the part embedded. */
  boxes: PageBoundingBox[];
}

export const oneLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/**
 * The rendered publication's pages, checked: at least one, each upright and
 * larger than twice `bleedMm` both ways, so that something is left once
 * trimmed. Every problem is an Error with a one-line message.
 */
export async function readRendered(bytes: Uint8Array, bleedMm: number): Promise<RenderedPages> {
  const bleed = bleedMm * MM;
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new Error(`the publication is not a readable PDF: ${oneLine(error)}`);
  }
  const pages = document.getPages();
  if (pages.length === 0) throw new Error('the publication has no pages');
  const boxes = pages.map((page, index) => {
    const where = `publication page ${index + 1}`;
    const rotation = page.getRotation().angle;
    // Its boxes and marks would be drawn for the unturned page, which the shop would then print turned.
    if (rotation % 360 !== 0) throw new Error(`${where} is turned by /Rotate ${rotation}; the shop file takes upright pages only`);
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
