/** A page of the pamphlet, by its number in the input PDF (from 1), or BLANK for a page added to make up the sheets. */
export type PageNumber = number;
export const BLANK: PageNumber = 0;

/**
 * The booklet's pages in reading order, as pamphlet page numbers: the
 * pamphlet padded with blanks to a multiple of 4 (a sheet folded once is 4
 * pages). The blanks go just before the back cover, so the last page of
 * the pamphlet stays on the back of the booklet:
 * - 1 page: [1, B, B, B] (no back cover, so the blanks go after);
 * - 2 pages: [1, B, B, 2], the two covers with a blank inside each;
 * - 3 pages: [1, 2, B, 3];
 * - 6 pages: [1, 2, 3, 4, 5, B, B, 6].
 */
export function bookletPages(count: number): PageNumber[] {
  const padded = Math.ceil(count / 4) * 4;
  const blanks = Array.from<PageNumber>({ length: padded - count }).fill(BLANK);
  const pages = Array.from({ length: count }, (_, i) => i + 1);
  if (count === 1) return [...pages, ...blanks];
  return [...pages.slice(0, -1), ...blanks, count];
}

/**
 * How many sheets go into each signature: one signature when the booklet
 * has at most `perSignature` sheets, else as few signatures as that limit
 * allows, as even as can be, the thicker ones first (11 sheets by 8: 6 + 5).
 */
export function signatureSheets(sheets: number, perSignature: number): number[] {
  const signatures = Math.ceil(sheets / perSignature);
  const base = Math.floor(sheets / signatures);
  const thicker = sheets % signatures;
  return Array.from({ length: signatures }, (_, i) => base + (i < thicker ? 1 : 0));
}

/** One printed side: the booklet positions (from 0, in reading order) on its left and right halves. */
export interface SidePositions {
  left: number;
  right: number;
}

export interface SheetPositions {
  /** The signature it belongs to, from 0. */
  signature: number;
  /** Its place in the signature's fold, from 0 for the outermost sheet: how far its pages creep. */
  depth: number;
  front: SidePositions;
  back: SidePositions;
}

/*
 * Saddle stitch. A signature of s sheets holds the 4s consecutive pages
 * first..last; its sheets are nested, the outermost (depth 0) first.
 * Folded with the front outside, and read left to right, the sheet at
 * depth k carries:
 *   front: last − 2k | first + 2k      (a left-hand page | a right-hand page)
 *   back:  first + 2k + 1 | last − 2k − 1
 * so for 8 pages the outer sheet is 8 | 1 and 2 | 7, the inner one 6 | 3
 * and 4 | 5. Each back half lies behind the front half whose page shares
 * its leaf (1 and 2, 7 and 8…): see booklet-layout.ts for why the backs
 * need no turning.
 */
export function sheetPositions(pages: number, perSignature: number): SheetPositions[] {
  const sheets: SheetPositions[] = [];
  let first = 0;
  for (const [signature, count] of signatureSheets(pages / 4, perSignature).entries()) {
    const last = first + 4 * count - 1;
    for (let depth = 0; depth < count; depth += 1) {
      sheets.push({
        signature,
        depth,
        front: { left: last - 2 * depth, right: first + 2 * depth },
        back: { left: first + 2 * depth + 1, right: last - 2 * depth - 1 },
      });
    }
    first = last + 1;
  }
  return sheets;
}
