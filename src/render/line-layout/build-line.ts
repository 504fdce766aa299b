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
        const rest: Inline = { ...inline, text: inline.text.slice(length) };
        inline.text = inline.text.slice(0, length);
        shareBreaks(inline, rest, length);
        rest.width = measure(rest.text, rest);
        inline.width = measure(inline.text, inline);
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

/** pdfmake's binary search for the longest start of a word that fits (at least one character). */
function longestFit(inline: Inline, width: number, measure: MeasureText): number {
  let low = 1;
  let high = inline.text.length;
  let best = 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (measure(inline.text.substring(0, middle), inline) <= width) {
      best = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}
