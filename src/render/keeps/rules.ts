import { type LayoutBuilder, type PageElementWriter, type PdfLine, type PdfNode, type TableProcessor, breaksBefore, isHeading, marginOf } from './internals.ts';
import { linesForThisPage, linesThatFit, printedLines, takeLines } from './lines.ts';
import { chainHeight } from './lead.ts';
import { SHORT_SHARE, blockMetrics, isShort, pageRoom } from './measure.ts';
import { rowMetrics, tableLead } from './table.ts';

// The replacement methods. Each decides its keep once, just before the
// block it concerns is placed, then lets pdfmake place it.

type Enabled = () => boolean;
type ProcessLeaf = LayoutBuilder['processLeaf'];
type BuildNextLine = LayoutBuilder['buildNextLine'];
type ProcessList = LayoutBuilder['processList'];
type ProcessNode = LayoutBuilder['processNode'];
type ProcessTable = LayoutBuilder['processTable'];
type BeginTable = TableProcessor['beginTable'];
type BeginRow = TableProcessor['beginRow'];

/**
 * Not inside pdfmake's unbreakable blocks: they are laid out in a context
 * without page height and moved as one piece. Not in snaking columns,
 * which re-cut lines at each column.
 */
function canKeep(enabled: Enabled, writer: PageElementWriter): boolean {
  return enabled() && writer.transactionLevel === 0 && !writer.context().inSnakingColumns();
}

/** Something is above on this page: moving to the next one can help. */
function belowTop(writer: PageElementWriter): boolean {
  const context = writer.context();
  return context.y > context.pageMargins.top;
}

/** `need` does not fit in what is left of the page, but does on a fresh one. */
function mustMove(writer: PageElementWriter, need: number): boolean {
  // Rounded towards moving: pdfmake subtracts heights one by one, this sums them.
  return need > writer.context().availableHeight - 1e-6 && need <= pageRoom(writer) && belowTop(writer);
}

/** A block moved by a keep starts the next page flush: the space above it separated it from what stayed behind. */
function startNextPage(writer: PageElementWriter, node: PdfNode): void {
  writer.moveToNextPage(node.pageOrientation);
  const context = writer.context();
  const top = marginOf(node)[1];
  if (top > 0 && context.snapshots.length === 0) context.moveDown(-top);
}

/** Rule 1: a heading, and the headings right after it, go to the next page unless the start of their text fits too. */
export function stackKeepingHeadings(enabled: Enabled): LayoutBuilder['processVerticalContainer'] {
  return function processVerticalContainer(this: LayoutBuilder, node: PdfNode): void {
    const items = node.stack ?? [];
    for (let index = 0; index < items.length; index += 1) {
      const item = items[index]!;
      if (isHeading(item) && !breaksBefore(item) && canKeep(enabled, this.writer) && belowTop(this.writer)) {
        const need = chainHeight(this, items, index, this.writer.context().availableWidth);
        if (need !== undefined && mustMove(this.writer, need)) startNextPage(this.writer, item);
      }
      this.processNode(item);
      for (const position of item.positions) node.positions.push(position);
    }
  };
}

/** The paragraph whose lines, already cut, are being handed to pdfmake. */
let serving: { node: PdfNode; next(): PdfLine | null } | undefined;

/** pdfmake's buildNextLine, except for a paragraph whose lines are cut: those are handed out in turn. */
export function lineServer(original: BuildNextLine): BuildNextLine {
  return function buildNextLine(this: LayoutBuilder, node: PdfNode): PdfLine | null {
    return serving !== undefined && serving.node === node ? serving.next() : original.call(this, node);
  };
}

/**
 * Rule 2: a paragraph breaks with at least two lines on each side, or
 * moves whole. Its lines are cut first, the breaks chosen, then pdfmake's
 * own processLeaf places them: it asks buildNextLine for each line, and is
 * handed the cut ones, after the planned page break when one is due.
 */
export function leafWithoutWidows(original: ProcessLeaf, enabled: Enabled): ProcessLeaf {
  return function processLeaf(this: LayoutBuilder, node: PdfNode): void {
    const writer = this.writer;
    if (!canKeep(enabled, writer)) return original.call(this, node);
    const lines = takeLines(this, node);
    const count = printedLines(lines, node.maxHeight);
    let next = 0;
    let pageEnd = 0;
    let plannedPage = -1;
    const plan = (from: number, canMove: boolean) => {
      const fit = () => linesThatFit(lines, from, count, writer.context().availableHeight);
      let keep = linesForThisPage(fit(), count - from, canMove);
      if (keep === 0) {
        writer.moveToNextPage(node.pageOrientation);
        keep = linesForThisPage(fit(), count - from, false);
      }
      pageEnd = from + keep;
      plannedPage = writer.context().page;
    };
    const serve = (): PdfLine | null => {
      const index = next;
      if (index >= lines.length) return null;
      next += 1;
      const line = lines[index]!;
      if (index === 0 && count > 0) plan(0, belowTop(writer));
      // pdfmake broke the page before the planned line (a line's footnotes took the room): plan again from here.
      else if (index < count && writer.context().page !== plannedPage) plan(index, false);
      else if (index < count && (index === pageEnd || (line.getHeight() > writer.context().availableHeight && belowTop(writer)))) {
        writer.moveToNextPage(node.pageOrientation);
        plan(index, false);
      }
      return line;
    };
    const outer = serving;
    serving = { node, next: serve };
    try {
      original.call(this, node);
    } finally {
      serving = outer;
    }
  };
}

/** Twice the nesting Roneo allows: room for a list inside a note inside a list. */
const NESTED_LISTENERS = 64;

/** The items of the lists being laid out, innermost last. */
const listItems: Array<ReadonlySet<PdfNode>> = [];

export function listTrackingItems(original: ProcessList): ProcessList {
  return function processList(this: LayoutBuilder, ordered: boolean, node: PdfNode): void {
    // pdfmake listens on the writer once for each list it is inside: lists nested to the 32 levels Roneo lets
    // through are not a leak, and Node's warning past 10 listeners would print on every build.
    const emitter = this.writer as unknown as { getMaxListeners?(): number; setMaxListeners?(count: number): void };
    if (emitter.getMaxListeners && emitter.getMaxListeners() < NESTED_LISTENERS) emitter.setMaxListeners?.(NESTED_LISTENERS);
    listItems.push(new Set((ordered ? node.ol : node.ul) ?? []));
    try {
      original.call(this, ordered, node);
    } finally {
      listItems.pop();
    }
  };
}

/** Rule 3: a short list item that would split starts the next page. */
export function nodeKeepingItems(original: ProcessNode, enabled: Enabled): ProcessNode {
  return function processNode(this: LayoutBuilder, node: PdfNode, isVerticalAlignmentAllowed?: boolean): void {
    const writer = this.writer;
    if (node.listMarker !== undefined && listItems[listItems.length - 1]?.has(node) && !breaksBefore(node) && canKeep(enabled, writer) && nearFoot(writer)) {
      const whole = blockMetrics(this, node, writer.context().availableWidth);
      if (whole && isShort(whole, writer) && mustMove(writer, whole.height - whole.bottom)) startNextPage(writer, node);
    }
    original.call(this, node, isVerticalAlignmentAllowed);
  };
}

/** Only near the foot of a page can a short block fail to fit: elsewhere nothing is measured. */
function nearFoot(writer: PageElementWriter): boolean {
  return belowTop(writer) && writer.context().availableHeight < pageRoom(writer) * SHORT_SHARE;
}

/** Which layout a table's processor works for: TableProcessor knows only the writer. */
const builders = new WeakMap<PdfNode, LayoutBuilder>();

export function tableKnowingBuilder(original: ProcessTable): ProcessTable {
  return function processTable(this: LayoutBuilder, node: PdfNode): void {
    builders.set(node, this);
    original.call(this, node);
  };
}

/** Rule 3: the header rows stay with the first body row, when it is short. */
export function tableStartKept(original: BeginTable, enabled: Enabled): BeginTable {
  return function beginTable(this: TableProcessor, writer: PageElementWriter): void {
    const builder = builders.get(this.tableNode);
    if (builder && canKeep(enabled, writer) && belowTop(writer)) {
      const lead = tableLead(builder, this.tableNode, writer.context().availableWidth);
      if (lead !== undefined && mustMove(writer, lead)) writer.moveToNextPage(this.tableNode.pageOrientation);
    }
    original.call(this, writer);
  };
}

/** Rule 3: a short row that would split starts the next page, under the repeated header rows. */
export function rowKeptWhole(original: BeginRow, enabled: Enabled): BeginRow {
  return function beginRow(this: TableProcessor, rowIndex: number, writer: PageElementWriter): void {
    const builder = builders.get(this.tableNode);
    // Header rows are one unbreakable block already; so is every row of a dontBreakRows table.
    if (builder && rowIndex > 0 && rowIndex >= this.rowsWithoutPageBreak && !this.dontBreakRows && canKeep(enabled, writer) && nearFoot(writer)) {
      const row = rowMetrics(builder, this.tableNode, rowIndex);
      if (row && isShort(row, writer) && mustMove(writer, row.height)) {
        writer.moveToNextPage(this.tableNode.pageOrientation);
        // As pdfmake does when a row breaks: without header rows, the row needs its top border again.
        if (!this.headerRows && this.layout.hLineWhenBroken !== false) this.drawHorizontalLine(rowIndex, writer);
      }
    }
    original.call(this, rowIndex, writer);
  };
}
