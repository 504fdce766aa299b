import {
  type PDFEmbeddedPage,
  type PDFPage,
  PDFDocument,
  PDFName,
  clip,
  concatTransformationMatrix,
  drawObject,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
} from 'pdf-lib';
import { strokeMarks } from './stroke-marks.ts';
import { BLANK, bookletPages, type PageNumber, sheetPositions, signatureSheets } from './booklet-order.ts';
import { BOOKLET_SHEET, creepShift, foldMarks, type Half, halfBox, pagePlacement } from './booklet-layout.ts';
import { setBookletId } from './booklet-metadata.ts';
import { embedPamphlet, type PamphletPages, readPamphlet } from './booklet-read.ts';
import { MARK_WIDTH } from './cut-marks.ts';
import { checkMetadata, setMetadata, type SheetMetadata } from './sheet-metadata.ts';

export interface BookletOptions extends SheetMetadata {
  /** Sheets per signature: a booklet of more sheets is split into signatures of at most this many, each folded on its own and the signatures stacked (default 8: 32 pages). */
  sheetsPerSignature?: number;
  /**
   * Creep compensation, in mm per sheet (default 0): the pages of the sheet
   * k sheets in from the outside of its signature move k × creepMm towards
   * the fold, so the text blocks line up once folded. About the paper's
   * thickness: some 0.1 mm for 80 g/m² paper.
   */
  creepMm?: number;
}

/** One printed side of a sheet, as a person sees it printed. */
export interface BookletSide {
  /** The sheet of paper, from 1. */
  sheet: number;
  side: 'front' | 'back';
  /** The pamphlet's page number (as in the input PDF, from 1) on the left half, or 0 for a blank added to make up the sheets. */
  left: PageNumber;
  /** …and on the right half. */
  right: PageNumber;
}

export interface ImposedBooklet {
  /** A4 landscape pages: sheet 1 front, sheet 1 back, sheet 2 front… To print on both sides, "flip on short edge", at 100 %. */
  bytes: Uint8Array;
  /** Sheets of paper. */
  sheets: number;
  /** Signatures: stacks of sheets folded together, one after the other. */
  signatures: number;
  /** Booklet pages: the pamphlet's, with the blanks, a multiple of 4. */
  pages: number;
  /** Blank pages added, just before the back cover (after the only page of a 1-page pamphlet). */
  blanks: number;
  /** Every printed side in file order: which pamphlet page is on each half. */
  order: BookletSide[];
}

const DEFAULT_SHEETS_PER_SIGNATURE = 8;
/** Past this, creep would eat most of a pamphlet's inner margin (Roneo's pamphlet has 15.5 mm). */
const MAX_CREEP_MM = 10;

/**
 * A saddle-stitched booklet of an A5 pamphlet, for printing at home on A4:
 * each sheet holds two pages a side at 100 %, in the order that, printed
 * on both sides ("flip on short edge"), folded in the middle and nested (a
 * signature at a time, signatures stacked), reads 1, 2, 3… The pamphlet's
 * first page is the front cover, its last the back cover; blanks made up
 * to a multiple of 4 pages go before the back cover (booklet-order.ts).
 * Links and bookmarks are left out. A pamphlet that is not a PDF of A5
 * portrait pages, or options that make no sense, are an Error with a
 * one-line message. The same pamphlet and options give the same bytes.
 */
export async function imposeBooklet(pamphlet: Uint8Array, options: BookletOptions = {}): Promise<ImposedBooklet> {
  const { sheetsPerSignature, creepMm } = settings(options);
  checkMetadata(options);
  const read = await readPamphlet(pamphlet);
  const pages = bookletPages(read.pages.length);
  const signatures = signatureSheets(pages.length / 4, sheetsPerSignature);
  checkCreep(creepMm, Math.max(...signatures) - 1);

  const sheet = await PDFDocument.create({ updateMetadata: false });
  const forms = { forms: await embedPamphlet(sheet, read), boxes: read.boxes };
  const order: BookletSide[] = [];
  for (const [index, { depth, front, back }] of sheetPositions(pages.length, sheetsPerSignature).entries()) {
    const shift = creepShift(depth, creepMm);
    for (const [side, positions] of [['front', front], ['back', back]] as const) {
      const left = pages[positions.left]!;
      const right = pages[positions.right]!;
      const page = sheet.addPage([BOOKLET_SHEET.width, BOOKLET_SHEET.height]);
      drawHalf(page, 'left', left, forms, shift);
      drawHalf(page, 'right', right, forms, shift);
      if (side === 'front') drawFoldMarks(page);
      order.push({ sheet: index + 1, side, left, right });
    }
  }
  setMetadata(sheet, options);
  setBookletId(sheet, pamphlet, { sheetsPerSignature, creepMm }, options);
  // No object streams, as for the leaflet sheets: a plain cross-reference table for the oldest readers and printers.
  const bytes = await sheet.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, sheets: pages.length / 4, signatures: signatures.length, pages: pages.length, blanks: pages.length - read.pages.length, order };
}

function settings(options: BookletOptions): { sheetsPerSignature: number; creepMm: number } {
  const sheetsPerSignature = options.sheetsPerSignature ?? DEFAULT_SHEETS_PER_SIGNATURE;
  const creepMm = options.creepMm ?? 0;
  if (!Number.isInteger(sheetsPerSignature) || sheetsPerSignature < 1) {
    throw new Error(`sheetsPerSignature is a whole number of sheets, 1 or more, not ${String(sheetsPerSignature)}`);
  }
  if (!Number.isFinite(creepMm) || creepMm < 0) throw new Error(`creepMm is a length in millimetres, 0 or more, not ${String(creepMm)}`);
  return { sheetsPerSignature, creepMm };
}

/** Checked against the booklet's thickest signature: the same creep is fine on a thin one. */
function checkCreep(creepMm: number, deepest: number): void {
  const innermost = deepest * creepMm;
  if (innermost > MAX_CREEP_MM) {
    throw new Error(`a creep of ${creepMm} mm a sheet would move the innermost pages ${Math.round(innermost * 10) / 10} mm; at most ${MAX_CREEP_MM} mm is allowed`);
  }
}

interface Forms {
  forms: readonly PDFEmbeddedPage[];
  boxes: PamphletPages['boxes'];
}

function drawHalf(page: PDFPage, half: Half, number: PageNumber, { forms, boxes }: Forms, shift: number): void {
  if (number === BLANK) return;
  const box = boxes[number - 1]!;
  // Named after the page rather than by pdf-lib's generator, which would number them in the order drawn.
  const name = PDFName.of(`Page${number}`);
  page.node.setXObject(name, forms[number - 1]!.ref);
  const clipTo = halfBox(half);
  const matrix = pagePlacement(half, { width: box.right - box.left, height: box.top - box.bottom }, shift);
  page.pushOperators(
    pushGraphicsState(),
    rectangle(clipTo.x, clipTo.y, clipTo.width, clipTo.height),
    clip(),
    endPath(),
    concatTransformationMatrix(...matrix),
    drawObject(name),
    popGraphicsState(),
  );
}

function drawFoldMarks(page: PDFPage): void {
  strokeMarks(page, foldMarks(), MARK_WIDTH);
}
