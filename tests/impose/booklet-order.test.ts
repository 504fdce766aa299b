import { describe, expect, it } from 'vitest';
import { BLANK, bookletPages, sheetPositions, signatureSheets } from '../../src/impose/booklet-order.ts';

const B = BLANK;

describe('padding to a multiple of 4 pages', () => {
  it.each([
    { n: 1, pages: [1, B, B, B] },
    { n: 2, pages: [1, B, B, 2] },
    { n: 3, pages: [1, 2, B, 3] },
    { n: 4, pages: [1, 2, 3, 4] },
    { n: 5, pages: [1, 2, 3, 4, B, B, B, 5] },
    { n: 6, pages: [1, 2, 3, 4, 5, B, B, 6] },
    { n: 7, pages: [1, 2, 3, 4, 5, 6, B, 7] },
    { n: 8, pages: [1, 2, 3, 4, 5, 6, 7, 8] },
  ])('$n pages: blanks just before the back cover', ({ n, pages }) => {
    expect(bookletPages(n)).toEqual(pages);
  });

  it('keeps every page once, in order, and the back cover last, for any length', () => {
    for (let n = 2; n <= 70; n += 1) {
      const pages = bookletPages(n);
      expect(pages.length % 4).toBe(0);
      expect(pages.length - n).toBeLessThan(4);
      expect(pages.at(-1)).toBe(n);
      expect(pages.filter((p) => p !== B)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });
});

describe('signatures', () => {
  it.each([
    { sheets: 1, per: 8, expected: [1] },
    { sheets: 8, per: 8, expected: [8] },
    { sheets: 9, per: 8, expected: [5, 4] },
    { sheets: 10, per: 8, expected: [5, 5] },
    { sheets: 11, per: 8, expected: [6, 5] },
    { sheets: 17, per: 8, expected: [6, 6, 5] },
    { sheets: 5, per: 1, expected: [1, 1, 1, 1, 1] },
    { sheets: 7, per: 3, expected: [3, 2, 2] },
  ])('$sheets sheets at most $per a signature: $expected', ({ sheets, per, expected }) => {
    expect(signatureSheets(sheets, per)).toEqual(expected);
  });
});

describe('saddle-stitch order', () => {
  it('puts 8 pages on two nested sheets: 8 | 1 and 2 | 7, then 6 | 3 and 4 | 5 (positions from 0)', () => {
    expect(sheetPositions(8, 8)).toEqual([
      { signature: 0, depth: 0, front: { left: 7, right: 0 }, back: { left: 1, right: 6 } },
      { signature: 0, depth: 1, front: { left: 5, right: 2 }, back: { left: 3, right: 4 } },
    ]);
  });

  /*
   * A signature folded with its fronts outside and read left to right:
   * going in, each sheet gives the right half of its front, then (turning
   * the leaf) the left half of its back; coming out, the right half of its
   * back, then the left half of its front.
   */
  function readFolded(sheets: ReturnType<typeof sheetPositions>): number[] {
    const pages: number[] = [];
    for (const sheet of sheets) pages.push(sheet.front.right, sheet.back.left);
    for (const sheet of [...sheets].reverse()) pages.push(sheet.back.right, sheet.front.left);
    return pages;
  }

  it.each([4, 8, 12, 32, 36, 40, 44, 68, 100])('reads %i pages in order, each signature folded on its own and stacked', (pages) => {
    for (const per of [1, 2, 3, 8]) {
      const sheets = sheetPositions(pages, per);
      expect(sheets).toHaveLength(pages / 4);
      const read: number[] = [];
      const signatures = Math.max(...sheets.map((s) => s.signature)) + 1;
      for (let signature = 0; signature < signatures; signature += 1) {
        const inSignature = sheets.filter((s) => s.signature === signature);
        expect(inSignature.map((s) => s.depth)).toEqual(inSignature.map((_, i) => i));
        expect(inSignature.length).toBeLessThanOrEqual(per);
        read.push(...readFolded(inSignature));
      }
      expect(read).toEqual(Array.from({ length: pages }, (_, i) => i));
    }
  });

  it('backs each page with the other page of its leaf: 1 with 2, 3 with 4… (positions 0 with 1…)', () => {
    for (const sheet of sheetPositions(44, 8)) {
      // The back's left half lies behind the front's right half, and the other way round (booklet-layout.ts).
      expect(sheet.front.right % 2).toBe(0);
      expect(sheet.back.left).toBe(sheet.front.right + 1);
      expect(sheet.back.right % 2).toBe(0);
      expect(sheet.front.left).toBe(sheet.back.right + 1);
    }
  });
});
