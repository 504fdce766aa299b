import type { Line } from 'pdfmake/js/Line.js';
import type { Inline } from 'pdfmake/js/TextInlines.js';

export const SOFT_HYPHEN = '\u00AD';

/**
 * HYPHEN-MINUS rather than U+2010: every font has it (the shipped ones draw
 * both with the same glyph and advance), and PDF readers recognise a
 * line-final "-" when they rejoin words for search and copy.
 */
export const HYPHEN = '-';

export type MeasureText = (text: string, inline: Inline) => number;

/** What the fix records on pdfmake's inlines. */
interface MarkedInline extends Inline {
  /**
   * Set on a piece cut right after a soft hyphen: its text at that point.
   * pdfmake's overlong-word wrap copies every property onto the part it
   * splits off; only a part that still ends where the soft hyphen was may
   * take the hyphen.
   */
  _roneoSoftHyphen?: string;
  /** Width of the hyphen the inline currently shows at the end of its line. */
  _roneoHyphen?: number;
}

/**
 * Soft hyphens leave the text: mid-line they must draw nothing and take no
 * room, and the fonts map U+00AD to a zero-width space glyph that would still
 * come back as a space in copied text. A piece that ended with one is marked
 * as a place where the line may end with a hyphen. A forced line end there
 * shows none.
 */
export function markSoftHyphens(pieces: Array<{ text: string; lineEnd?: boolean }>): void {
  for (const piece of pieces) {
    if (typeof piece.text !== 'string' || !piece.text.includes(SOFT_HYPHEN)) continue;
    const endsAtSoftHyphen = piece.text.endsWith(SOFT_HYPHEN) && !piece.lineEnd;
    piece.text = piece.text.replaceAll(SOFT_HYPHEN, '');
    if (endsAtSoftHyphen) (piece as MarkedInline)._roneoSoftHyphen = piece.text;
  }
}

/** Whether a line ending after this inline ends inside a word, at a soft hyphen. */
export function breaksWithHyphen(inline: Inline): boolean {
  const marked = (inline as MarkedInline)._roneoSoftHyphen;
  return marked !== undefined && !inline.lineEnd && marked.endsWith(inline.text);
}

/** The hyphen's advance after this inline's text, kerning and letter spacing included. */
export function hyphenWidth(inline: Inline, measure: MeasureText): number {
  return measure(inline.text + HYPHEN, inline) - measure(inline.text, inline);
}

/**
 * An inline carries no hyphen until its line is complete. One can come back
 * to the queue with its hyphen on when pdfmake re-flows a line that moved to
 * another column.
 */
export function dropHyphen(inline: Inline): void {
  const marked = inline as MarkedInline;
  if (marked._roneoHyphen === undefined) return;
  marked.text = marked.text.slice(0, -HYPHEN.length);
  marked.width -= marked._roneoHyphen;
  delete marked._roneoHyphen;
}

/** A complete line that breaks at a soft hyphen gets its hyphen, counted in its width. */
export function showHyphen(line: Line, measure: MeasureText): void {
  const last = line.inlines[line.inlines.length - 1] as MarkedInline | undefined;
  if (!last || last._roneoHyphen !== undefined) return;
  if (line.lastLineInParagraph || line.newLineForced || !breaksWithHyphen(last)) return;
  const width = hyphenWidth(last, measure);
  last.text += HYPHEN;
  last.width += width;
  last._roneoHyphen = width;
  line.inlineWidths += width;
}

/**
 * pdfmake's test, with the hyphen counted wherever the line would end at a
 * soft hyphen. The inline starts a run that cannot be broken inside (a word
 * continuing in another style); the line may end after that run if it fits
 * with its hyphen, or further on, after later runs, if the hyphen does not
 * fit but more of the word does.
 */
export function hasEnoughSpace(line: Line, inline: Inline, nextInlines: Inline[], measure: MeasureText): boolean {
  if (line.inlines.length === 0) return true;
  if (line.newLineForced) return false;
  const count = nextInlines.length + 1;
  const at = (index: number): Inline => (index === 0 ? inline : nextInlines[index - 1]!);
  let width = line.inlineWidths - line.leadingCut;
  for (let index = 0; index < count; index += 1) {
    let last = at(index);
    dropHyphen(last);
    width += last.width;
    // Like pdfmake, every trailing space in the run is taken off.
    let trailing = last.trailingCut ?? 0;
    while (last.noNewLine && index + 1 < count) {
      index += 1;
      last = at(index);
      dropHyphen(last);
      width += last.width;
      trailing += last.trailingCut ?? 0;
    }
    const hyphenated = breaksWithHyphen(last) && index + 1 < count;
    if (width - trailing + (hyphenated ? hyphenWidth(last, measure) : 0) <= line.maxWidth) return true;
    if (!hyphenated || width - trailing > line.maxWidth) return false;
  }
  return false;
}

/** The narrowest a text can be set (for auto-sized table columns) includes a hyphen after a soft-hyphen piece. */
export function minWidthWithHyphens(items: Inline[], minWidth: number, measure: MeasureText): number {
  let min = minWidth;
  for (const item of items) {
    if (breaksWithHyphen(item)) min = Math.max(min, item.width - (item.leadingCut ?? 0) + hyphenWidth(item, measure));
  }
  return min;
}
