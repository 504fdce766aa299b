/**
 * Footnotes at the foot of the page.
 *
 * pdfmake has none (pdfmake issue #2133): a document is a single flow, and
 * nothing in it can take space from the bottom of the page its reference
 * lands on. Relaying the whole document until the notes settle would
 * multiply the layout time, so the layout runs in two passes instead, the
 * first over the notes alone:
 * 1. When the body is about to be laid out (the first LayoutBuilder.
 *    processNode call), every note is laid out once at the text width on a
 *    scratch page, which gives its height and the places it may be cut.
 * 2. The body is laid out as usual, except that a line or an unbreakable
 *    block carrying a note reference (an inline linking to the note's
 *    destination) is only placed when its notes fit under it as well
 *    (ElementWriter.addLine and addFragment); the page's text height is
 *    then reduced by the notes' height. A note too long for the rest of
 *    the page is cut after a line and continues at the foot of the next
 *    one (DocumentContext.initializePage reserves room for it there); a
 *    short one moves with its reference to the next page instead.
 * After the body, pages are added while a note still continues, and the
 * notes are copied from their scratch layout to the foot of their pages,
 * before the running heads are laid out (they must see those pages full).
 *
 * The layout of a document with no notes to set is untouched: every
 * wrapped method first checks that a request was made for it.
 */
import type { SourcePoint } from '../../diagnostics/diagnostic.ts';
import { drawFeet, type FootRule, separatorHeight } from './draw-feet.ts';
import { type DocumentContext, type ElementWriter, type Fragment, type LayoutBuilder, type Line, loadInternals } from './internals.ts';
import { measureNote, type NoteLayout } from './measure-note.ts';
import { type MeasuredNote, PageFeet } from './page-feet.ts';
import type { FootnoteSpec } from './take-footnotes.ts';

export interface FootnoteStyle {
  rule: FootRule;
  /** Space between two notes. */
  gap: number;
  /** The most of a page's text height the rest of a continued note may take. */
  maxShare: number;
}

/** What a render asks for, and learns back once the document is laid out. */
export interface FootnoteRequest {
  specs: readonly FootnoteSpec[];
  style: FootnoteStyle;
  /** Notes whose reference was never placed: filled after the layout. */
  unplaced: Array<SourcePoint | undefined>;
}

interface Run {
  builder: LayoutBuilder;
  request: FootnoteRequest;
  started: boolean;
  context?: DocumentContext;
  feet?: PageFeet;
  layouts?: Map<string, NoteLayout>;
}

const requests = new WeakMap<object, FootnoteRequest>();
/**
 * Lines and blocks sent to the next page for their notes. pdfmake tries an
 * element on the next page once, and drops it if refused again: a block that
 * does not start at the page's top margin (a table row, below the table's
 * rule and padding) and leaves its notes no room even there would be lost,
 * and its notes never set. The second try places it, as at the top of a
 * page: the notes take what room is left and continue on the next page.
 */
const refused = new WeakSet<object>();

/** A line or block sent on from the page before (by pdfmake, or by overlong-blocks.ts): placed at its next try whatever room its notes find. */
export function sentOn(element: object): void {
  refused.add(element);
}
/** The document being laid out: pdfmake lays out one document at a time, synchronously. */
let active: Run | undefined;
const INSTALLED = Symbol.for('roneo.footnotes.installed');

/** Sets the notes of `content` (the definition's content, as given to pdfmake) at the foot of their pages. */
export function setFootnotesAtFoot(content: object, specs: readonly FootnoteSpec[], style: FootnoteStyle): FootnoteRequest {
  const request: FootnoteRequest = { specs, style, unplaced: [] };
  if (specs.length > 0) requests.set(content, request);
  return request;
}

/** The height the unplaced notes referenced on `line` would add to the current page: what a keep must leave room for. */
export function footnoteCost(line: unknown): number {
  const run = active;
  if (!run?.feet || !run.context) return 0;
  const notes = run.feet.unplaced(destinationsIn([line as Line]));
  return notes.length === 0 ? 0 : run.feet.cost(run.context.page, notes);
}

export function installFootnotes(): void {
  const { layoutBuilder, elementWriter, documentContext } = loadInternals();
  if (Object.prototype.hasOwnProperty.call(layoutBuilder, INSTALLED)) return;

  const tryLayoutDocument = layoutBuilder.tryLayoutDocument;
  layoutBuilder.tryLayoutDocument = function (this: LayoutBuilder, docStructure: unknown, ...rest: unknown[]) {
    const request = typeof docStructure === 'object' && docStructure !== null ? requests.get(docStructure) : undefined;
    if (!request) return tryLayoutDocument.call(this, docStructure, ...rest);
    const outer = active;
    active = { builder: this, request, started: false };
    try {
      return tryLayoutDocument.call(this, docStructure, ...rest);
    } finally {
      active = outer;
    }
  };

  const processNode = layoutBuilder.processNode;
  layoutBuilder.processNode = function (this: LayoutBuilder, node: unknown, ...rest: unknown[]) {
    const run = active;
    // The first node laid out in the page flow is the document's content (a page background is laid out apart).
    if (run === undefined || run.started || run.builder !== this || (this.writer.transactionLevel ?? 0) !== 0) {
      processNode.call(this, node, ...rest);
      return;
    }
    run.started = true;
    start(run, this);
    processNode.call(this, node, ...rest);
    finish(run, this);
  };

  const addLine = elementWriter.addLine;
  elementWriter.addLine = function (this: ElementWriter, line: Line, dontUpdateContextPosition?: boolean, index?: number) {
    const run = active;
    const context = this.context();
    if (!run?.feet || context !== run.context || context.availableHeight < line.getHeight()) {
      return addLine.call(this, line, dontUpdateContextPosition, index);
    }
    if (!reserveNotes(run.feet, context, line.getHeight(), [line], refused.has(line))) {
      refused.add(line);
      return false;
    }
    return addLine.call(this, line, dontUpdateContextPosition, index);
  };

  const addFragment = elementWriter.addFragment;
  elementWriter.addFragment = function (this: ElementWriter, block: Fragment, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdate?: boolean) {
    const run = active;
    const context = this.context();
    // Blocks at a set offset are headers, footers and repeated table headers: they carry no new reference.
    if (!run?.feet || context !== run.context || useBlockXOffset || block.height > context.availableHeight) {
      return addFragment.call(this, block, useBlockXOffset, useBlockYOffset, dontUpdate);
    }
    const lines = block.items.flatMap((entry) => (entry.type === 'line' ? [entry.item as Line] : []));
    if (!reserveNotes(run.feet, context, block.height, lines, refused.has(block))) {
      refused.add(block);
      return false;
    }
    return addFragment.call(this, block, useBlockXOffset, useBlockYOffset, dontUpdate);
  };

  const initializePage = documentContext.initializePage;
  documentContext.initializePage = function (this: DocumentContext) {
    initializePage.call(this);
    const run = active;
    if (run?.feet && this === run.context) this.availableHeight -= run.feet.openPage(this.page, this.availableHeight);
  };

  Object.defineProperty(layoutBuilder, INSTALLED, { value: true });
}

function start(run: Run, builder: LayoutBuilder): void {
  const context = builder.writer.context();
  const width = context.availableWidth;
  const layouts = new Map<string, NoteLayout>();
  for (const spec of run.request.specs) layouts.set(spec.destination, measureNote(builder, spec.node, width));
  const notes = new Map<string, MeasuredNote>();
  for (const [destination, layout] of layouts) {
    notes.set(destination, { destination, height: layout.height, breaks: layout.breaks, refs: layout.links.filter((link) => layouts.has(link)) });
  }
  const { rule, gap, maxShare } = run.request.style;
  run.layouts = layouts;
  run.feet = new PageFeet(notes, { separator: separatorHeight(rule), gap, maxShare });
  run.context = context;
}

function finish(run: Run, builder: LayoutBuilder): void {
  const feet = run.feet!;
  const context = run.context!;
  // A note still continuing after the last line of text gets pages of its own.
  for (let guard = 0; feet.hasCarry() && guard < 10_000; guard += 1) builder.writer.moveToNextPage();
  drawFeet(context.pages, feet, run.layouts!, run.request.style.rule, run.request.style.gap);
  const sources = new Map(run.request.specs.map((spec) => [spec.destination, spec.source]));
  run.request.unplaced.push(...feet.unplacedNotes().map((note) => sources.get(note.destination)));
  // Nothing more is placed in the flow: headers and footers come next.
  run.feet = undefined;
}

/**
 * Reserves the foot of the current page for the notes referenced from
 * `lines`, about to be placed with `height`; false when the lines must go
 * to the next page with their notes. `retried`: they were sent from the page
 * before, and are placed here whatever room their notes find.
 */
function reserveNotes(feet: PageFeet, context: DocumentContext, height: number, lines: readonly Line[], retried: boolean): boolean {
  const notes = feet.unplaced(destinationsIn(lines));
  if (notes.length === 0) return true;
  const atTop = retried || context.y <= context.pageMargins.top + 1e-6;
  const added = feet.place(context.page, context.availableHeight - height, atTop, notes);
  if (added === undefined) return false;
  if (added > 0) shrink(context, added);
  return true;
}

/** The page's text area loses `height` at the foot, for every column under way on it too. */
function shrink(context: DocumentContext, height: number): void {
  context.availableHeight -= height;
  for (const snapshot of context.snapshots) {
    if (snapshot.page === context.page) snapshot.availableHeight -= height;
    if (snapshot.bottomMost?.page === context.page) snapshot.bottomMost.availableHeight -= height;
  }
}

function destinationsIn(lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const inline of line.inlines ?? []) {
      if (typeof inline.linkToDestination === 'string') out.push(inline.linkToDestination);
    }
  }
  return out;
}
