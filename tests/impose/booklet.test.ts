import { beforeAll, describe, expect, it } from 'vitest';
import { type ImposedBooklet, imposeBooklet } from '../../src/impose/index.ts';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import { pdfObjects, type PdfValue } from '../helpers/pdf-objects.ts';
import { pdfInfo, qpdfCheck } from '../helpers/pdf.ts';
import { pamphlet } from './booklet-pamphlet.ts';
import { numbers, readSides, SHEET, upright } from './booklet-sheets.ts';
import { fontPrograms, withFile, expectGivenMetadata } from './sheet-file.ts';

/*
 * The expected sides, worked out here: a signature's booklet pages nest,
 * so the outermost sheet carries its last and first pages, the next one in
 * the last but one… Booklet pages are given as pamphlet page numbers, 0
 * for a blank.
 */
function expectedSides(bookletPages: number[], signatureSheets: number[]): number[][] {
  const sides: number[][] = [];
  let first = 0;
  for (const sheets of signatureSheets) {
    const pages = bookletPages.slice(first, first + 4 * sheets);
    for (let k = 0; k < sheets; k += 1) {
      const outside = pages.length - 1 - 2 * k;
      sides.push([pages[outside]!, pages[2 * k]!], [pages[2 * k + 1]!, pages[outside - 1]!]);
    }
    first += 4 * sheets;
  }
  return sides;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('an 8-page pamphlet', () => {
  let source: Uint8Array;
  let result: ImposedBooklet;

  beforeAll(async () => {
    source = await pamphlet(8);
    result = await imposeBooklet(source);
  });

  it('is two sheets, printed on both sides: 8 | 1 and 2 | 7, then 6 | 3 and 4 | 5, read by position on each printed side', async () => {
    expect(result).toMatchObject({ sheets: 2, signatures: 1, pages: 8, blanks: 0 });
    const sides = await readSides(result.bytes);
    expect(numbers(sides)).toEqual([
      [8, 1],
      [2, 7],
      [6, 3],
      [4, 5],
    ]);
    for (const side of sides) for (const half of [side.left, side.right]) expect(upright(half), `page ${half.page} upright`).toBe(true);
  });

  it('reports the same order', () => {
    expect(result.order).toEqual([
      { sheet: 1, side: 'front', left: 8, right: 1 },
      { sheet: 1, side: 'back', left: 2, right: 7 },
      { sheet: 2, side: 'front', left: 6, right: 3 },
      { sheet: 2, side: 'back', left: 4, right: 5 },
    ]);
  });

  it('makes A4 landscape pages, every one, with the A5 pages at 100 %', async () => {
    const pages = await withFile(result.bytes, pdfLayout);
    expect(pages).toHaveLength(4);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(SHEET.width, 1);
      expect(page.height).toBeCloseTo(SHEET.height, 1);
    }
    // The big number keeps its size: the same box as on the pamphlet's own page.
    const [sourcePage] = await withFile(source, pdfLayout);
    const word = (page: (typeof pages)[number], text: string) => page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)).find((w) => w.text === text)!;
    const before = word(sourcePage!, 'PAGE-1');
    const after = word(pages[0]!, 'PAGE-1');
    expect(after.xMax - after.xMin).toBeCloseTo(before.xMax - before.xMin, 2);
    expect(after.yMax - after.yMin).toBeCloseTo(before.yMax - before.yMin, 2);
    // Page 1 lies against the fold, its top and bottom where they were on the A5 page (A5 and A4 landscape are the same height).
    expect(after.xMin - SHEET.width / 2).toBeCloseTo(before.xMin, 2);
    expect(after.yMin).toBeCloseTo(before.yMin, 2);
  });

  it('passes qpdf --check', async () => {
    const check = await withFile(result.bytes, qpdfCheck);
    expect(check.output).not.toMatch(/WARNING/);
    expect(check.ok).toBe(true);
  });

  it('embeds the pamphlet\'s font programs once', async () => {
    const inPamphlet = await withFile(source, fontPrograms);
    expect(inPamphlet).toBeGreaterThan(0);
    expect(await withFile(result.bytes, fontPrograms)).toBe(inPamphlet);
  });

  it('leaves out the links and the bookmarks', async () => {
    const annotations = (objects: Awaited<ReturnType<typeof pdfObjects>>) =>
      objects.all().flatMap((o) => {
        const annots = o !== null && typeof o === 'object' && !Array.isArray(o) ? o['/Annots'] : undefined;
        const list: PdfValue = (typeof annots === 'string' ? objects.get(annots) : annots) ?? [];
        return Array.isArray(list) ? list : [];
      });
    const catalog = async (bytes: Uint8Array) =>
      withFile(bytes, async (file) => {
        const objects = await pdfObjects(file);
        const root = objects.get(objects.trailer['/Root']) as Record<string, PdfValue>;
        return { annotations: annotations(objects), outlines: root['/Outlines'], text: JSON.stringify(objects.all()) };
      });
    const before = await catalog(source);
    expect(before.annotations.length).toBeGreaterThan(0);
    expect(before.outlines).toBeDefined();
    const after = await catalog(result.bytes);
    expect(after.annotations).toEqual([]);
    expect(after.outlines).toBeUndefined();
    expect(after.text).not.toMatch(/\/URI|\/Link|\/Outlines|\/Dest/);
  });
});

describe('a 6-page pamphlet', () => {
  it('pads to 8 with the blanks before the back cover, which stays on the outside of sheet 1, left of the front cover', async () => {
    const result = await imposeBooklet(await pamphlet(6));
    expect(result).toMatchObject({ sheets: 2, signatures: 1, pages: 8, blanks: 2 });
    const sides = await readSides(result.bytes);
    expect(numbers(sides)).toEqual([
      [6, 1],
      [2, 0],
      [0, 3],
      [4, 5],
    ]);
    // The blank halves are blank: no words at all.
    expect(sides[1]!.words.every((w) => w.x0 < SHEET.width / 2)).toBe(true);
    expect(numbers(sides)).toEqual(result.order.map((side) => [side.left, side.right]));
  });
});

describe.each([
  { n: 1, pages: [1, 0, 0, 0], signatures: [1] },
  { n: 2, pages: [1, 0, 0, 2], signatures: [1] },
  { n: 3, pages: [1, 2, 0, 3], signatures: [1] },
  { n: 4, pages: range(1, 4), signatures: [1] },
  { n: 5, pages: [1, 2, 3, 4, 0, 0, 0, 5], signatures: [2] },
  { n: 12, pages: range(1, 12), signatures: [3] },
  { n: 32, pages: range(1, 32), signatures: [8] },
  { n: 40, pages: range(1, 40), signatures: [5, 5] },
  { n: 42, pages: [...range(1, 41), 0, 0, 42], signatures: [6, 5] },
])('a $n-page pamphlet', ({ n, pages, signatures }) => {
  let result: ImposedBooklet;

  beforeAll(async () => {
    result = await imposeBooklet(await pamphlet(n));
  });

  it(`is ${pages.length / 4} sheets in ${signatures.length} signature(s), padded with ${pages.length - n} blank(s)`, () => {
    expect(result).toMatchObject({ sheets: pages.length / 4, signatures: signatures.length, pages: pages.length, blanks: pages.length - n });
    expect(result.order).toHaveLength(pages.length / 2);
  });

  it('prints every page once, where a saddle stitch puts it, upright, as it reports', async () => {
    const sides = await readSides(result.bytes);
    const expected = expectedSides(pages, signatures);
    expect(numbers(sides)).toEqual(expected);
    expect(result.order.map((side) => [side.left, side.right])).toEqual(expected);
    expect(result.order.map((side) => `${side.sheet} ${side.side}`)).toEqual(expected.map((_, i) => `${Math.floor(i / 2) + 1} ${i % 2 === 0 ? 'front' : 'back'}`));
    for (const side of sides) for (const half of [side.left, side.right]) if (half.page !== 0) expect(upright(half)).toBe(true);
    // The front cover on the outside of the first sheet; the back cover on the outside of the last signature's first sheet.
    expect(sides[0]!.right.page).toBe(1);
    const lastSignature = 2 * (result.sheets - signatures.at(-1)!);
    if (n > 1) expect(sides[lastSignature]!.left.page).toBe(n);
  });
});

describe('signatures', () => {
  it('with one sheet a signature, a 12-page pamphlet is three folded sheets stacked: 4 | 1, 2 | 3, then 8 | 5…', async () => {
    const result = await imposeBooklet(await pamphlet(12), { sheetsPerSignature: 1 });
    expect(result).toMatchObject({ sheets: 3, signatures: 3 });
    expect(numbers(await readSides(result.bytes))).toEqual([
      [4, 1],
      [2, 3],
      [8, 5],
      [6, 7],
      [12, 9],
      [10, 11],
    ]);
  });
});

describe('reproducibility and metadata', () => {
  const options = { title: 'Janaözen — livret', producer: 'Roneo 0.1.0', creationDate: new Date(Date.UTC(2021, 11, 16)) };
  let source: Uint8Array;

  beforeAll(async () => {
    source = await pamphlet(6);
  });

  it('gives byte-identical output for the same input', async () => {
    const first = await imposeBooklet(source, { ...options, creepMm: 0.2 });
    const second = await imposeBooklet(new Uint8Array(source), { ...options, creepMm: 0.2, creationDate: new Date(options.creationDate) });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('writes the given title, producer and dates, nothing of pdf-lib\'s own, and an /ID made from the input and the options', async () => {
    const { bytes } = await imposeBooklet(source, options);
    const id = await expectGivenMetadata(bytes, options);
    for (const other of [{ ...options, creepMm: 0.1 }, { ...options, sheetsPerSignature: 1 }, { ...options, title: 'Autre' }]) {
      expect(Buffer.from((await imposeBooklet(source, other)).bytes).toString('latin1')).not.toContain(id);
    }
  });

  it('writes no date and no title when none is given', async () => {
    const info = await withFile((await imposeBooklet(source)).bytes, pdfInfo);
    expect(info.fields.CreationDate).toBeUndefined();
    expect(info.fields.Title).toBeUndefined();
  });
});
