import { PDFDocument } from 'pdf-lib';
import { render } from '../render/line-layout-pdf.ts';
import { CORNERS, type Corner, FRONT } from './leaflets.ts';

/*
 * Publications as the shop profile renders them, worked out here from the
 * paper sizes and not taken from src/impose: each page the finished page
 * plus 3 mm on every side, a background over the whole rendered page (and
 * beyond), so that it runs into the bleed, and a word near each corner of
 * the finished page.
 */

export const MM = 72 / 25.4;
export const BLEED = 3 * MM;

export interface Size {
  width: number;
  height: number;
}

/** The ISO sizes as pdfkit sets them. */
export const A4: Size = { width: 595.28, height: 841.89 };
export const A5: Size = { width: 419.53, height: 595.28 };
export const landscape = (size: Size): Size => ({ width: size.height, height: size.width });

/** The background, a mid blue: poppler renders it grey 130 or so, far from both the paper and the marks. */
export const BACKGROUND = '#4a90c0';
/** The words are this far in from the finished page's edges. */
export const INSET = 6 * MM;
const MARGIN = BLEED + INSET;
const FONT_SIZE = 9;
const WORD_WIDTH = 150;
/** How far the background is drawn beyond the rendered page, outside the bleed. */
const OVERSHOOT = 10;

/** A word near each corner of the finished page, the corner's name followed by the page number: NORD-OUEST-1… */
export const cornerWord = (corner: Corner, page: number) => `${FRONT[corner]}-${page}`;

/**
 * `pages` pages of `trim` plus bleed through Roneo's renderer, the second
 * one turned landscape when `turnSecond` (pdfmake turns a page, it cannot
 * change its size). Page 1 links its top-left word and has a bookmark, as a
 * real publication does.
 */
export function rendered(trim: Size, pages: number, turnSecond = false, first = 1): Promise<Uint8Array> {
  const content = Array.from({ length: pages }, (_, i) => {
    const size = turnSecond && i === 1 ? landscape(trim) : trim;
    const page = { width: size.width + 2 * BLEED, height: size.height + 2 * BLEED };
    const n = first + i;
    // pdfmake moves a word that would end below the bottom margin to the next page: the margins are the words' inset, and the bottom words end 2 pt above it.
    const at = (corner: Corner) => ({
      x: corner.endsWith('w') ? MARGIN : page.width - MARGIN - WORD_WIDTH,
      y: corner.startsWith('n') ? MARGIN : page.height - MARGIN - FONT_SIZE * 1.6,
    });
    const words = CORNERS.map((corner) => ({
      text: cornerWord(corner, n),
      width: WORD_WIDTH,
      alignment: corner.endsWith('w') ? 'left' : 'right',
      absolutePosition: at(corner),
      ...(n === 1 && corner === 'nw' ? { link: 'https://example.org/janaozen' } : {}),
    }));
    return [
      ...(i === 0 ? [] : [{ text: '', pageBreak: 'before', pageOrientation: size.width > size.height ? 'landscape' : 'portrait' }]),
      // Placed at the margin's corner, as pdfmake places a block, and drawn back beyond the rendered page's edges, as a careless layout might: the shop file must cut it off at the bleed.
      {
        canvas: [{ type: 'rect', x: -MARGIN - OVERSHOOT, y: -MARGIN - OVERSHOOT, w: page.width + 2 * OVERSHOOT, h: page.height + 2 * OVERSHOOT, color: BACKGROUND }],
        absolutePosition: { x: MARGIN, y: MARGIN },
      },
      { text: `Page ${n}`, id: `page-${n}`, outline: true, outlineText: `Page ${n}`, fontSize: 20, alignment: 'center', margin: [0, 100, 0, 0] },
      ...words,
    ];
  }).flat();
  return render({
    pageSize: { width: trim.width + 2 * BLEED, height: trim.height + 2 * BLEED },
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    defaultStyle: { font: 'Noto Sans', fontSize: FONT_SIZE },
    content,
  });
}

/** The pages of several PDFs, one after the other: a cover rendered on its own, then the body. */
export async function joined(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const whole = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    for (const page of await whole.copyPages(source, source.getPageIndices())) whole.addPage(page);
  }
  return whole.save({ useObjectStreams: false });
}
