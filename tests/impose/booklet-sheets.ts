import { foot, head } from './booklet-pamphlet.ts';
import { centre, pageWords, type PlacedWord, withFile } from './sheet-file.ts';

/*
 * What a printed booklet sheet shows, read back from the PDF by position
 * with poppler, as a person sees each side: the A4 landscape page upright,
 * its left half and its right half. Worked out here from the paper sizes,
 * not taken from src/impose.
 */

export const MM = 72 / 25.4;
/** A4 landscape. */
export const SHEET = { width: 841.89, height: 595.28 };
export const FOLD = SHEET.width / 2;

/** What a half of a printed side shows: the pamphlet page number printed there (0 when nothing is), and where its words are. */
export interface HalfRead {
  page: number;
  /** PAGE-n, HEAD-n and FOOT-n as poppler finds them on the sheet. */
  label?: PlacedWord;
  head?: PlacedWord;
  foot?: PlacedWord;
}

export interface SideRead {
  left: HalfRead;
  right: HalfRead;
  words: PlacedWord[];
}

/** Each page of an imposed booklet, split at the fold. */
export async function readSides(bytes: Uint8Array): Promise<SideRead[]> {
  const pages = await withFile(bytes, pageWords);
  return pages.map((words) => ({
    left: readHalf(words.filter((w) => centre(w).x < FOLD)),
    right: readHalf(words.filter((w) => centre(w).x > FOLD)),
    words,
  }));
}

function readHalf(words: PlacedWord[]): HalfRead {
  const labels = words.filter((w) => /^PAGE-\d+$/.test(w.text));
  if (labels.length > 1) throw new Error(`two page numbers on one half: ${labels.map((w) => w.text).join(', ')}`);
  const label = labels[0];
  if (!label) {
    if (words.length > 0) throw new Error(`a half without a page number has words: ${words.map((w) => w.text).join(' ')}`);
    return { page: 0 };
  }
  const page = Number(label.text.slice('PAGE-'.length));
  return { page, label, head: words.find((w) => w.text === head(page)), foot: words.find((w) => w.text === foot(page)) };
}

/** The [left, right] page numbers of every side, in file order. */
export const numbers = (sides: readonly SideRead[]) => sides.map((side) => [side.left.page, side.right.page]);

/** A half's page reads upright: its head word above its foot word, both over the middle of the page. */
export function upright(half: HalfRead): boolean {
  if (!half.head || !half.foot || !half.label) return false;
  const [h, f, l] = [centre(half.head), centre(half.foot), centre(half.label)];
  return h.y > l.y && l.y > f.y && Math.abs(h.x - f.x) < 1 && half.label.x1 - half.label.x0 > half.label.y1 - half.label.y0;
}
