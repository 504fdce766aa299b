import { beforeAll, describe, expect, it } from 'vitest';
import { imposeBooklet } from '../../src/impose/index.ts';
import { BOOKLET_SHEET, creepShift, pagePlacement } from '../../src/impose/booklet-layout.ts';
import { sheetPositions } from '../../src/impose/booklet-order.ts';
import { apply, compose, type Matrix } from '../../src/impose/matrix.ts';
import { A5, pamphlet } from './booklet-pamphlet.ts';
import { readSides, SHEET, type SideRead, upright } from './booklet-sheets.ts';
import { centre } from './sheet-file.ts';

/*
 * The physical model, in the printer's terms. The landscape page W × H is
 * turned a quarter onto A4 portrait paper (H wide, W tall), one way or the
 * other as the driver likes, both sides the same way. Printed "flip on
 * short edge", the paper turns over about an axis parallel to its short
 * edges: the back's (p, q) lies behind the front's (p, W − q). "Flip on
 * long edge" turns it about its long axis: (p, q) behind (H − p, q).
 * A leaf of the finished booklet turns over about the fold, its top
 * staying on top: its back page's (u, v) lies behind (w − u, v) of its
 * front page.
 */
const W = SHEET.width;
const H = SHEET.height;
const QUARTER_TURNS: Record<string, Matrix> = {
  anticlockwise: [0, 1, -1, 0, H, 0],
  clockwise: [0, -1, 1, 0, 0, W],
};
const SHORT_EDGE: Matrix = [1, 0, 0, -1, 0, W];
const LONG_EDGE: Matrix = [-1, 0, 0, 1, H, 0];
const leafTurn = (width: number): Matrix => [-1, 0, 0, 1, width, 0];

function inverse([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** Where a point drawn on the back page lies behind the front page, with the paper turned by `turn` in the printer and flipped by `flip`. */
const behind = (turn: Matrix, flip: Matrix): Matrix => compose(inverse(turn), compose(flip, turn));

const expectMatrix = (actual: Matrix, expected: Matrix) => actual.forEach((value, k) => expect(value).toBeCloseTo(expected[k]!, 9));

/** The sheet's own turn about the fold: what "flip on short edge" comes to on the landscape page, however the driver turns it. */
const FLIP: Matrix = [-1, 0, 0, 1, W, 0];

describe('short-edge duplex geometry', () => {
  it.each(Object.keys(QUARTER_TURNS))('turns the landscape sheet about its fold, top kept on top, whichever way the printer turns it (%s)', (name) => {
    expectMatrix(behind(QUARTER_TURNS[name]!, SHORT_EDGE), FLIP);
  });

  it.each(Object.keys(QUARTER_TURNS))('…whereas flipping on the long edge would turn the backs upside down (%s)', (name) => {
    expectMatrix(behind(QUARTER_TURNS[name]!, LONG_EDGE), [1, 0, 0, -1, 0, H]);
  });

  it('sends each back page, flipped with the sheet, onto the front page of its leaf, turned over as a leaf is, with and without creep', () => {
    expect(BOOKLET_SHEET).toEqual({ width: expect.closeTo(W, 2), height: expect.closeTo(H, 2) });
    for (const creepMm of [0, 0.5]) {
      for (const { depth, front, back } of sheetPositions(32, 8)) {
        const shift = creepShift(depth, creepMm);
        // The back's left half holds the page after the front's right one, and so on (booklet-order.test.ts).
        expect(back.left).toBe(front.right + 1);
        expect(back.right).toBe(front.left - 1);
        for (const [backHalf, frontHalf] of [['left', 'right'], ['right', 'left']] as const) {
          const flipped = compose(FLIP, pagePlacement(backHalf, A5, shift));
          expectMatrix(flipped, compose(pagePlacement(frontHalf, A5, shift), leafTurn(A5.width)));
          // So its corners fall on the front page's corners, and its "up" is the front's "up".
          const corner = apply(flipped, { x: 0, y: A5.height });
          const frontCorner = apply(pagePlacement(frontHalf, A5, shift), { x: A5.width, y: A5.height });
          expect(corner.x).toBeCloseTo(frontCorner.x, 9);
          expect(corner.y).toBeCloseTo(frontCorner.y, 9);
        }
      }
    }
  });
});

describe('an 8-page booklet printed on both sides, read back', () => {
  let sides: SideRead[];

  beforeAll(async () => {
    sides = await readSides((await imposeBooklet(await pamphlet(8))).bytes);
  });

  it('prints every page upright on its side of the sheet: the backs are not turned', () => {
    for (const side of sides) {
      expect(upright(side.left), `page ${side.left.page}`).toBe(true);
      expect(upright(side.right), `page ${side.right.page}`).toBe(true);
    }
  });

  it('puts every back page, once the sheet is flipped on its short edge, behind the other page of its leaf, the same way up', () => {
    for (let sheet = 0; sheet < sides.length / 2; sheet += 1) {
      const front = sides[2 * sheet]!;
      const back = sides[2 * sheet + 1]!;
      for (const half of [back.left, back.right]) {
        // Pages 2m − 1 and 2m share a leaf.
        const partner = half.page % 2 === 0 ? half.page - 1 : half.page + 1;
        const target = [front.left, front.right].find((h) => h.page === partner);
        expect(target, `page ${partner} on the front of sheet ${sheet + 1}`).toBeDefined();
        for (const word of ['label', 'head', 'foot'] as const) {
          const landed = centre(half[word]!);
          const flipped = { x: W - landed.x, y: landed.y };
          const onFront = centre(target![word]!);
          // Mirrored behind the same word of the front page: the same height (so the same way up) and the same distance from the fold.
          expect(flipped.y).toBeCloseTo(onFront.y, 0);
          expect(flipped.x).toBeCloseTo(onFront.x, 0);
        }
      }
    }
  });
});
