import { beforeAll, describe, expect, it } from 'vitest';
import { imposeLeaflets } from '../../src/impose/index.ts';
import { apply, compose, type Matrix } from '../../src/impose/matrix.ts';
import { sheetLayout } from '../../src/impose/sheet-layout.ts';
import { A4, A5, A6, expectedCells, flipSheet, inside, nearestCorner, UP, type Vector } from './expected-sheet.ts';
import { BACK, CORNERS, type Corner, FRONT, leaflet } from './leaflets.ts';
import { centre, pageWords, type PlacedWord, withFile } from './sheet-file.ts';

/*
 * The physical model. Printed "flip on long edge", a portrait sheet turns
 * over about its vertical axis: what the back page draws at (x, y) lies
 * behind the front's (W − x, y). A two-sided leaflet turns over the same
 * way about its own vertical axis, its top staying on top: its back
 * page's (u, v) lies behind its front page's (w − u, v); so its back's
 * north-west corner is behind its front's north-east one.
 */
const FLIP: Matrix = [-1, 0, 0, 1, A4.width, 0];
const turn = (width: number): Matrix => [-1, 0, 0, 1, width, 0];
const BEHIND: Record<Corner, Corner> = { nw: 'ne', ne: 'nw', sw: 'se', se: 'sw' };

const linear = (m: Matrix, v: Vector): Vector => ({ x: m[0] * v.x + m[2] * v.y, y: m[1] * v.x + m[3] * v.y });

describe.each([
  { up: 2 as const, size: A5 },
  { up: 4 as const, size: A6 },
])('duplex geometry, $up-up', ({ up, size }) => {
  const layout = sheetLayout(up);
  const leafletCorners = [
    { x: 0, y: 0 },
    { x: size.width, y: 0 },
    { x: 0, y: size.height },
    { x: size.width, y: size.height },
  ];

  it('sends each back copy, flipped with the sheet, exactly onto its front copy as a turned-over leaflet', () => {
    expect(layout.back).toHaveLength(layout.front.length);
    layout.front.forEach((front, i) => {
      const back = layout.back[i]!;
      const flipped = compose(FLIP, back.matrix);
      const expected = compose(front.matrix, turn(size.width));
      flipped.forEach((value, k) => expect(value).toBeCloseTo(expected[k]!, 9));
    });
  });

  it('puts each back trim box behind its front trim box, its top the same way up', () => {
    layout.front.forEach((front, i) => {
      const back = layout.back[i]!;
      // Every corner of the back's trim box, flipped, is a corner of the front copy's trim box.
      for (const corner of leafletCorners) {
        const landed = apply(FLIP, apply(back.matrix, corner));
        expect(inside(landed, { x: front.cell.x - 1e-6, y: front.cell.y - 1e-6, width: front.cell.width + 2e-6, height: front.cell.height + 2e-6 })).toBe(true);
      }
      const flippedCell = { x: A4.width - back.cell.x - back.cell.width, y: back.cell.y, width: back.cell.width, height: back.cell.height };
      for (const key of ['x', 'y', 'width', 'height'] as const) expect(flippedCell[key]).toBeCloseTo(front.cell[key], 9);
      // "Up" on the back page, flipped, is "up" on the front: the leaflet is read the same way round on both sides.
      const backUp = linear(FLIP, linear(back.matrix, { x: 0, y: 1 }));
      const frontUp = linear(front.matrix, { x: 0, y: 1 });
      expect(backUp.x).toBeCloseTo(frontUp.x, 9);
      expect(backUp.y).toBeCloseTo(frontUp.y, 9);
    });
  });
});

describe.each([
  { up: 2 as const, size: 'A5' as const, top: UP.left },
  { up: 4 as const, size: 'A6' as const, top: UP.up },
])('a recto-verso $size leaflet printed $up-up, read back', ({ up, size, top }) => {
  let pages: PlacedWord[][];
  let scale: number;

  beforeAll(async () => {
    const result = await imposeLeaflets([await leaflet(size, 2)], { up });
    scale = result.scale;
    expect(result.duplex).toBe(true);
    pages = await withFile(result.bytes, pageWords);
  });

  it('has a front and a back page', () => {
    expect(pages).toHaveLength(2);
  });

  it('prints every back word, once the sheet is turned over, behind the right corner of every front copy', () => {
    const cells = expectedCells(up, scale);
    const back = pages[1]!;
    for (const cell of cells) {
      for (const corner of CORNERS) {
        const landed = back.filter((word) => word.text === BACK[corner]).map((word) => flipSheet(centre(word))).filter((p) => inside(p, cell));
        expect(landed, `${BACK[corner]} behind the copy at ${cell.x.toFixed(0)}, ${cell.y.toFixed(0)}`).toHaveLength(1);
        expect(nearestCorner(landed[0]!, cell, top)).toBe(BEHIND[corner]);
      }
    }
  });

  it('reads the back upright the same way as the front, once turned over', () => {
    const cells = expectedCells(up, scale);
    const [front, back] = pages as [PlacedWord[], PlacedWord[]];
    const at = (words: PlacedWord[], text: string, cell: Parameters<typeof inside>[1], flip: boolean) => {
      const found = words.map((w) => ({ text: w.text, p: flip ? flipSheet(centre(w)) : centre(w) })).find((w) => w.text === text && inside(w.p, cell));
      if (!found) throw new Error(`${text} not found in the copy at ${cell.x}, ${cell.y}`);
      return found.p;
    };
    for (const cell of cells) {
      // Bottom-left to top-left word: the copy's "up", on each side.
      const frontFrom = at(front, FRONT.sw, cell, false);
      const frontTo = at(front, FRONT.nw, cell, false);
      const backFrom = at(back, BACK.sw, cell, true);
      const backTo = at(back, BACK.nw, cell, true);
      const direction = (from: Vector, to: Vector) => {
        const length = Math.hypot(to.x - from.x, to.y - from.y);
        return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
      };
      // The words differ in length, so their centres are not quite one above the other: a tenth is close enough, the wrong way round is 1 or 2 off.
      const frontUp = direction(frontFrom, frontTo);
      const backUp = direction(backFrom, backTo);
      expect(frontUp.x).toBeCloseTo(top.x, 1);
      expect(frontUp.y).toBeCloseTo(top.y, 1);
      expect(backUp.x).toBeCloseTo(top.x, 1);
      expect(backUp.y).toBeCloseTo(top.y, 1);
    }
  });
});
