/**
 * Markdown's blocks followed line by line in the text itself, as CommonMark's
 * spec describes its parsing strategy: block quotes, list items, GFM
 * footnote definitions and remark-directive's `:::` blocks, with fenced
 * code, lazy continuation lines and what may interrupt a paragraph. It keeps
 * no more containers than the nesting limit, so its time is linear in the
 * text whatever the nesting, and it tells, for each line, whether it lies
 * past the limit and what it holds: what the prescan needs to keep from the
 * parser what it could not bear (prescan.ts).
 */
export type NestingKind = 'block quote' | 'list' | 'footnote' | 'directive';

/** Where a container opens past the limit. */
export interface TooDeep {
  line: number;
  column: number;
  offset: number;
  kind: NestingKind;
}

/** What one line is. */
export interface LineInfo {
  /** It lies inside more containers than the limit. */
  tooDeep: boolean;
  /** The first container past the limit, when it opens on this line. */
  opensTooDeep?: TooDeep;
  /**
   * What the line holds inside its containers, from the character `start`: text of a paragraph
   * (`continues`: of the paragraph of the line before), a heading's text, or something else.
   */
  content: { kind: 'paragraph' | 'heading' | 'other'; start: number; continues: boolean };
}

interface Container {
  kind: NestingKind;
  /** List items and footnotes: the columns a continuation line is indented by, from where its parent's content starts. */
  indent: number;
  /** `:::` blocks: the colons of the opening fence, which its closing fence must match. */
  colons: number;
}

interface Fence {
  /** How many containers hold the code block. */
  depth: number;
  marker: '`' | '~';
  length: number;
}

const BULLET = /[-+*](?=[ \t]|$)/y;
const ORDERED = /(\d{1,9})[.)](?=[ \t]|$)/y;
const FOOTNOTE = /\[\^[^\]\s]+\]:/y;
const THEMATIC_BREAK = /([-*_])(?:[ \t]*\1){2,}[ \t]*$/y;
const CODE_FENCE = /(`{3,}|~{3,})/y;
const DIRECTIVE_OPEN = /(:{3,})[A-Za-z]/y;
const DIRECTIVE_CLOSE = /(:{3,})[ \t]*$/y;
const ATX_HEADING = /#{1,6}(?=[ \t]|$)/y;
const CLOSING_BACKTICKS = /(`+)[ \t]*$/y;
const CLOSING_TILDES = /(~+)[ \t]*$/y;

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** A place in one line, with its column as tab stops of 4 count it (CommonMark's indentation). */
class Cursor {
  index = 0;
  column = 0;
  constructor(readonly line: string) {}

  /** Columns of blank space ahead. */
  indent(): number {
    let column = this.column;
    for (let i = this.index; i < this.line.length; i += 1) {
      const char = this.line[i];
      if (char === ' ') column += 1;
      else if (char === '\t') column += 4 - (column % 4);
      else break;
    }
    return column - this.column;
  }

  /** Moves past at most `columns` columns of blank space (a tab that reaches further is taken whole). */
  skip(columns: number): void {
    const target = this.column + columns;
    while (this.column < target && this.index < this.line.length) {
      const char = this.line[this.index];
      if (char === ' ') this.column += 1;
      else if (char === '\t') this.column += 4 - (this.column % 4);
      else break;
      this.index += 1;
    }
  }

  advance(characters: number): void {
    this.index += characters;
    this.column += characters;
  }

  blank(): boolean {
    for (let i = this.index; i < this.line.length; i += 1) if (this.line[i] !== ' ' && this.line[i] !== '\t') return false;
    return true;
  }

  save(): [number, number] {
    return [this.index, this.column];
  }

  restore([index, column]: [number, number]): void {
    this.index = index;
    this.column = column;
  }
}

/** Reads a text line by line: the containers open after each line, and the code fence or paragraph they hold. */
export class BlockScanner {
  private readonly stack: Container[] = [];
  private fence: Fence | undefined;
  private paragraph = false;

  constructor(private readonly limit: number) {}

  /** Reads the next line, `lineNumber` in the file, starting at `lineStart` in the text. */
  read(line: string, lineNumber: number, lineStart: number): LineInfo {
    const { stack } = this;
    const cursor = new Cursor(line);
    const other = (): LineInfo => ({ tooDeep: stack.length > this.limit, content: { kind: 'other', start: cursor.index, continues: false } });
    const { matched, closedDirective } = this.continued(cursor);
    if (this.fence && matched >= this.fence.depth) {
      // A line of a fenced code block: nothing opens in code.
      if (closesFence(cursor, this.fence)) this.fence = undefined;
      return other();
    }
    this.fence = undefined;
    if (closedDirective) {
      stack.length = matched;
      this.paragraph = false;
      return other();
    }
    const before = this.paragraph && matched === stack.length;
    // Only the containers up to the first past the limit are kept: deeper ones change nothing decided here.
    const fresh = openContainers(cursor, before, this.limit + 1 - matched);
    const lazy = fresh.length === 0 && this.paragraph && matched < stack.length && !cursor.blank() && continuesParagraph(cursor);
    if (!lazy) stack.length = matched;
    let opensTooDeep: TooDeep | undefined;
    for (const container of fresh) {
      stack.push(container);
      if (stack.length > this.limit) opensTooDeep ??= { line: lineNumber, column: container.at + 1, offset: lineStart + container.at, kind: container.kind };
    }
    const continues = fresh.length === 0 && (before || lazy);
    const kind = fresh.at(-1)?.kind === 'directive' ? this.endParagraph() : this.readContent(cursor, fresh.length > 0);
    return { tooDeep: stack.length > this.limit, ...(opensTooDeep ? { opensTooDeep } : {}), content: { kind, start: cursor.index, continues: continues && kind === 'paragraph' } };
  }

  private endParagraph(): 'other' {
    this.paragraph = false;
    return 'other';
  }

  /** How many open containers the line continues, and whether it is the closing fence of a `:::` block among them. */
  private continued(cursor: Cursor): { matched: number; closedDirective: boolean } {
    const { stack, fence } = this;
    const { line } = cursor;
    for (let matched = 0; matched < stack.length; matched += 1) {
      const container = stack[matched]!;
      if (container.kind === 'block quote') {
        if (cursor.indent() > 3) return { matched, closedDirective: false };
        const saved = cursor.save();
        cursor.skip(3);
        if (line[cursor.index] !== '>') {
          cursor.restore(saved);
          return { matched, closedDirective: false };
        }
        cursor.advance(1);
        cursor.skip(1);
      } else if (container.kind === 'directive') {
        // A `:::` block's lines carry no prefix; a closing fence as long as its opening ends it, and all it holds.
        if (fence || cursor.indent() > 3) continue;
        const saved = cursor.save();
        cursor.skip(3);
        const close = matchAt(DIRECTIVE_CLOSE, line, cursor.index);
        cursor.restore(saved);
        if (close && close[1]!.length >= container.colons) return { matched, closedDirective: true };
      } else if (!cursor.blank()) {
        if (cursor.indent() < container.indent) return { matched, closedDirective: false };
        cursor.skip(container.indent);
      }
    }
    return { matched: stack.length, closedDirective: false };
  }

  /** What the rest of the line is inside its containers (a code fence is remembered), the cursor at its start. */
  private readContent(cursor: Cursor, opened: boolean): LineInfo['content']['kind'] {
    if (cursor.blank()) return this.endParagraph();
    if (cursor.indent() > 3) {
      // Indented code, unless it goes on with a paragraph.
      this.paragraph &&= !opened;
      return this.paragraph ? 'paragraph' : 'other';
    }
    cursor.skip(3);
    const { line, index } = cursor;
    const fence = matchAt(CODE_FENCE, line, index);
    if (fence && !(fence[1]![0] === '`' && line.includes('`', index + fence[0].length))) {
      this.fence = { depth: this.stack.length, marker: fence[1]![0] as '`' | '~', length: fence[1]!.length };
      return this.endParagraph();
    }
    if (matchAt(ATX_HEADING, line, index)) {
      this.paragraph = false;
      return 'heading';
    }
    if (matchAt(THEMATIC_BREAK, line, index)) return this.endParagraph();
    this.paragraph = true;
    return 'paragraph';
  }
}

/** Block quotes, list items, footnotes and `:::` blocks that open on this line, outermost first; at most `room` of them. */
function openContainers(cursor: Cursor, interrupting: boolean, room: number): Array<Container & { at: number }> {
  const fresh: Array<Container & { at: number }> = [];
  const { line } = cursor;
  while (fresh.length < room) {
    if (cursor.indent() > 3) break;
    const saved = cursor.save();
    const base = cursor.column;
    cursor.skip(3);
    const at = cursor.index;
    if (line[at] === '>') {
      fresh.push({ kind: 'block quote', indent: 0, colons: 0, at });
      cursor.advance(1);
      cursor.skip(1);
      continue;
    }
    const footnote = matchAt(FOOTNOTE, line, at);
    if (footnote) {
      // A footnote's next lines are indented by four columns, wherever its label starts.
      fresh.push({ kind: 'footnote', indent: 4, colons: 0, at });
      cursor.advance(footnote[0].length);
      cursor.skip(cursor.indent());
      continue;
    }
    const directive = matchAt(DIRECTIVE_OPEN, line, at);
    if (directive) {
      fresh.push({ kind: 'directive', indent: 0, colons: directive[1]!.length, at });
      break;
    }
    const marker = matchAt(BULLET, line, at) ?? matchAt(ORDERED, line, at);
    if (!marker || matchAt(THEMATIC_BREAK, line, at)) {
      cursor.restore(saved);
      break;
    }
    const markerColumn = cursor.column;
    cursor.advance(marker[0].length);
    const empty = cursor.blank();
    // An empty item, or a numbered one not starting at 1, cannot interrupt a paragraph: the line goes on with it.
    if (interrupting && fresh.length === 0 && (empty || (marker[1] !== undefined && Number(marker[1]) !== 1))) {
      cursor.restore(saved);
      break;
    }
    // Five spaces or more after the marker: the item holds indented code, and its content starts after one.
    const spaces = empty ? 1 : cursor.indent();
    const gap = spaces >= 5 ? 1 : spaces;
    cursor.skip(gap);
    fresh.push({ kind: 'list', indent: markerColumn - base + marker[0].length + gap, colons: 0, at });
    if (empty) break;
  }
  return fresh;
}

/** Whether a line not matching every open container still continues the paragraph inside them (a lazy line). */
function continuesParagraph(cursor: Cursor): boolean {
  if (cursor.indent() > 3) return true;
  const saved = cursor.save();
  cursor.skip(3);
  const { line, index } = cursor;
  const starts = matchAt(CODE_FENCE, line, index) ?? matchAt(ATX_HEADING, line, index) ?? matchAt(THEMATIC_BREAK, line, index);
  cursor.restore(saved);
  return !starts;
}

function closesFence(cursor: Cursor, fence: Fence): boolean {
  if (cursor.indent() > 3) return false;
  cursor.skip(3);
  const run = matchAt(fence.marker === '`' ? CLOSING_BACKTICKS : CLOSING_TILDES, cursor.line, cursor.index);
  return run !== null && run[1]!.length >= fence.length;
}
