import { render } from '../render/line-layout-pdf.ts';

export const A5 = { width: 419.53, height: 595.28 };
const MARGIN = 40;

/** The words printed on page `n` of a test pamphlet: a big number in the middle, and a word at its head and one at its foot to tell which way up it is. */
export const label = (n: number) => `PAGE-${n}`;
export const head = (n: number) => `HEAD-${n}`;
export const foot = (n: number) => `FOOT-${n}`;

/**
 * An A5 pamphlet of `count` pages rendered by Roneo's renderer: each page
 * has its number in big letters in the middle, HEAD-n and FOOT-n at the
 * top and the bottom of the text, and a grey frame just inside the page
 * edge (to see where each page lies on a sheet). Like a real pamphlet it
 * has links (HEAD-n) and bookmarks (one per page), which a print file
 * leaves out.
 */
export function pamphlet(count: number): Promise<Uint8Array> {
  const content = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return [
      { text: head(n), alignment: 'center', link: `https://example.org/${n}`, ...(i === 0 ? {} : { pageBreak: 'before' }) },
      { canvas: [{ type: 'rect', x: 0, y: 0, w: A5.width - 6, h: A5.height - 6, lineWidth: 0.5, lineColor: '#999999' }], absolutePosition: { x: 3, y: 3 } },
      { text: label(n), id: label(n), outline: true, outlineText: label(n), font: 'Charis SIL', bold: true, fontSize: 40, alignment: 'center', margin: [0, 200, 0, 0] },
      { text: foot(n), alignment: 'center', margin: [0, 200, 0, 0] },
    ];
  }).flat();
  return render({ pageSize: 'A5', pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN], defaultStyle: { font: 'Noto Sans', fontSize: 10 }, content });
}
