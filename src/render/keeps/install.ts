/**
 * Keeps: headings with their text, no widow or orphan lines, short list
 * items and table rows in one piece.
 *
 * What pdfmake 0.3 does. LayoutBuilder places blocks top to bottom and a
 * line goes to the next page exactly when it no longer fits
 * (processLeaf): a paragraph may leave its first line alone at the foot of
 * a page or its last alone at the head of the next, a heading may end a
 * page whose next one starts with its text, a three-line list item may
 * split 1/2. Its only tools against that are `unbreakable` and
 * `dontBreakRows` (the block is laid out apart and moved as one piece; what
 * does not fit on one page is lost) and `pageBreakBefore`, a callback asked
 * after the whole layout: each break it asks for lays the whole document
 * out again, so a long document takes quadratic time, hours for a dossier
 * (pdfmake issue #1989).
 *
 * Why that is wrong for print. A stranded heading, a widow or an orphan is
 * the first fault a proofreader marks; a reader turning the page loses the
 * thread. Unbreakable blocks cannot be used for paragraphs or long items,
 * and re-layout loops cannot be used at all.
 *
 * What replaces it (methods of pdfmake's classes, once per process). Every
 * keep is decided once, just before its block is placed, from heights
 * known in advance: a text's lines depend only on the width, so they are
 * cut first (and then placed, not cut again). Nothing is laid out twice,
 * and each block is measured a bounded number of times: linear.
 * - LayoutBuilder.processVerticalContainer: before a heading, measures it,
 *   the headings right after it and the start of the next block (a
 *   paragraph's first two lines, all of one of three lines or fewer, a
 *   short first list item or table row). When that does not fit in what is
 *   left of the page but does on a fresh one, the heading starts the next.
 * - LayoutBuilder.processLeaf: chooses where a paragraph breaks, leaving
 *   two lines or more on each side; one that cannot split so moves whole.
 *   pdfmake's own method still places the lines: LayoutBuilder.buildNextLine
 *   hands it the ones already cut, after the chosen page break.
 * - LayoutBuilder.processList and processNode: a short list item (six
 *   lines or fewer, a third of a page at most) that would split starts the
 *   next page. Longer items split, under the paragraph rule.
 * - TableProcessor.beginTable and beginRow: header rows stay with a short
 *   first body row; a short row that would split starts the next page,
 *   under the repeated header rows.
 * - LayoutBuilder.processTable: remembers which layout a table belongs to.
 * Keeps are not applied inside unbreakable blocks, snaking columns or
 * positioned blocks, to rows tied by row spans, nor to a block taller than
 * a page (moving it gains nothing).
 */
import { loadInternals } from './internals.ts';
import { useColumnCalculator } from './table.ts';
import { leafWithoutWidows, lineServer, listTrackingItems, nodeKeepingItems, rowKeptWhole, stackKeepingHeadings, tableKnowingBuilder, tableStartKept } from './rules.ts';

interface Switch {
  enabled: boolean;
}

// Shared through the global object: a test runner may load this module more
// than once around the single pdfmake it patches.
const SWITCH = Symbol.for('roneo.keeps.switch');
const INSTALLED = Symbol.for('roneo.keeps.installed');

function shared(): Switch {
  const slots = globalThis as unknown as Record<symbol, Switch | undefined>;
  return (slots[SWITCH] ??= { enabled: true });
}

/** Replaces pdfmake's layout methods with keeping ones; does nothing the second time. */
export function installKeeps(): void {
  const { layoutBuilder, tableProcessor, buildColumnWidths } = loadInternals();
  if (Object.prototype.hasOwnProperty.call(layoutBuilder, INSTALLED)) return;
  useColumnCalculator(buildColumnWidths);
  const enabled = () => shared().enabled;
  layoutBuilder.processVerticalContainer = stackKeepingHeadings(enabled);
  layoutBuilder.processLeaf = leafWithoutWidows(layoutBuilder.processLeaf, enabled);
  layoutBuilder.buildNextLine = lineServer(layoutBuilder.buildNextLine);
  layoutBuilder.processList = listTrackingItems(layoutBuilder.processList);
  layoutBuilder.processNode = nodeKeepingItems(layoutBuilder.processNode, enabled);
  layoutBuilder.processTable = tableKnowingBuilder(layoutBuilder.processTable);
  tableProcessor.beginTable = tableStartKept(tableProcessor.beginTable, enabled);
  tableProcessor.beginRow = rowKeptWhole(tableProcessor.beginRow, enabled);
  Object.defineProperty(layoutBuilder, INSTALLED, { value: true });
}

/** Keeps on (the default) or off, to compare a layout with and without them. */
export function setKeepsEnabled(enabled: boolean): void {
  shared().enabled = enabled;
}

export function keepsEnabled(): boolean {
  return shared().enabled;
}
