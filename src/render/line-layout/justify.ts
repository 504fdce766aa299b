import type { Line } from 'pdfmake/js/Line.js';

/**
 * Spaces at which a line can break. The no-break spaces (U+00A0, U+2007,
 * U+202F) bind what they separate, as French typography wants before « : »
 * and inside numbers; they keep their width, as they do inside an inline.
 */
const SPACE_AT_END = /[^\S\u00A0\u2007\u202F]$/u;
const SPACE_AT_START = /^[^\S\u00A0\u2007\u202F]/u;
const BLANK = /^\s*$/u;

/**
 * Sets a line flush with both margins by widening its inter-word spaces,
 * all by the same amount. Boundaries between inlines inside a word (after a
 * compound's hyphen, at a soft hyphen, at a style change) get nothing, nor
 * does white space before the first word or after the last. A line with no
 * inter-word space stays ragged rather than being letter-spaced.
 */
export function justifyLine(line: Line, width: number): void {
  const stretched: number[] = [];
  let seenWord = false;
  let spaceBefore = false;
  line.inlines.forEach((inline, index) => {
    if (BLANK.test(inline.text)) {
      if (inline.text !== '') spaceBefore = SPACE_AT_END.test(inline.text);
      return;
    }
    if (seenWord && (spaceBefore || SPACE_AT_START.test(inline.text))) stretched.push(index);
    seenWord = true;
    spaceBefore = SPACE_AT_END.test(inline.text);
  });
  const extra = width - line.getWidth();
  if (stretched.length === 0 || extra <= 0) return;
  const share = extra / stretched.length;
  let shift = 0;
  let next = 0;
  line.inlines.forEach((inline, index) => {
    if (index === stretched[next]) {
      next += 1;
      shift += share;
      inline.justifyShift = share;
    }
    inline.x += shift;
  });
}
