import type { PDFDocument, PDFEmbeddedPage, PDFPage, PageBoundingBox } from 'pdf-lib';
import { A5, describeSize, sameSize } from './paper.ts';
import { assertUpright, loadPages, oneLine, readyToEmbed } from './read-pdf.ts';

export interface PamphletPages {
  pages: PDFPage[];
  /** Each page's trim box, the part embedded. */
  boxes: PageBoundingBox[];
}

/**
 * The pamphlet's pages, checked: at least one, each upright and A5
 * portrait (two of them side by side make the A4 sheet at 100 %, nothing
 * else does). Every problem is an Error with a one-line message.
 */
export async function readPamphlet(bytes: Uint8Array): Promise<PamphletPages> {
  const { pages } = await loadPages(bytes, 'the pamphlet');
  if (pages.length === 0) throw new Error('the pamphlet has no pages');
  const boxes = pages.map((page, index) => {
    const where = `pamphlet page ${index + 1}`;
    assertUpright(page, where, 'imposition');
    const { x, y, width, height } = page.getTrimBox();
    if (!sameSize({ width, height }, A5)) throw new Error(`${where} is ${describeSize({ width, height })}; a booklet takes ${describeSize(A5)} pages`);
    readyToEmbed(page);
    return { left: x, bottom: y, right: x + width, top: y + height };
  });
  return { pages, boxes };
}

/**
 * Every page as a form of `sheet`, in one call so that pdf-lib copies the
 * fonts the pages share once; each embedded now rather than when the sheet
 * is saved, so that a page pdf-lib cannot decode is reported by its number.
 */
export async function embedPamphlet(sheet: PDFDocument, pamphlet: PamphletPages): Promise<PDFEmbeddedPage[]> {
  let embedded: PDFEmbeddedPage[];
  try {
    embedded = await sheet.embedPages(pamphlet.pages, pamphlet.boxes);
  } catch (error) {
    throw new Error(`the pamphlet cannot be drawn on the sheets: ${oneLine(error)}`);
  }
  for (const [index, page] of embedded.entries()) {
    try {
      await page.embed();
    } catch (error) {
      throw new Error(`pamphlet page ${index + 1} cannot be drawn on the sheet: ${oneLine(error)}`);
    }
  }
  return embedded;
}
