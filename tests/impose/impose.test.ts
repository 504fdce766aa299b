import { beforeAll, describe, expect, it } from 'vitest';
import { imposeLeaflets } from '../../src/impose/index.ts';
import { pdfInfo, qpdfCheck } from '../helpers/pdf.ts';
import { A4, east, expectedCells, inside, nearestCorner, UP } from './expected-sheet.ts';
import { CORNERS, FRONT, leaflet } from './leaflets.ts';
import { centre, fontPrograms, pageWords, withFile, expectGivenMetadata } from './sheet-file.ts';

let a5: Uint8Array;
let a5RectoVerso: Uint8Array;
let a6: Uint8Array;

beforeAll(async () => {
  [a5, a5RectoVerso, a6] = await Promise.all([leaflet('A5', 1), leaflet('A5', 2), leaflet('A6', 1)]);
});

describe.each([
  { up: 2 as const, source: () => a5, top: UP.left },
  { up: 4 as const, source: () => a6, top: UP.up },
])('a one-sided leaflet printed $up-up', ({ up, source, top }) => {
  let result: Awaited<ReturnType<typeof imposeLeaflets>>;

  beforeAll(async () => {
    result = await imposeLeaflets([source()], { up });
  });

  it('makes one A4 portrait page, one-sided, and reports the scale', async () => {
    expect(result.sheets).toBe(1);
    expect(result.duplex).toBe(false);
    expect(result.scale).toBeGreaterThan(0.85);
    expect(result.scale).toBeLessThan(0.9);
    const info = await withFile(result.bytes, pdfInfo);
    expect(info.pages).toBe(1);
    expect(info.width).toBeCloseTo(A4.width, 2);
    expect(info.height).toBeCloseTo(A4.height, 2);
  });

  it('passes qpdf --check', async () => {
    const check = await withFile(result.bytes, qpdfCheck);
    expect(check.output).not.toMatch(/WARNING/);
    expect(check.ok).toBe(true);
  });

  it(`prints ${up} copies, each corner word in its cell's corner, the text running the copy's way`, async () => {
    const [words] = await withFile(result.bytes, pageWords);
    const cells = expectedCells(up, result.scale);
    for (const corner of CORNERS) expect(words!.filter((w) => w.text === FRONT[corner])).toHaveLength(up);
    for (const cell of cells) {
      for (const corner of CORNERS) {
        const found = words!.filter((w) => w.text === FRONT[corner] && inside(centre(w), cell));
        expect(found, `${FRONT[corner]} in the copy at ${cell.x.toFixed(0)}, ${cell.y.toFixed(0)}`).toHaveLength(1);
        const word = found[0]!;
        expect(nearestCorner(centre(word), cell, top)).toBe(corner);
        // A word runs along the copy's lines: wide on an upright copy, tall on one lying on its side.
        const along = Math.abs(east(top).x) * (word.x1 - word.x0) + Math.abs(east(top).y) * (word.y1 - word.y0);
        const across = Math.abs(top.x) * (word.x1 - word.x0) + Math.abs(top.y) * (word.y1 - word.y0);
        expect(along).toBeGreaterThan(2 * across);
      }
      // "Tract" comes before "recto" going the copy's east.
      const [tract, recto] = ['Tract', 'recto'].map((text) => centre(words!.find((w) => w.text === text && inside(centre(w), cell))!));
      const e = east(top);
      expect((recto!.x - tract!.x) * e.x + (recto!.y - tract!.y) * e.y).toBeGreaterThan(0);
    }
  });

  it('embeds the leaflet\'s font programs once, not once per copy', async () => {
    const inLeaflet = await withFile(source(), fontPrograms);
    expect(inLeaflet).toBeGreaterThan(0);
    expect(await withFile(result.bytes, fontPrograms)).toBe(inLeaflet);
  });
});

describe('several leaflets', () => {
  it('makes one sheet per one-sided leaflet', async () => {
    const result = await imposeLeaflets([a5, a5, a5], { up: 2 });
    expect(result).toMatchObject({ sheets: 3, duplex: false });
    expect((await withFile(result.bytes, pdfInfo)).pages).toBe(3);
  });

  it('makes a front and a back per recto-verso leaflet, the fonts of both pages embedded once', async () => {
    const result = await imposeLeaflets([a5RectoVerso, a5RectoVerso], { up: 2 });
    expect(result).toMatchObject({ sheets: 2, duplex: true });
    expect((await withFile(result.bytes, pdfInfo)).pages).toBe(4);
    const inLeaflet = await withFile(a5RectoVerso, fontPrograms);
    expect(await withFile(result.bytes, fontPrograms)).toBe(2 * inLeaflet);
  });

  it('gives a one-sided leaflet a blank back when others are recto-verso, so fronts stay fronts when printed duplex', async () => {
    const result = await imposeLeaflets([a5, a5RectoVerso], { up: 2 });
    expect(result).toMatchObject({ sheets: 2, duplex: true });
    const pages = await withFile(result.bytes, pageWords);
    expect(pages.map((words) => words.some((w) => w.text === FRONT.nw))).toEqual([true, false, true, false]);
    expect(pages[1]).toEqual([]);
    expect(pages[3]!.length).toBeGreaterThan(0);
  });
});

describe('reproducibility and metadata', () => {
  const options = { up: 2 as const, title: 'Janaözen — feuille', producer: 'Roneo 0.1.0', creationDate: new Date(Date.UTC(2021, 11, 16)) };

  it('gives byte-identical output for the same input', async () => {
    const first = await imposeLeaflets([a5RectoVerso], options);
    const second = await imposeLeaflets([new Uint8Array(a5RectoVerso)], { ...options, creationDate: new Date(options.creationDate) });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('writes the given title, producer and dates, nothing of pdf-lib\'s own, and an /ID made from the input', async () => {
    const { bytes } = await imposeLeaflets([a5], options);
    const id = await expectGivenMetadata(bytes, options);
    const other = Buffer.from((await imposeLeaflets([a5], { ...options, title: 'Autre' })).bytes).toString('latin1');
    expect(other).not.toContain(id);
  });

  it('writes no date and no title when none is given', async () => {
    const info = await withFile((await imposeLeaflets([a5], { up: 2 })).bytes, pdfInfo);
    expect(info.fields.CreationDate).toBeUndefined();
    expect(info.fields.Title).toBeUndefined();
  });
});
