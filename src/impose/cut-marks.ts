import type { Point } from './matrix.ts';
import { MARK_LENGTH, MARK_OFFSET, type SheetLayout } from './sheet-layout.ts';

/** Thin enough to show the line exactly (0.14 mm), thick enough for a home printer not to lose it. */
export const MARK_WIDTH = 0.4;

export interface Segment {
  from: Point;
  to: Point;
}

/**
 * A short line at each end of every cut, in the margin, continuing the cut
 * line: the block's four edges and the lines between copies. Each one
 * starts MARK_OFFSET out from the block, so nothing is drawn on a copy, and
 * a mark only ever lies in the band outside the block where nothing else
 * is. The block is centred, so a duplex sheet's back gets its marks behind
 * the front's.
 */
export function cutMarks(layout: SheetLayout): Segment[] {
  const { block, cuts } = layout;
  const left = block.x;
  const right = block.x + block.width;
  const bottom = block.y;
  const top = block.y + block.height;
  const near = MARK_OFFSET;
  const far = MARK_OFFSET + MARK_LENGTH;
  const marks: Segment[] = [];
  for (const x of cuts.x) {
    marks.push({ from: { x, y: top + near }, to: { x, y: top + far } });
    marks.push({ from: { x, y: bottom - near }, to: { x, y: bottom - far } });
  }
  for (const y of cuts.y) {
    marks.push({ from: { x: left - near, y }, to: { x: left - far, y } });
    marks.push({ from: { x: right + near, y }, to: { x: right + far, y } });
  }
  return marks;
}
