import type { Line } from 'pdfmake/js/Line.js';
import type { Inline } from 'pdfmake/js/TextInlines.js';
import { breakInsideWord, hasEnoughSpace, shareBreaks, type MeasureText } from './soft-hyphens.ts';

export interface LineBuilder {
  writer: { context(): { availableWidth: number } };
}

/**
 * pdfmake's LayoutBuilder.buildNextLine (0.3.x), with two changes. A word
 * that does not fit is first cut at its last soft hyphen that does (once per
 * line: the rest then starts the next). And the queue is read in place:
 * pdfmake copied the rest of the paragraph for every word it placed.
 */
export function buildNextLine(builder: LineBuilder, textNode: { _inlines?: Inline[] }, newLine: (width: number) => Line, measure: MeasureText): Line | null {
  const queue = textNode._inlines;
  if (!queue || queue.length === 0) return null;
  const line = newLine(builder.writer.context().availableWidth);
  let forceContinue = false;
  let cut = false;
  while (queue.length > 0) {
    const fits = forceContinue || hasEnoughSpace(line, queue, 0, measure);
    const overlong = line.inlines.length === 0 && queue[0]!.width - (queue[0]!.leadingCut ?? 0) > line.maxWidth;
    if (!fits || overlong) {
      if (!cut && breakInsideWord(line, queue, measure)) {
        cut = true;
        continue;
      }
      if (!fits) break;
    }
    let hardWrap = false;
    const inline = queue.shift()!;
    if (!(inline as { noWrap?: unknown }).noWrap && inline.text.length > 1 && inline.width > line.maxWidth - line.getWidth()) {
      // No soft hyphen fits: cut the word where the line ends, as pdfmake does.
      const length = longestFit(inline, line.maxWidth - line.getWidth(), measure);
      if (length < inline.text.length) {
        const whole = inline.width;
        const rest: Inline = { ...inline, text: inline.text.slice(length) };
        inline.text = inline.text.slice(0, length);
        shareBreaks(inline, rest, length);
        inline.width = measure(inline.text, inline);
        rest.width = restWidth(rest, whole - inline.width, length, measure);
        queue.unshift(rest);
        hardWrap = true;
      }
    }
    line.addInline(inline);
    forceContinue = inline.noNewLine === true && !hardWrap;
  }
  line.lastLineInParagraph = queue.length === 0;
  return line;
}

/**
 * The longest start of a word that fits (at least one character), as
 * pdfmake's binary search finds it, but over the lengths that can fit:
 * doubling from one character until a start is too wide, then halving.
 * Searching the whole word measured starts as long as the word, once per
 * line: a pasted word of 5,000 letters took seconds to set.
 */
function longestFit(inline: Inline, width: number, measure: MeasureText): number {
  const text = inline.text;
  const fits = (length: number) => measure(text.substring(0, length), inline) <= width;
  let best = 1;
  let tooLong = text.length + 1;
  for (let length = 2; length <= text.length; length *= 2) {
    if (!fits(length)) {
      tooLong = length;
      break;
    }
    best = length;
  }
  if (tooLong > text.length && best < text.length) {
    if (fits(text.length)) return text.length;
    tooLong = text.length;
  }
  let low = best + 1;
  let high = tooLong - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) {
      best = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/** Past this many times a line's worth of characters, the rest of a cut word cannot fit a line, whatever its letters. */
const SURELY_TOO_LONG = 8;

/**
 * The width of what is left of a word cut at the end of a line: measured,
 * unless it is so long that it will be cut again at the next line, where
 * only its start is measured; then the word's width less its first line's
 * is close enough, and measuring every rest of a long word took the square
 * of its length.
 */
function restWidth(rest: Inline, estimate: number, lineLength: number, measure: MeasureText): number {
  return rest.text.length > SURELY_TOO_LONG * lineLength ? estimate : measure(rest.text, rest);
}
