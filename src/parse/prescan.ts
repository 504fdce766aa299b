import { BlockScanner, type TooDeep } from './block-scanner.ts';
import type { Limits } from './limits.ts';
import { count, type OverLimit, overLimit } from './over-limit.ts';
import { nestingReason } from './tree-limits.ts';

export interface Prescan {
  /** The text to parse: the input, with every line the parser could not bear emptied (line breaks kept, so positions hold). */
  text: string;
  /** Why lines were emptied: the first of each kind. */
  problems: OverLimit[];
}

/** A GFM table's delimiter row: its rows are parsed cell by cell, not as one paragraph. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

interface Paragraph {
  /** Indexes of its lines. */
  lines: number[];
  line: number;
  column: number;
  offset: number;
  marks: number;
  /** A table: its marks are counted row by row. */
  table: boolean;
}

/**
 * Finds, in the text itself, what micromark cannot bear, and empties those
 * lines before it parses: more than the limit of containers inside each
 * other (it overflows the stack on a few thousand, and takes over a minute
 * on a thousand indented lists), and a paragraph, heading or table row with
 * more emphasis marks than the limit (matching `*`, `_` and `~` takes it a
 * time that grows with the square of their number: 60,000 characters of
 * `a* ` took 2.5 s, a megabyte would take many minutes).
 */
export function prescan(text: string, from: number, limits: Limits): Prescan {
  const scanner = new BlockScanner(limits.nesting);
  const lines = text.slice(from).split('\n');
  const emptied = new Set<number>();
  let tooDeep: TooDeep | undefined;
  let crowded: { line: number; column: number; offset: number; what: string; marks: number } | undefined;
  let paragraph: Paragraph | undefined;
  const close = () => {
    if (paragraph && !paragraph.table && paragraph.marks > limits.emphasisMarks) {
      for (const index of paragraph.lines) emptied.add(index);
      crowded ??= { ...paragraph, what: 'paragraph' };
    }
    paragraph = undefined;
  };

  let lineNumber = text.slice(0, from).split('\n').length;
  let lineStart = from;
  for (const [index, line] of lines.entries()) {
    const info = scanner.read(line, lineNumber, lineStart);
    tooDeep ??= info.opensTooDeep;
    if (info.tooDeep) emptied.add(index);
    const { kind, start, continues } = info.content;
    if (kind !== 'paragraph' || !continues) close();
    if (kind !== 'other') {
      const marks = emphasisMarks(line, start);
      const here = { line: lineNumber, column: start + 1, offset: lineStart + start };
      if (kind === 'paragraph') {
        paragraph ??= { lines: [], ...here, marks: 0, table: false };
        paragraph.lines.push(index);
        paragraph.marks += marks;
        if (paragraph.lines.length === 2 && DELIMITER_ROW.test(line.slice(start))) paragraph.table = true;
      }
      // A line alone past the limit: a heading, a table row, or a paragraph's line that is enough by itself.
      if (marks > limits.emphasisMarks) {
        emptied.add(index);
        crowded ??= { ...here, what: kind === 'heading' ? 'heading' : paragraph?.table ? 'table row' : 'paragraph', marks };
      }
    }
    lineNumber += 1;
    lineStart += line.length + 1;
  }
  close();

  const problems: OverLimit[] = [];
  if (tooDeep) {
    const what = tooDeep.kind === 'directive' ? '`:::` block' : tooDeep.kind;
    problems.push(overLimit(tooDeep, 'nesting-limit', nestingReason(what, limits.nesting + 1, limits.nesting)));
  }
  if (crowded) {
    const { what, marks } = crowded;
    problems.push(overLimit(crowded, 'emphasis-limit', `this ${what} has ${count(marks)} emphasis marks (\`*\`, \`_\`, \`~\`); one may have ${count(limits.emphasisMarks)}, past which reading them takes minutes: write those meant as characters with a backslash (\`\\*\`), or split the ${what}`));
  }
  if (emptied.size === 0) return { text, problems };
  const kept = lines.map((line, index) => (emptied.has(index) ? '' : line));
  return { text: text.slice(0, from) + kept.join('\n'), problems };
}

/** `*`, `_` and `~` from `start`, less those escaped with a backslash. */
function emphasisMarks(line: string, start: number): number {
  let marks = 0;
  for (let i = start; i < line.length; i += 1) {
    const char = line[i];
    if (char === '\\') i += 1;
    else if (char === '*' || char === '_' || char === '~') marks += 1;
  }
  return marks;
}
