import { footnoteCost } from '../footnotes/install.ts';
import type { LayoutBuilder, PdfLine, PdfNode } from './internals.ts';

/** Lines a paragraph keeps on each side of a page break. */
export const MIN_LINES = 2;

interface Measured {
  /** The inlines the lines were cut from: a new layout pass measures new ones. */
  source: object[];
  width: number;
  lines: PdfLine[];
}

/** Lines cut ahead of time (to decide a keep), handed over when their node is laid out. */
const measured = new WeakMap<PdfNode, Measured>();

/**
 * A text node's lines at `width`, without consuming the node: pdfmake's
 * line builder eats `_inlines` and may split one that is too wide, so the
 * lines are cut from copies, and the node keeps its own for a layout at
 * another width.
 */
export function peekLines(builder: LayoutBuilder, node: PdfNode, width: number): PdfLine[] {
  const source = node._inlines;
  if (!source || source.length === 0) return [];
  const known = measured.get(node);
  if (known && known.source === source && sameWidth(known.width, width)) return known.lines;
  const context = builder.writer.context();
  const availableWidth = context.availableWidth;
  const lines: PdfLine[] = [];
  node._inlines = source.map(copyInline);
  context.availableWidth = width;
  try {
    for (let line = builder.buildNextLine(node); line; line = builder.buildNextLine(node)) lines.push(line);
  } finally {
    node._inlines = source;
    context.availableWidth = availableWidth;
  }
  measured.set(node, { source, width, lines });
  return lines;
}

/** All of a text node's lines at the current width, consuming it as pdfmake's own layout would. */
export function takeLines(builder: LayoutBuilder, node: PdfNode): PdfLine[] {
  const width = builder.writer.context().availableWidth;
  const known = measured.get(node);
  measured.delete(node);
  if (known && known.source === node._inlines && sameWidth(known.width, width)) {
    node._inlines = [];
    return known.lines;
  }
  const lines: PdfLine[] = [];
  for (let line = builder.buildNextLine(node); line; line = builder.buildNextLine(node)) lines.push(line);
  return lines;
}

/** The lines pdfmake prints under `maxHeight`: it stops at the first that reaches it. */
export function printedLines(lines: readonly PdfLine[], maxHeight: number | undefined): number {
  if (typeof maxHeight !== 'number' || !(maxHeight > 0)) return lines.length;
  let height = 0;
  for (let index = 0; index < lines.length; index += 1) {
    height += lines[index]!.getHeight();
    if (height >= maxHeight) return index;
  }
  return lines.length;
}

/**
 * Lines from `from` that fit in `space`, tested one by one as pdfmake does.
 * A line carrying note references needs room for its notes at the foot too.
 */
export function linesThatFit(lines: readonly PdfLine[], from: number, to: number, space: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) {
    const height = lines[index]!.getHeight() + footnoteCost(lines[index]);
    if (height > space) break;
    space -= height;
    count += 1;
  }
  return count;
}

/**
 * How many of the `remaining` lines to set on this page when `fit` of them
 * fit: all if they can; else no fewer than two, and no fewer than two left
 * for the next page; 0 means the whole rest moves to the next page. When it
 * cannot move (already at the top), pdfmake's own break stands.
 */
export function linesForThisPage(fit: number, remaining: number, canMove: boolean): number {
  if (fit >= remaining) return remaining;
  const keep = Math.min(fit, remaining - MIN_LINES);
  if (keep >= MIN_LINES) return keep;
  return canMove ? 0 : Math.max(fit, 1);
}

/** What must stand with a heading: a short paragraph whole (it would not split), else its first two lines. */
export function leadingLines(count: number): number {
  return count <= 2 * MIN_LINES - 1 ? count : MIN_LINES;
}

export function heightOf(lines: readonly PdfLine[], from: number, to: number): number {
  let height = 0;
  for (let index = from; index < to; index += 1) height += lines[index]!.getHeight();
  return height;
}

/**
 * A spread copies a plain object with its shape; Object.assign onto a fresh
 * object adds thirty-odd properties one by one and leaves a slow dictionary
 * object, several times bigger, for every word of a peeked paragraph.
 */
function copyInline(inline: object): object {
  const prototype = Object.getPrototypeOf(inline) as object | null;
  return prototype === Object.prototype ? { ...inline } : Object.assign(Object.create(prototype) as object, inline);
}

function sameWidth(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}
