import { pageGeometry } from './page-geometry.ts';
import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';

/** A figure may take this share of the text block's height, so a tall picture leaves room for its caption and some text. */
const FIGURE_HEIGHT_SHARE = 0.6;

interface Proportions {
  width: number;
  height: number;
}

/**
 * Gives every picture of a laid-out document its box on the page, and
 * returns, for each picture, the widest it is printed: what its pixels are
 * made for (300 dpi at that width). A picture the layout does not size
 * (`width`, `height`, `fit`, `cover`) fills the text width, no taller than
 * 60 % of the text block, or the box the layout gives its figures. The box is fixed here so that how many pixels a
 * picture has never changes how large it prints: pdfmake alone would print
 * one pixel per point.
 *
 * The text width is the page's: a picture the layout puts in a column
 * should be sized by the layout.
 */
export function placeImages(definition: Record<string, unknown>, proportionsOf: (key: string) => Proportions | undefined): Map<string, number> {
  const { width, height, margins } = pageGeometry(definition);
  // A layout may give its figures a smaller box (`roneo: { figure: { width, height } }`, in points): a leaflet has little room.
  const setting = isPdfNode(definition.roneo) && isPdfNode(definition.roneo.figure) ? definition.roneo.figure : {};
  const limit = (value: unknown, room: number) => (typeof value === 'number' && value > 0 ? Math.min(value, room) : room);
  const box: [number, number] = [limit(setting.width, width - margins[0] - margins[2]), limit(setting.height, (height - margins[1] - margins[3]) * FIGURE_HEIGHT_SHARE)];
  const widest = new Map<string, number>();
  const work: unknown[] = [definition.content, definition.background, definition.header, definition.footer];
  while (work.length > 0) {
    const value = work.pop();
    if (Array.isArray(value)) work.push(...value);
    else if (isPdfNode(value)) {
      const proportions = typeof value.image === 'string' ? proportionsOf(value.image) : undefined;
      if (proportions) {
        if (!sized(value)) value.fit = [...box];
        const placed = placedWidth(value, proportions);
        if (placed > (widest.get(value.image as string) ?? 0)) widest.set(value.image as string, placed);
      }
      for (const child of Object.values(value)) if (typeof child === 'object') work.push(child);
    }
  }
  return widest;
}

function sized(node: Record<string, unknown>): boolean {
  return node.width !== undefined || node.height !== undefined || node.fit !== undefined || node.cover !== undefined;
}

/** The printed width of the whole picture, as pdfmake will compute it. */
function placedWidth(node: Record<string, unknown>, { width, height }: Proportions): number {
  const ratio = width / height;
  const number = (value: unknown) => (typeof value === 'number' && value > 0 ? value : undefined);
  if (Array.isArray(node.fit)) {
    const [w, h] = node.fit as unknown[];
    return Math.min(number(w) ?? Number.POSITIVE_INFINITY, (number(h) ?? Number.POSITIVE_INFINITY) * ratio);
  }
  if (isPdfNode(node.cover)) {
    // Scaled to cover its box, then clipped: the whole picture is at least as wide as the box.
    const w = number(node.cover.width) ?? number(node.width) ?? width;
    const h = number(node.cover.height) ?? number(node.height) ?? height;
    return Math.max(w, h * ratio);
  }
  const w = number(node.width) ?? (number(node.height) !== undefined ? number(node.height)! * ratio : width);
  const max = number(node.maxWidth);
  return max !== undefined ? Math.min(w, max) : w;
}
