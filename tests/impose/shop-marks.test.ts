import { beforeAll, describe, expect, it } from 'vitest';
import { finishForShop } from '../../src/impose/index.ts';
import { grayPage, type GrayPage } from '../helpers/page-raster.ts';
import { type StrokedLine, strokedLines } from './booklet-content.ts';
import { pageContents, withFile } from './sheet-file.ts';
import { type PageBoxes, pageBoxes, type Rect } from './shop-file.ts';
import { A4, A5, joined, MM, rendered } from './shop-input.ts';

/** How far a line's ink lies outside a box (negative when any of it is inside), its half width included. */
function outside(line: StrokedLine, box: Rect): number {
  const gapX = Math.max(box.left - Math.max(line.x0, line.x1), Math.min(line.x0, line.x1) - box.right);
  const gapY = Math.max(box.bottom - Math.max(line.y0, line.y1), Math.min(line.y0, line.y1) - box.top);
  return Math.max(gapX, gapY) - line.width / 2;
}

const corners = (trim: Rect) => [
  { x: trim.left, y: trim.bottom, outX: -1, outY: -1 },
  { x: trim.right, y: trim.bottom, outX: 1, outY: -1 },
  { x: trim.left, y: trim.top, outX: -1, outY: 1 },
  { x: trim.right, y: trim.top, outX: 1, outY: 1 },
];

describe('crop marks', () => {
  let bytes: Uint8Array;
  let boxes: PageBoxes[];
  let contents: string[];

  beforeAll(async () => {
    // An A4 cover, then an A5 page and an A5 landscape one: the marks follow each page's own trim.
    bytes = (await finishForShop(await joined([await rendered(A4, 1), await rendered(A5, 2, true, 2)]))).bytes;
    boxes = await withFile(bytes, pageBoxes);
    contents = await withFile(bytes, pageContents);
  });

  it('draws eight thin black lines a page, two at each trim corner, each continuing a trim line, outside the BleedBox and inside the MediaBox', () => {
    expect(contents).toHaveLength(3);
    contents.forEach((content, index) => {
      const { trim, bleed, media } = boxes[index] as Required<PageBoxes>;
      const lines = strokedLines(content);
      expect(lines, `page ${index + 1}`).toHaveLength(8);
      for (const line of lines) {
        expect(line.width).toBeGreaterThanOrEqual(0.25);
        expect(line.width).toBeLessThanOrEqual(0.3);
        expect(line.gray).toBe('0');
        expect(Math.hypot(line.x1 - line.x0, line.y1 - line.y0)).toBeCloseTo(5 * MM, 2);
        // At least 2 mm clear of the bleed: a colour a little off register never touches a mark.
        expect(outside(line, bleed)).toBeGreaterThan(2 * MM);
        expect(outside(line, { left: media.left + 1, bottom: media.bottom + 1, right: media.right - 1, top: media.top - 1 })).toBeLessThan(0);
      }
      for (const { x, y, outX, outY } of corners(trim)) {
        // Along the vertical trim line, beyond the corner's top or bottom edge…
        const vertical = lines.filter((l) => Math.abs(l.x0 - x) < 0.01 && Math.abs(l.x1 - x) < 0.01 && Math.sign(l.y0 - y) === outY && Math.sign(l.y1 - y) === outY);
        // …and along the horizontal one, beyond its side.
        const horizontal = lines.filter((l) => Math.abs(l.y0 - y) < 0.01 && Math.abs(l.y1 - y) < 0.01 && Math.sign(l.x0 - x) === outX && Math.sign(l.x1 - x) === outX);
        expect(vertical, `page ${index + 1}, corner (${x}, ${y})`).toHaveLength(1);
        expect(horizontal, `page ${index + 1}, corner (${x}, ${y})`).toHaveLength(1);
      }
    });
  });

  it('prints the background up to the BleedBox and no further, and nothing but the marks outside it', async () => {
    // Three pixels a point: a 0.25 pt line still shows as a dark pixel.
    const dpi = 216;
    const px = dpi / 72;
    for (const [index, page] of boxes.entries()) {
      const { trim, bleed, media } = page as Required<PageBoxes>;
      const raster: GrayPage = await withFile(bytes, (file) => grayPage(file, index + 1, dpi));
      expect(raster.width).toBe(Math.round((media.right * dpi) / 72));
      const marks = strokedLines(contents[index]!);
      const nearMark = (x: number, y: number) =>
        marks.some((m) => Math.abs(m.x0 - m.x1) < 0.01
          ? Math.abs(x - m.x0) < 1 && y > Math.min(m.y0, m.y1) - 1 && y < Math.max(m.y0, m.y1) + 1
          : Math.abs(y - m.y0) < 1 && x > Math.min(m.x0, m.x1) - 1 && x < Math.max(m.x0, m.x1) + 1);
      const inside = (box: Rect, x: number, y: number, by: number) => x > box.left + by && x < box.right - by && y > box.bottom + by && y < box.top - by;
      const unbled: Array<{ x: number; y: number; gray: number }> = [];
      const stray: Array<{ x: number; y: number; gray: number }> = [];
      const inked: Array<{ x: number; y: number }> = [];
      for (let j = 0; j < raster.height; j += 1) {
        for (let i = 0; i < raster.width; i += 1) {
          // Pixel (i, j) has its centre at ((i + 0.5) / px, height − (j + 0.5) / px) in points.
          const x = (i + 0.5) / px;
          const y = media.top - (j + 0.5) / px;
          const gray = raster.pixels[j * raster.width + i]!;
          // The bleed band, between TrimBox and BleedBox, a point clear of both edges: the background, nothing else.
          if (inside(bleed, x, y, 1) && !inside(trim, x, y, -1) && (gray < 100 || gray > 160)) unbled.push({ x, y, gray });
          // Beyond the BleedBox by a point: white paper, but on the marks.
          if (!inside(bleed, x, y, -1)) {
            if (nearMark(x, y)) {
              if (gray < 160) inked.push({ x, y });
            } else if (gray < 250) stray.push({ x, y, gray });
          }
        }
      }
      expect(unbled.slice(0, 5), `page ${index + 1}: the bleed band`).toEqual([]);
      expect(stray.slice(0, 5), `page ${index + 1}: outside the bleed`).toEqual([]);
      // Every mark shows, nearly its whole length.
      for (const mark of marks) {
        const vertical = Math.abs(mark.x0 - mark.x1) < 0.01;
        const on = inked.filter((p) => (vertical ? Math.abs(p.x - mark.x0) < 1 && Math.abs(p.y - (mark.y0 + mark.y1) / 2) < 3 * MM : Math.abs(p.y - mark.y0) < 1 && Math.abs(p.x - (mark.x0 + mark.x1) / 2) < 3 * MM));
        const along = on.map((p) => (vertical ? p.y : p.x));
        expect(Math.max(...along) - Math.min(...along), `page ${index + 1}`).toBeGreaterThan(4.5 * MM);
      }
    }
  });
});
