import { describe, expect, it } from 'vitest';
import { apply, type Matrix } from '../../src/impose/matrix.ts';
import { sheetLayout, type Box } from '../../src/impose/sheet-layout.ts';
import { cutMarks, MARK_WIDTH } from '../../src/impose/cut-marks.ts';
import { A4, A5, A6, expectedCells, MM, UP } from './expected-sheet.ts';

/** The rectangle a matrix maps the leaflet's trim box onto. */
function image(matrix: Matrix, leaflet: { width: number; height: number }): Box {
  const corners = [
    { x: 0, y: 0 },
    { x: leaflet.width, y: 0 },
    { x: 0, y: leaflet.height },
    { x: leaflet.width, y: leaflet.height },
  ].map((p) => apply(matrix, p));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

const expectBox = (actual: Box, expected: Box) => {
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(actual[key]).toBeCloseTo(expected[key], 6);
};

describe.each([
  { up: 2 as const, leaflet: A5, top: UP.left },
  { up: 4 as const, leaflet: A6, top: UP.up },
])('the $up-up layout', ({ up, leaflet, top }) => {
  const layout = sheetLayout(up);

  it('is an A4 portrait sheet holding its copies in a centred grid of abutting cells', () => {
    expect(layout.sheet).toEqual(A4);
    expect(layout.front).toHaveLength(up);
    layout.front.forEach((copy, i) => expectBox(copy.cell, expectedCells(up, layout.scale)[i]!));
  });

  it('leaves at least 10 mm around the block on every side, for the marks and the printer', () => {
    const { block } = layout;
    const margins = [block.x, block.y, A4.width - block.x - block.width, A4.height - block.y - block.height];
    for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(10 * MM);
    // The short side is the tight one: 13 mm there, so the scale is as large as it can be.
    expect(Math.min(...margins)).toBeCloseTo(13 * MM, 6);
    expect(layout.scale).toBeCloseTo((210 - 26) / 210, 4);
  });

  it('draws every copy at the same scale, filling its cell exactly, top facing the expected way', () => {
    for (const copy of layout.front) {
      const [a, b, c, d] = copy.matrix;
      // A rotation by quarter turns times the scale: no stretch, no mirror.
      expect(Math.hypot(a, b)).toBeCloseTo(layout.scale, 9);
      expect(Math.hypot(c, d)).toBeCloseTo(layout.scale, 9);
      expect(a * d - b * c).toBeCloseTo(layout.scale ** 2, 9);
      expectBox(image(copy.matrix, leaflet), copy.cell);
      expect({ x: c / layout.scale, y: d / layout.scale }).toEqual({ x: expect.closeTo(top.x, 9), y: expect.closeTo(top.y, 9) });
    }
  });

  it('puts a mark on both ends of every cut line, in the margin, never on a copy', () => {
    const cells = expectedCells(up, layout.scale);
    const xs = [...new Set(cells.flatMap((c) => [c.x, c.x + c.width]).map((v) => v.toFixed(3)))].map(Number);
    const ys = [...new Set(cells.flatMap((c) => [c.y, c.y + c.height]).map((v) => v.toFixed(3)))].map(Number);
    const marks = cutMarks(layout);
    expect(marks).toHaveLength(2 * (xs.length + ys.length));
    for (const x of xs) expect(marks.filter((m) => Math.abs(m.from.x - x) < 1e-3 && Math.abs(m.to.x - x) < 1e-3)).toHaveLength(2);
    for (const y of ys) expect(marks.filter((m) => Math.abs(m.from.y - y) < 1e-3 && Math.abs(m.to.y - y) < 1e-3)).toHaveLength(2);
    for (const { from, to } of marks) {
      expect(Math.hypot(to.x - from.x, to.y - from.y)).toBeCloseTo(5 * MM, 6);
      for (const cell of cells) {
        // The mark's ink, widened by half its line width, stays at least 2 mm clear of every copy.
        const gapX = Math.max(cell.x - Math.max(from.x, to.x), Math.min(from.x, to.x) - cell.x - cell.width);
        const gapY = Math.max(cell.y - Math.max(from.y, to.y), Math.min(from.y, to.y) - cell.y - cell.height);
        expect(Math.max(gapX, gapY) - MARK_WIDTH / 2).toBeGreaterThan(2 * MM);
      }
      // …and inside the printable part of the paper.
      for (const p of [from, to]) {
        expect(Math.min(p.x, p.y, A4.width - p.x, A4.height - p.y)).toBeGreaterThanOrEqual(5 * MM - 1e-9);
      }
    }
  });
});
