import type { Segment } from './cut-marks.ts';
import type { Matrix } from './matrix.ts';
import { A4, MM, type Size } from './paper.ts';
import type { Box } from './sheet-layout.ts';

/** A booklet sheet: A4 landscape, two A5 pages side by side, folded down the middle. */
export const BOOKLET_SHEET: Size = { width: A4.height, height: A4.width };

export type Half = 'left' | 'right';

/*
 * Duplex. The file is printed on both sides "flip on short edge", and the
 * backs are drawn upright, not turned by 180°. Why:
 *
 * A printer feeds A4 portrait, so the driver turns each landscape page a
 * quarter onto the paper: (x, y) on the page goes to (H − y, x) on the
 * paper, or to (y, W − x) if it turns the other way (W × H the landscape
 * page). "Flip on short edge" turns the paper over about an axis parallel
 * to its short edges: what is printed at (p, q) on the back of the paper
 * lies behind (p, W − q) of its front. Followed through either quarter
 * turn, both give the same thing on the landscape page: what the back page
 * draws at (x, y) lies behind (W − x, y) of the front page. The sheet
 * turns like a book's leaf, about its vertical middle line, the fold, and
 * its top stays at the top. The driver's choice of quarter turn does not
 * matter, as it turns both sides the same way.
 *
 * So the back's left half lies behind the front's right half, the right
 * behind the left, both the same way up: page 2, drawn upright on the left
 * of the back, is behind page 1, upright on the right of the front; 7
 * behind 8. With "flip on long edge" the same reasoning gives (x, H − y):
 * every back would come out upside down, which is what home-printed
 * booklets get wrong.
 * tests/impose/booklet-duplex.test.ts checks it, through both quarter turns.
 */

/**
 * Where a page of `page` size (its trim box from (0, 0)) is drawn in one
 * half of the sheet: against the fold, at 100 % (two A5 pages are 296 mm
 * wide, A4 is 297, so half a millimetre stays white at each outer edge),
 * centred in height. `shift` (points) moves it further towards the fold,
 * for creep; what then crosses the fold is clipped off by `halfBox`.
 */
export function pagePlacement(half: Half, page: Size, shift: number): Matrix {
  const fold = BOOKLET_SHEET.width / 2;
  const y = (BOOKLET_SHEET.height - page.height) / 2;
  const x = half === 'left' ? fold - page.width + shift : fold - shift;
  return [1, 0, 0, 1, x, y];
}

/** The half of the sheet a page is clipped to: so that a page crept towards the fold never prints on its neighbour. */
export function halfBox(half: Half): Box {
  const fold = BOOKLET_SHEET.width / 2;
  return { x: half === 'left' ? 0 : fold, y: 0, width: fold, height: BOOKLET_SHEET.height };
}

/**
 * Creep: folded, each sheet wraps around the ones inside it, so the inner
 * sheets' pages stick out further at the fore-edge, by about a paper
 * thickness per sheet. Shifting a page towards the fold by `creepMm` for
 * each sheet outside it lines the text blocks up again once the
 * fore-edge is trimmed (or, untrimmed, keeps the outer margins even).
 */
export function creepShift(depth: number, creepMm: number): number {
  return depth * creepMm * MM;
}

/** Home printers print nothing in about the outer 5 mm of the paper: a fold mark starts there. */
const FOLD_MARK_INSET = 5 * MM;
/** Short: it is drawn over the top and bottom margins of the two pages next to the fold. */
const FOLD_MARK_LENGTH = 4 * MM;

/**
 * A short line on the fold at the top and at the bottom of the sheet, for
 * creasing it in the right place; drawn on the front only, in the margins,
 * where the pamphlet's pages have nothing.
 */
export function foldMarks(): Segment[] {
  const x = BOOKLET_SHEET.width / 2;
  const top = BOOKLET_SHEET.height - FOLD_MARK_INSET;
  return [
    { from: { x, y: top }, to: { x, y: top - FOLD_MARK_LENGTH } },
    { from: { x, y: FOLD_MARK_INSET }, to: { x, y: FOLD_MARK_INSET + FOLD_MARK_LENGTH } },
  ];
}
