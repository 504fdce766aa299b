import type { Corner } from './leaflets.ts';

/*
 * What a sheet should look like, worked out here from the paper sizes and
 * the reported scale, not taken from src/impose: the tests compare the two.
 */

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 };
export const A5 = { width: 419.53, height: 595.28 };
export const A6 = { width: 297.64, height: 419.53 };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Vector {
  x: number;
  y: number;
}

/** Where a copy's top faces on the sheet. */
export const UP: Record<'up' | 'left' | 'right', Vector> = { up: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/**
 * The copies' trim boxes on an A4 portrait sheet, in reading order: 2-up is
 * two A5 copies lying on their side one above the other, 4-up is 2 × 2 A6
 * copies; they abut, and the block is centred.
 */
export function expectedCells(up: 2 | 4, scale: number): Rect[] {
  const columns = up === 2 ? 1 : 2;
  const width = scale * (up === 2 ? A5.height : A6.width);
  const height = scale * (up === 2 ? A5.width : A6.height);
  const x0 = (A4.width - columns * width) / 2;
  const top = (A4.height + 2 * height) / 2;
  const cells: Rect[] = [];
  for (let row = 0; row < 2; row += 1) {
    for (let column = 0; column < columns; column += 1) cells.push({ x: x0 + column * width, y: top - (row + 1) * height, width, height });
  }
  return cells;
}

/** The leaflet's "east" (the way its lines run) for a copy whose top faces `up`: a quarter turn clockwise from up. */
export const east = (up: Vector): Vector => ({ x: up.y, y: -up.x });

/** Where the corner of a copy lies on the sheet, for a copy in `cell` whose top faces `up`. */
export function cornerPoint(cell: Rect, up: Vector, corner: Corner): Vector {
  const e = east(up);
  const centre = { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 };
  // Half the cell along each of the copy's own axes.
  const halfEast = Math.abs(e.x) * cell.width / 2 + Math.abs(e.y) * cell.height / 2;
  const halfUp = Math.abs(up.x) * cell.width / 2 + Math.abs(up.y) * cell.height / 2;
  const sideways = corner.endsWith('w') ? -halfEast : halfEast;
  const upwards = corner.startsWith('n') ? halfUp : -halfUp;
  return { x: centre.x + e.x * sideways + up.x * upwards, y: centre.y + e.y * sideways + up.y * upwards };
}

export function inside(point: Vector, rect: Rect): boolean {
  return point.x > rect.x && point.x < rect.x + rect.width && point.y > rect.y && point.y < rect.y + rect.height;
}

/** The corner of `cell` nearest to `point`. */
export function nearestCorner(point: Vector, cell: Rect, up: Vector): Corner {
  const corners: Corner[] = ['nw', 'ne', 'sw', 'se'];
  const distance = (corner: Corner) => Math.hypot(point.x - cornerPoint(cell, up, corner).x, point.y - cornerPoint(cell, up, corner).y);
  return corners.reduce((best, corner) => (distance(corner) < distance(best) ? corner : best));
}

/** "Flip on long edge" on a portrait sheet: what is drawn at (x, y) on the back lands behind (W − x, y) on the front. */
export const flipSheet = (p: Vector): Vector => ({ x: A4.width - p.x, y: p.y });
