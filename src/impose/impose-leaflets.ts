import {
  type PDFEmbeddedPage,
  type PDFPage,
  PDFDocument,
  PDFName,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { strokeMarks } from './stroke-marks.ts';
import { cutMarks, MARK_WIDTH } from './cut-marks.ts';
import { embedLeaflet, readLeaflet } from './read-leaflet.ts';
import { checkMetadata, setDocumentId, setMetadata, type SheetMetadata } from './sheet-metadata.ts';
import { type Placement, type SheetLayout, sheetLayout, type Up } from './sheet-layout.ts';

export interface SheetOptions {
  /** Copies of the leaflet per sheet side: 2 (A5 leaflets on A4) or 4 (A6 leaflets on A4). */
  up: Up;
}

export type ImposeOptions = SheetOptions & SheetMetadata;

export interface ImposedSheets {
  /** The print sheets: one PDF, A4 portrait pages. */
  bytes: Uint8Array;
  /** Sheets of paper: one per leaflet. */
  sheets: number;
  /**
   * The file must be printed on both sides, "flip on long edge": two pages
   * per sheet, front then back. True as soon as one leaflet is recto-verso;
   * a one-sided leaflet then gets a blank back, so every front still lands
   * on a front.
   */
  duplex: boolean;
  /** How much each copy is shrunk to leave room for the cut marks and the printer's margin (the same for every copy). */
  scale: number;
}

/**
 * One print sheet per leaflet (front, then back when the leaflet has 2
 * pages), each side holding `up` copies, with cut marks. Leaflets are A5
 * (up 2) or A6 (up 4) portrait PDFs of 1 page, or 2 pages for recto-verso.
 * A leaflet that is not a PDF, has another page count or another page size
 * is an Error with a one-line message naming it by its position (from 1).
 * The same leaflets and options give the same bytes.
 */
export async function imposeLeaflets(leaflets: readonly Uint8Array[], options: ImposeOptions): Promise<ImposedSheets> {
  if (options.up !== 2 && options.up !== 4) throw new Error(`a sheet holds 2 or 4 copies of a leaflet, not ${String(options.up)}`);
  if (leaflets.length === 0) throw new Error('no leaflet to impose');
  checkMetadata(options);
  const layout = sheetLayout(options.up);
  const read = [];
  for (const [index, bytes] of leaflets.entries()) read.push(await readLeaflet(bytes, index + 1, layout));
  const duplex = read.some((leaflet) => leaflet.pages.length === 2);

  const sheet = await PDFDocument.create({ updateMetadata: false });
  const { width, height } = layout.sheet;
  for (const [index, leaflet] of read.entries()) {
    // Each page becomes one form, drawn `up` times: its fonts are in the file once.
    const [front, back] = await embedLeaflet(sheet, leaflet, index + 1);
    drawSide(sheet.addPage([width, height]), front!, layout.front, layout);
    if (back) drawSide(sheet.addPage([width, height]), back, layout.back, layout);
    else if (duplex) sheet.addPage([width, height]);
  }
  setMetadata(sheet, options);
  setDocumentId(sheet, leaflets, options.up, options);
  // No object streams (PDF 1.5): a plain cross-reference table is read by the oldest readers, printers that print PDF files themselves included, and a sheet has few objects to pack.
  const bytes = await sheet.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, sheets: read.length, duplex, scale: layout.scale };
}

function drawSide(page: PDFPage, leaflet: PDFEmbeddedPage, placements: readonly Placement[], layout: SheetLayout): void {
  // A fixed name: pdf-lib's drawPage would make one up from its generator.
  const name = PDFName.of('Leaflet');
  page.node.setXObject(name, leaflet.ref);
  for (const { matrix } of placements) {
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
  }
  strokeMarks(page, cutMarks(layout), MARK_WIDTH);
}
