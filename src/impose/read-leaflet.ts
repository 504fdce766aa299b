import type { PDFDocument, PDFEmbeddedPage, PDFPage, PageBoundingBox } from 'pdf-lib';
import { describeSize, sameSize } from './paper.ts';
import { assertUpright, loadPages, oneLine, readyToEmbed } from './read-pdf.ts';
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
  const { pages } = await loadPages(bytes, name);
  if (pages.length !== 1 && pages.length !== 2) {
    throw new Error(`${name} has ${pages.length} pages; a leaflet has 1, or 2 when printed recto-verso`);
  }
  const boxes = pages.map((page, index) => {
    const where = pages.length === 1 ? name : `${name}, page ${index + 1},`;
    assertUpright(page, where, 'imposition');
    const { x, y, width, height } = page.getTrimBox();
    if (!sameSize({ width, height }, layout.leaflet)) {
      throw new Error(`${where} is ${describeSize({ width, height })}; a ${layout.up}-up sheet takes ${describeSize(layout.leaflet)} leaflets`);
    }
    readyToEmbed(page);
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
    throw new Error(`leaflet ${number} cannot be drawn on the sheet: ${oneLine(error)}`);
  }
}
