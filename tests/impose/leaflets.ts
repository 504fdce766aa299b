import { render } from '../render/line-layout-pdf.ts';

export type Corner = 'nw' | 'ne' | 'sw' | 'se';
export const CORNERS: readonly Corner[] = ['nw', 'ne', 'sw', 'se'];

/** The word printed in each corner of a leaflet's front page. */
export const FRONT: Record<Corner, string> = { nw: 'NORD-OUEST', ne: 'NORD-EST', sw: 'SUD-OUEST', se: 'SUD-EST' };
/** …and of its back page. */
export const BACK: Record<Corner, string> = { nw: 'HAUT-GAUCHE', ne: 'HAUT-DROITE', sw: 'BAS-GAUCHE', se: 'BAS-DROITE' };

const SIZES = { A5: [419.53, 595.28], A6: [297.64, 419.53] } as const;
const INSET = 16;

/**
 * A leaflet rendered by Roneo's renderer with a word in each corner of each
 * page, a line of text in the middle and a grey frame just inside the page
 * edge (to see where each copy lies on a sheet); `sides` 2 makes it
 * recto-verso.
 */
export function leaflet(size: keyof typeof SIZES, sides: 1 | 2, label = 'Tract'): Promise<Uint8Array> {
  const [width, height] = SIZES[size];
  const page = (words: Record<Corner, string>, title: string, first: boolean) => [
    { canvas: [{ type: 'rect', x: -INSET + 2, y: -INSET + 2, w: width - 4, h: height - 4, lineWidth: 0.5, lineColor: '#999999' }], absolutePosition: { x: INSET, y: INSET }, ...(first ? {} : { pageBreak: 'before' }) },
    { columns: [{ text: words.nw }, { text: words.ne, alignment: 'right' }] },
    { text: title, font: 'Charis SIL', bold: true, fontSize: 16, margin: [0, height / 3, 0, 0], alignment: 'center' },
    { columns: [{ text: words.sw }, { text: words.se, alignment: 'right' }], absolutePosition: { x: INSET, y: height - INSET - 14 } },
  ];
  const content = [page(FRONT, `${label} recto`, true), ...(sides === 2 ? [page(BACK, `${label} verso`, false)] : [])].flat();
  return render({ pageSize: size, pageMargins: [INSET, INSET, INSET, INSET], defaultStyle: { font: 'Noto Sans', fontSize: 9 }, content });
}
