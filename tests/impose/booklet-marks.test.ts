import { beforeAll, describe, expect, it } from 'vitest';
import { imposeBooklet } from '../../src/impose/index.ts';
import { grayPage } from '../helpers/page-raster.ts';
import { placedForms, strokedLines } from './booklet-content.ts';
import { A5, pamphlet } from './booklet-pamphlet.ts';
import { FOLD, MM, readSides, SHEET, type SideRead } from './booklet-sheets.ts';
import { centre, pageContents, withFile } from './sheet-file.ts';

describe('fold marks', () => {
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = (await imposeBooklet(await pamphlet(8))).bytes;
  });

  it('draws a thin black line 4 mm long on the fold, 5 mm in from the top and from the bottom edge, on the fronts only', async () => {
    const contents = await withFile(bytes, pageContents);
    expect(contents).toHaveLength(4);
    contents.forEach((content, index) => {
      const lines = strokedLines(content);
      if (index % 2 === 1) {
        expect(lines, 'a back').toEqual([]);
        return;
      }
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line.x0).toBeCloseTo(FOLD, 3);
        expect(line.x1).toBeCloseTo(FOLD, 3);
        expect(line.width).toBeGreaterThanOrEqual(0.25);
        expect(line.width).toBeLessThanOrEqual(0.5);
        expect(line.gray).toBe('0');
        expect(Math.abs(line.y1 - line.y0)).toBeCloseTo(4 * MM, 3);
      }
      const spans = lines.map((l) => [Math.min(l.y0, l.y1), Math.max(l.y0, l.y1)]).sort((a, b) => a[0]! - b[0]!);
      expect(spans[0]![0]).toBeCloseTo(5 * MM, 3);
      expect(SHEET.height - spans[1]![1]!).toBeCloseTo(5 * MM, 3);
    });
  });

  it('prints them, and nothing else on the fold: ink at the top and the bottom of the fold on the fronts, none on the backs', async () => {
    // Three pixels a point: a 0.4 pt line shows dark however it falls on the pixel grid.
    const dpi = 216;
    const px = dpi / 72;
    for (const page of [1, 2, 3, 4]) {
      const raster = await withFile(bytes, (file) => grayPage(file, page, dpi));
      // The ink in the columns within half a point of the fold, by height in points from the bottom.
      const inked: number[] = [];
      for (let j = 0; j < raster.height; j += 1) {
        for (let i = Math.floor((FOLD - 0.5) * px); i <= Math.ceil((FOLD + 0.5) * px); i += 1) {
          if (raster.pixels[j * raster.width + i]! < 160) {
            inked.push(SHEET.height - (j + 0.5) / px);
            break;
          }
        }
      }
      if (page % 2 === 0) {
        expect(inked, `page ${page}, a back`).toEqual([]);
        continue;
      }
      const bottom = inked.filter((y) => y < SHEET.height / 2);
      const top = inked.filter((y) => y > SHEET.height / 2);
      for (const [mark, fromEdge] of [
        [bottom, (y: number) => y],
        [top, (y: number) => SHEET.height - y],
      ] as const) {
        const distances = mark.map(fromEdge);
        expect(Math.min(...distances)).toBeGreaterThan(4.8 * MM);
        expect(Math.max(...distances)).toBeLessThan(9.2 * MM);
        expect(Math.max(...distances) - Math.min(...distances)).toBeGreaterThan(3.5 * MM);
      }
    }
  });
});

describe('creep', () => {
  const creepMm = 1;
  let flat: SideRead[];
  let crept: SideRead[];
  let contents: string[];

  beforeAll(async () => {
    // 16 pages: four sheets, 0 to 3 sheets in from the outside.
    const source = await pamphlet(16);
    const result = await imposeBooklet(source, { creepMm });
    flat = await readSides((await imposeBooklet(source)).bytes);
    crept = await readSides(result.bytes);
    contents = await withFile(result.bytes, pageContents);
  });

  it('places the pages of the sheet k sheets in from the outside k mm towards the fold, each clipped to its half of the sheet', () => {
    expect(contents).toHaveLength(8);
    contents.forEach((content, index) => {
      const depth = Math.floor(index / 2);
      const forms = placedForms(content);
      expect(forms).toHaveLength(2);
      const [left, right] = forms as [(typeof forms)[number], (typeof forms)[number]];
      const shift = depth * creepMm * MM;
      expect(left.matrix).toEqual([1, 0, 0, 1, expect.closeTo(FOLD - A5.width + shift, 6), expect.closeTo(0, 6)]);
      expect(right.matrix).toEqual([1, 0, 0, 1, expect.closeTo(FOLD - shift, 6), expect.closeTo(0, 6)]);
      expect(left.clip).toEqual({ x: 0, y: 0, width: expect.closeTo(FOLD, 6), height: expect.closeTo(SHEET.height, 6) });
      expect(right.clip).toEqual({ x: expect.closeTo(FOLD, 6), y: 0, width: expect.closeTo(FOLD, 6), height: expect.closeTo(SHEET.height, 6) });
    });
  });

  it('moves the printed words of each page by that much towards the fold, and nothing else', () => {
    expect(crept.map((s) => [s.left.page, s.right.page])).toEqual(flat.map((s) => [s.left.page, s.right.page]));
    crept.forEach((side, index) => {
      const shift = Math.floor(index / 2) * creepMm * MM;
      for (const [half, towardsFold] of [['left', 1], ['right', -1]] as const) {
        for (const word of ['label', 'head', 'foot'] as const) {
          const moved = centre(side[half][word]!);
          const before = centre(flat[index]![half][word]!);
          expect(moved.x - before.x).toBeCloseTo(towardsFold * shift, 1);
          expect(moved.y).toBeCloseTo(before.y, 3);
        }
      }
    });
  });

  it('lets nothing of a crept page print across the fold', async () => {
    // The innermost sheet's pages moved 3 mm: their frames, 3 pt inside the page edge, now cross the fold and must be cut off there.
    const innermost = await withFile(
      (await imposeBooklet(await pamphlet(16), { creepMm })).bytes,
      (file) => grayPage(file, 7, 144),
    );
    const px = 2;
    const columns = (from: number, to: number) => {
      let dark = 0;
      for (let i = Math.round(from * px); i <= Math.round(to * px); i += 1) {
        let run = 0;
        for (let j = 0; j < innermost.height; j += 1) run += innermost.pixels[j * innermost.width + i]! < 200 ? 1 : 0;
        // A frame line runs most of the page's height; a fold mark is 4 mm.
        if (run > innermost.height / 2) dark += 1;
      }
      return dark;
    };
    expect(columns(FOLD - 10, FOLD + 10)).toBe(0);
    // …whereas the outer frame lines are still there, 3 mm further from the paper's edges.
    expect(columns(0, 20)).toBeGreaterThan(0);
    expect(columns(SHEET.width - 20, SHEET.width - 1)).toBeGreaterThan(0);
  });
});
