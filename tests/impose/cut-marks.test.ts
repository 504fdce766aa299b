import { beforeAll, describe, expect, it } from 'vitest';
import { imposeLeaflets } from '../../src/impose/index.ts';
import { grayPage, type GrayPage } from '../helpers/page-raster.ts';
import { A4, expectedCells, MM, type Rect } from './expected-sheet.ts';
import { leaflet } from './leaflets.ts';
import { pageContents, withFile } from './sheet-file.ts';

interface Line {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The stroked straight lines of a content stream that draws them as `x y m x y l` pairs, with the width and grey they are stroked in. */
function strokedLines(content: string): Array<Line & { width: number; gray: string }> {
  const lines: Array<Line & { width: number; gray: string }> = [];
  let width = 1;
  let gray = '';
  const number = String.raw`(-?[\d.]+)`;
  const pattern = new RegExp(String.raw`${number} w|${number} G|${number} ${number} m\s+${number} ${number} l`, 'g');
  for (const m of content.matchAll(pattern)) {
    if (m[1] !== undefined) width = Number(m[1]);
    else if (m[2] !== undefined) gray = m[2];
    else lines.push({ x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]), width, gray });
  }
  return lines;
}

/** The cut lines: every edge of every cell, without repeats. */
function cutLines(cells: Rect[]): { xs: number[]; ys: number[] } {
  const distinct = (values: number[]) => values.filter((v, i) => values.findIndex((w) => Math.abs(w - v) < 0.01) === i);
  return { xs: distinct(cells.flatMap((c) => [c.x, c.x + c.width])), ys: distinct(cells.flatMap((c) => [c.y, c.y + c.height])) };
}

describe.each([
  { up: 2 as const, size: 'A5' as const },
  { up: 4 as const, size: 'A6' as const },
])('cut marks on a recto-verso $size leaflet printed $up-up', ({ up, size }) => {
  let bytes: Uint8Array;
  let cells: Rect[];

  beforeAll(async () => {
    const result = await imposeLeaflets([await leaflet(size, 2)], { up });
    bytes = result.bytes;
    cells = expectedCells(up, result.scale);
  });

  it('draws thin black lines on every cut line, in the margin, a few millimetres clear of every copy', async () => {
    const contents = await withFile(bytes, pageContents);
    expect(contents).toHaveLength(2);
    const { xs, ys } = cutLines(cells);
    const block = { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
    for (const content of contents) {
      const lines = strokedLines(content);
      expect(lines).toHaveLength(2 * (xs.length + ys.length));
      for (const line of lines) {
        expect(line.width).toBeGreaterThanOrEqual(0.25);
        expect(line.width).toBeLessThanOrEqual(0.5);
        expect(line.gray).toBe('0');
        expect(Math.hypot(line.x1 - line.x0, line.y1 - line.y0)).toBeGreaterThanOrEqual(4 * MM);
        // Clear of every copy's trim box by 2 mm at least, ink included.
        for (const cell of cells) {
          const gapX = Math.max(cell.x - Math.max(line.x0, line.x1), Math.min(line.x0, line.x1) - cell.x - cell.width);
          const gapY = Math.max(cell.y - Math.max(line.y0, line.y1), Math.min(line.y0, line.y1) - cell.y - cell.height);
          expect(Math.max(gapX, gapY) - line.width / 2).toBeGreaterThan(2 * MM);
        }
      }
      // Each vertical cut has a mark above the block and one below; each horizontal cut, one left and one right.
      for (const x of xs) {
        const on = lines.filter((l) => Math.abs(l.x0 - x) < 0.01 && Math.abs(l.x1 - x) < 0.01);
        expect(on.filter((l) => Math.min(l.y0, l.y1) > block.top)).toHaveLength(1);
        expect(on.filter((l) => Math.max(l.y0, l.y1) < block.bottom)).toHaveLength(1);
      }
      for (const y of ys) {
        const on = lines.filter((l) => Math.abs(l.y0 - y) < 0.01 && Math.abs(l.y1 - y) < 0.01);
        expect(on.filter((l) => Math.min(l.x0, l.x1) > block.right)).toHaveLength(1);
        expect(on.filter((l) => Math.max(l.x0, l.x1) < block.left)).toHaveLength(1);
      }
    }
  });

  it('prints the marks, and nothing else, in the margin around the block, inside the printable area', async () => {
    // Three pixels a point: a 0.4 pt line shows dark however it falls on the pixel grid.
    const dpi = 216;
    const px = dpi / 72;
    const { xs, ys } = cutLines(cells);
    const block = { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
    for (const page of [1, 2]) {
      const raster: GrayPage = await withFile(bytes, (file) => grayPage(file, page, dpi));
      const dark = (x: number, y: number) => raster.pixels[y * raster.width + x]! < 160;
      // Pixel (i, j) has its centre at ((i + 0.5) / px, A4.height − (j + 0.5) / px) in points.
      const inks: Array<{ x: number; y: number }> = [];
      for (let j = 0; j < raster.height; j += 1) {
        for (let i = 0; i < raster.width; i += 1) {
          const x = (i + 0.5) / px;
          const y = A4.height - (j + 0.5) / px;
          const inBlock = x > block.left - 1 && x < block.right + 1 && y > block.bottom - 1 && y < block.top + 1;
          if (!inBlock && dark(i, j)) inks.push({ x, y });
        }
      }
      expect(inks.length).toBeGreaterThan(0);
      // Every dark margin pixel lies on a cut line extended outwards, between 2 and 11 mm from the block, 5 mm or more from the paper's edge.
      const offCut = inks.filter(({ x, y }) => {
        const onVertical = xs.some((cut) => Math.abs(x - cut) < 1) && (y > block.top || y < block.bottom);
        const onHorizontal = ys.some((cut) => Math.abs(y - cut) < 1) && (x > block.right || x < block.left);
        const fromBlock = Math.max(block.left - x, x - block.right, block.bottom - y, y - block.top);
        const fromEdge = Math.min(x, y, A4.width - x, A4.height - y);
        return !(onVertical || onHorizontal) || fromBlock < 2 * MM || fromBlock > 11 * MM || fromEdge < 5 * MM;
      });
      expect(offCut).toEqual([]);
      // And every cut line shows, at both ends: at least 4 mm of ink along it.
      const along = (points: Array<{ x: number; y: number }>, key: 'x' | 'y') => {
        const values = points.map((p) => p[key]);
        return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
      };
      for (const x of xs) {
        const mark = inks.filter((p) => Math.abs(p.x - x) < 1);
        expect(along(mark.filter((p) => p.y > block.top), 'y')).toBeGreaterThan(4 * MM);
        expect(along(mark.filter((p) => p.y < block.bottom), 'y')).toBeGreaterThan(4 * MM);
      }
      for (const y of ys) {
        const mark = inks.filter((p) => Math.abs(p.y - y) < 1);
        expect(along(mark.filter((p) => p.x > block.right), 'x')).toBeGreaterThan(4 * MM);
        expect(along(mark.filter((p) => p.x < block.left), 'x')).toBeGreaterThan(4 * MM);
      }
    }
  });
});
