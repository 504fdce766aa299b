import { type LayoutBuilder, type PageElementWriter, type PdfNode, breaksBefore, isLeaf, marginOf } from './internals.ts';
import { heightOf, peekLines } from './lines.ts';

// Heights known before a block is laid out, so a keep is decided once,
// ahead of it, instead of by laying the document out again. Text is cut
// into its real lines (kept for the layout that follows); what cannot be
// known cheaply (columns, nested tables, row spans) is `undefined`, and the
// keep that needed it is not applied.

export interface Metrics {
  height: number;
  lines: number;
  /** The block's own bottom margin: it may fall at the top of the next page without splitting anything. */
  bottom: number;
}

/** A list item or table row this short never splits… */
export const SHORT_LINES = 6;
/** …nor one taking this share of a page. */
export const SHORT_SHARE = 1 / 3;
/** Kept with a heading when what follows it cannot be measured: about two lines of text. */
export const UNKNOWN_LEAD = 28;

/** The height a block has on a fresh page: moving anything taller gains nothing. */
export function pageRoom(writer: PageElementWriter): number {
  const context = writer.context();
  const page = context.getCurrentPage();
  if (!page) return 0;
  let room = page.pageSize.height - context.pageMargins.top - context.pageMargins.bottom;
  for (const repeated of writer.repeatables) room -= repeated.height;
  return room;
}

export function isShort(metrics: Metrics, writer: PageElementWriter): boolean {
  return metrics.lines <= SHORT_LINES && metrics.height <= pageRoom(writer) * SHORT_SHARE;
}

/** The whole height of a block laid out `width` wide. */
export function blockMetrics(builder: LayoutBuilder, node: PdfNode, width: number): Metrics | undefined {
  if (node.absolutePosition || node.relativePosition || breaksBefore(node)) return undefined;
  const [left, top, right, bottom] = marginOf(node);
  const inner = width - left - right;
  let content: { height: number; lines: number } | undefined;
  const items = node.stack ?? node.ul ?? node.ol;
  if (node.columns || node.table) content = undefined;
  else if (items) content = sum(items, (item) => blockMetrics(builder, item, node.stack ? inner : inner - (node._gapSize?.width ?? 0)));
  else if (isLeaf(node)) {
    const lines = peekLines(builder, node, inner);
    content = { height: heightOf(lines, 0, lines.length), lines: lines.length };
  } else if (node.image || node.svg || node.qr) content = { height: node._height ?? 0, lines: 1 };
  else if (node.canvas) content = { height: node._minHeight ?? 0, lines: 1 };
  return content && { height: top + content.height + bottom, lines: content.lines, bottom };
}

function sum(items: readonly PdfNode[], measure: (item: PdfNode) => Metrics | undefined): { height: number; lines: number } | undefined {
  let height = 0;
  let lines = 0;
  for (const item of items) {
    const metrics = measure(item);
    if (!metrics) return undefined;
    height += metrics.height;
    lines += metrics.lines;
  }
  return { height, lines };
}
