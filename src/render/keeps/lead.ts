import { type LayoutBuilder, type PdfNode, breaksBefore, isHeading, isLeaf, marginOf } from './internals.ts';
import { MIN_LINES, heightOf, leadingLines, peekLines } from './lines.ts';
import { UNKNOWN_LEAD, blockMetrics, isShort } from './measure.ts';
import { tableLead } from './table.ts';

// What must share a page with a heading, measured before the heading is placed.

/** Where a block's lead ends: `rest` is its bottom margin when the lead is the whole block, undefined when it stops inside it. */
interface Lead {
  height: number;
  lines: number;
  rest: number | undefined;
}

/**
 * The height of a heading and what must stay with it on its page: the
 * headings right after it, then blocks until two lines of text are
 * covered. A paragraph of three lines or fewer counts whole (it will not
 * split), a longer one by its first two lines; a short list item or table
 * row whole. Undefined when nothing follows the heading in its container.
 */
export function chainHeight(builder: LayoutBuilder, items: readonly PdfNode[], index: number, width: number): number | undefined {
  const lead = leadOfItems(builder, items, index, width, (item, wanted) => leadHeight(builder, item, width, wanted));
  return lead && lead.lines > 0 ? lead.height : undefined;
}

function leadOfItems(builder: LayoutBuilder, items: readonly PdfNode[], from: number, width: number, leadOf: (item: PdfNode, wanted: number) => Lead | undefined, wanted = MIN_LINES): Lead | undefined {
  let height = 0;
  let lines = 0;
  for (let index = from; index < items.length; index += 1) {
    const item = items[index]!;
    if (breaksBefore(item) || (isHeading(item) && lines > 0)) return { height, lines, rest: undefined };
    if (isHeading(item)) {
      const heading = blockMetrics(builder, item, width);
      if (!heading) return undefined;
      height += heading.height;
      continue;
    }
    const lead = leadOf(item, wanted - lines) ?? { height: UNKNOWN_LEAD, lines: wanted, rest: undefined };
    if (lead.rest === undefined || lines + lead.lines >= wanted) {
      const last = lead.rest !== undefined && index === items.length - 1;
      return { height: height + lead.height, lines: lines + lead.lines, rest: last ? 0 : undefined };
    }
    height += lead.height + lead.rest;
    lines += lead.lines;
  }
  return { height, lines, rest: 0 };
}

/** How much of a block must follow a heading on its page (see chainHeight). */
function leadHeight(builder: LayoutBuilder, node: PdfNode, width: number, wanted: number): Lead | undefined {
  if (node.absolutePosition || node.relativePosition) return undefined;
  const [left, top, right, bottom] = marginOf(node);
  const inner = width - left - right;
  const framed = (lead: Lead | undefined): Lead | undefined =>
    lead && { height: top + lead.height, lines: lead.lines, rest: lead.rest === undefined ? undefined : lead.rest + bottom };
  const items = node.ul ?? node.ol;
  if (node.stack) return framed(leadOfItems(builder, node.stack, 0, inner, (item, more) => leadHeight(builder, item, inner, more), wanted));
  if (items) {
    const itemWidth = inner - (node._gapSize?.width ?? 0);
    return framed(leadOfItems(builder, items, 0, itemWidth, (item, more) => {
      const whole = blockMetrics(builder, item, itemWidth);
      return whole && isShort(whole, builder.writer) ? { height: whole.height - whole.bottom, lines: whole.lines, rest: whole.bottom } : leadHeight(builder, item, itemWidth, more);
    }, wanted));
  }
  if (node.table) {
    const table = tableLead(builder, node, inner);
    return table === undefined ? undefined : { height: top + table, lines: wanted, rest: undefined };
  }
  if (node.columns) return undefined;
  if (isLeaf(node)) {
    const lines = peekLines(builder, node, inner);
    const count = leadingLines(lines.length);
    return { height: top + heightOf(lines, 0, count), lines: count, rest: count === lines.length ? bottom : undefined };
  }
  if (node.image || node.svg || node.qr) return { height: top + (node._height ?? 0), lines: wanted, rest: bottom };
  if (node.canvas) return { height: top + (node._minHeight ?? 0), lines: wanted, rest: bottom };
  return undefined;
}

