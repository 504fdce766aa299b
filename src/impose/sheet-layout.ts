import type { Matrix } from './matrix.ts';
import { A4, A5, A6, MM, type Size } from './paper.ts';

/** Copies of the leaflet per sheet side: 2 (A5 leaflets on A4) or 4 (A6 leaflets on A4). */
export type Up = 2 | 4;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One copy on one side of the sheet. */
export interface Placement {
  /** The copy's trim box on the sheet, in points from the sheet's lower-left corner: where it is cut out. */
  cell: Box;
  /** Maps the leaflet page (from the lower-left corner of its trim box, unscaled) onto the sheet. */
  matrix: Matrix;
}

export interface SheetLayout {
  up: Up;
  /** The sheet: A4 portrait, always (see below). */
  sheet: Size;
  /** The leaflet page size this layout takes. */
  leaflet: Size;
  /** How much every copy is shrunk, the same for all. */
  scale: number;
  /** The copies together, abutting: the area the cuts trim to. */
  block: Box;
  /** Copies on the front, in reading order (left to right, top to bottom). */
  front: Placement[];
  /** `back[i]` is the back of the copy `front[i]`, printed on the other side of the sheet. */
  back: Placement[];
  /** Where the guillotine cuts: the block's edges and the lines between copies. */
  cuts: { x: number[]; y: number[] };
}

/*
 * Orientation. Every sheet is A4 portrait, both sides, for both layouts.
 * A landscape page would be turned onto the portrait paper by the viewer
 * or the printer driver, and whether "flip on long edge" then still means
 * the paper's long edge depends on the driver's own orientation setting.
 * A portrait page is printed as it is, and flipping a portrait sheet on its
 * long edge is the ordinary book-like turn, so the duplex arithmetic below
 * holds on any printer. The cost: on 2-up sheets the A5 copies lie on
 * their side (top to the left on the front), which does not matter once
 * they are cut.
 *
 * Grid. 2-up: two A5 copies, one above the other, each turned a quarter;
 * 4-up: 2 × 2 A6 copies, upright. Either way the copies abut, so one cut
 * separates two neighbours: a guillotine cut per line, no strip to throw
 * away, and a cut a little off the line only eats into the leaflet's own
 * white margin (Roneo's leaflets have no bleed). Both grids exactly fill
 * A4, so the block is shrunk, the same factor for every copy, until it
 * leaves SHEET_MARGIN free on the tighter side (the short one), and is
 * centred: 2-up and 4-up then get the same scale, and on a duplex sheet
 * the back's cut lines fall exactly behind the front's.
 */

/** Home printers print nothing in about the outer 5 mm of the paper. */
const UNPRINTABLE = 5 * MM;
/** A cut mark starts this far out from its trim line, so it never touches a copy. */
export const MARK_OFFSET = 3 * MM;
/** Long enough to be seen and to lay a ruler on. */
export const MARK_LENGTH = 5 * MM;
/** The free band around the block: the marks, and the edge the printer cannot reach (13 mm). */
export const SHEET_MARGIN = UNPRINTABLE + MARK_OFFSET + MARK_LENGTH;

interface Grid {
  leaflet: Size;
  columns: number;
  rows: number;
  /** A5 copies lie on their side on a portrait A4 sheet. */
  turned: boolean;
}

const GRIDS: Record<Up, Grid> = {
  2: { leaflet: A5, columns: 1, rows: 2, turned: true },
  4: { leaflet: A6, columns: 2, rows: 2, turned: false },
};

export function sheetLayout(up: Up): SheetLayout {
  const { leaflet, columns, rows, turned } = GRIDS[up];
  const sheet = A4;
  // A cell is the leaflet as it lies on the sheet, before scaling.
  const cellWidth = turned ? leaflet.height : leaflet.width;
  const cellHeight = turned ? leaflet.width : leaflet.height;
  const scale = Math.min((sheet.width - 2 * SHEET_MARGIN) / (columns * cellWidth), (sheet.height - 2 * SHEET_MARGIN) / (rows * cellHeight));
  const width = scale * cellWidth;
  const height = scale * cellHeight;
  const block = { x: (sheet.width - columns * width) / 2, y: (sheet.height - rows * height) / 2, width: columns * width, height: rows * height };

  const front: Placement[] = [];
  const back: Placement[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const y = block.y + (rows - 1 - row) * height;
      const cell = { x: block.x + column * width, y, width, height };
      const behind = { x: block.x + (columns - 1 - column) * width, y, width, height };
      front.push({ cell, matrix: placed(cell, turned ? 'left' : 'up', scale) });
      back.push({ cell: behind, matrix: placed(behind, turned ? 'right' : 'up', scale) });
    }
  }
  const cuts = {
    x: Array.from({ length: columns + 1 }, (_, i) => block.x + i * width),
    y: Array.from({ length: rows + 1 }, (_, i) => block.y + i * height),
  };
  return { up, sheet, leaflet, scale, block, front, back, cuts };
}

/*
 * Duplex. The sheet is printed "flip on long edge": a point drawn at
 * (x, y) on the back page lands behind the point (W − x, y) of the front
 * (W the sheet's width), the top staying at the top. A real two-sided
 * leaflet is turned the same way, about its own vertical axis: the point
 * (u, v) of its back page lies behind (w − u, v) of its front. So the
 * back copy of a front copy placed by P must be placed by
 * B = flip ∘ P ∘ turn, which works out as:
 * - the copy in column c goes to column (columns − 1 − c), same row: the
 *   left and right cells swap, top and bottom stay;
 * - an upright copy (4-up) stays upright;
 * - a copy lying with its top to the left (2-up front) lies with its top
 *   to the right on the back: flipping the sheet sends left to right, and
 *   the leaflet's turn about its own up axis keeps its up.
 * tests/impose/duplex.test.ts checks exactly this equation for every copy.
 */

/**
 * The matrix that draws the leaflet page (trim box from (0, 0), unscaled)
 * scaled into `cell` with its top facing `top` on the sheet.
 */
function placed(cell: Box, top: 'up' | 'left' | 'right', scale: number): Matrix {
  switch (top) {
    case 'up':
      return [scale, 0, 0, scale, cell.x, cell.y];
    case 'left':
      // A quarter turn anticlockwise: the page's bottom-left corner comes to the cell's bottom-right.
      return [0, scale, -scale, 0, cell.x + cell.width, cell.y];
    case 'right':
      // A quarter turn clockwise: the page's bottom-left corner comes to the cell's top-left.
      return [0, -scale, scale, 0, cell.x, cell.y + cell.height];
  }
}
