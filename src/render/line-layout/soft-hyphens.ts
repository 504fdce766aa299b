import type { Line } from 'pdfmake/js/Line.js';
import type { Inline } from 'pdfmake/js/TextInlines.js';
import { plainWidth } from './plain-width.ts';

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
  /** Where, in `text`, the word may break with a hyphen: its soft hyphens, ascending. */
  _roneoBreaks?: number[];
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
 * soft hyphen. `queue[start]` starts a run that cannot be broken inside (a
 * word continuing in another style); the line may end after that run if it
 * fits with its hyphen, or further on, after later runs, if the hyphen does
 * not fit but more of the word does.
 */
export function hasEnoughSpace(line: Line, queue: readonly Inline[], start: number, measure: MeasureText): boolean {
  if (line.inlines.length === 0) return true;
  if (line.newLineForced) return false;
  let width = line.inlineWidths - line.leadingCut;
  for (let index = start; index < queue.length; index += 1) {
    let last = queue[index]!;
    dropHyphen(last);
    width += last.width;
    // Like pdfmake, every trailing space in the run is taken off.
    let trailing = last.trailingCut ?? 0;
    while (last.noNewLine && index + 1 < queue.length) {
      index += 1;
      last = queue[index]!;
      dropHyphen(last);
      width += last.width;
      trailing += last.trailingCut ?? 0;
    }
    const hyphenated = breaksWithHyphen(last) && index + 1 < queue.length;
    if (width - trailing + (hyphenated ? hyphenWidth(last, measure) : 0) <= line.maxWidth) return true;
    if (!hyphenated || width - trailing > line.maxWidth) return false;
  }
  return false;
}

/**
 * When the run at the head of the queue does not fit, cuts one of its words
 * at its last soft hyphen where the line still fits with the hyphen drawn:
 * the head of the word then ends the line as a marked piece, and the rest
 * starts the next. Returns whether a word was cut.
 */
export function breakInsideWord(line: Line, queue: Inline[], measure: MeasureText): boolean {
  if (line.newLineForced || queue.length === 0) return false;
  let width = line.inlines.length === 0 ? -(queue[0]!.leadingCut ?? 0) : line.inlineWidths - line.leadingCut;
  // Ruled in by the characters' plain advances, then the last one checked exactly: shaping every part would cost more.
  const candidates: Array<{ index: number; offset: number; before: number }> = [];
  for (let index = 0; index < queue.length && width <= line.maxWidth; index += 1) {
    const piece = queue[index] as MarkedInline;
    dropHyphen(piece);
    if (!(piece as { noWrap?: unknown }).noWrap) {
      const slack = 0.15 * ((piece as { fontSize?: number }).fontSize ?? 0);
      for (const offset of piece._roneoBreaks ?? []) {
        const part = piece.text.slice(0, offset) + HYPHEN;
        if (width + (plainWidth(part, piece) ?? measure(part, piece)) > line.maxWidth + slack) break;
        candidates.push({ index, offset, before: width });
      }
    }
    width += piece.width;
    if (!piece.noNewLine) break;
  }
  for (let c = candidates.length - 1; c >= 0; c -= 1) {
    const { index, offset, before } = candidates[c]!;
    const piece = queue[index] as MarkedInline;
    if (before + measure(piece.text.slice(0, offset) + HYPHEN, piece) > line.maxWidth) continue;
    queue.splice(index, 1, ...cutPiece(piece, offset, measure));
    return true;
  }
  return false;
}

/** Two pieces of one word, measured; the head ends at a soft hyphen, the rest keeps what followed. */
function cutPiece(piece: MarkedInline, offset: number, measure: MeasureText): [MarkedInline, MarkedInline] {
  const breaks = piece._roneoBreaks ?? [];
  const head: MarkedInline = { ...piece, text: piece.text.slice(0, offset), trailingCut: 0, lineEnd: false, noNewLine: false };
  const rest: MarkedInline = { ...piece, text: piece.text.slice(offset), leadingCut: 0 };
  head._roneoSoftHyphen = head.text;
  head._roneoBreaks = breaks.filter((at) => at < offset);
  rest._roneoBreaks = breaks.filter((at) => at > offset).map((at) => at - offset);
  head.width = measure(head.text, head);
  rest.width = measure(rest.text, rest);
  return [head, rest];
}

/** pdfmake cut an overlong piece after `length` characters (no break fitted): its break offsets follow the text. */
export function shareBreaks(head: Inline, rest: Inline, length: number): void {
  const breaks = (head as MarkedInline)._roneoBreaks;
  if (!breaks) return;
  (head as MarkedInline)._roneoBreaks = breaks.filter((at) => at < length);
  (rest as MarkedInline)._roneoBreaks = breaks.filter((at) => at > length).map((at) => at - length);
}

/**
 * The narrowest a text can be set (for auto-sized table columns and
 * columns): a piece that ends at a soft hyphen counts its hyphen, and a word
 * with soft hyphens inside counts its widest part, by its characters' plain
 * advances (plain-width.ts). Only asked inside tables
 * and columns: measuring the parts of every word would cost what joining
 * them saved.
 */
export function minWidthWithHyphens(items: Inline[], minWidth: number, measure: MeasureText): number {
  let min = 0;
  for (const item of items) {
    const breaks = (item as MarkedInline)._roneoBreaks;
    let from = 0;
    for (const at of breaks ?? []) {
      const part = item.text.slice(from, at) + HYPHEN;
      min = Math.max(min, (plainWidth(part, item) ?? measure(part, item)) - (from === 0 ? (item.leadingCut ?? 0) : 0));
      from = at;
    }
    const last = item.text.slice(from);
    const width = from === 0 ? item.width : (plainWidth(last, item) ?? measure(last, item));
    const trimmed = width - (from === 0 ? (item.leadingCut ?? 0) : 0) - (item.trailingCut ?? 0);
    min = Math.max(min, breaksWithHyphen(item) ? trimmed + (item.trailingCut ?? 0) + hyphenWidth(item, measure) : trimmed);
  }
  return items.some((item) => (item as MarkedInline)._roneoBreaks) ? min : Math.max(min, minWidth);
}
