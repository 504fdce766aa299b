import type { BuildColumnWidths, LayoutBuilder, PdfNode } from './internals.ts';
import { type Metrics, UNKNOWN_LEAD, blockMetrics, isShort } from './measure.ts';

// Table heights ahead of layout, from the cells' own lines.

let columnWidths: BuildColumnWidths = () => {
  throw new Error('the keeps measure tables with pdfmake\'s column calculator: install them first');
};

/** pdfmake's own column width calculation, found at install time. */
export function useColumnCalculator(calculator: BuildColumnWidths): void {
  columnWidths = calculator;
}

/** A table's top border, header rows and first body row (when short: a long one may split). */
export function tableLead(builder: LayoutBuilder, node: PdfNode, width: number): number | undefined {
  const { table, _offsets: offsets, _layout: layout } = node;
  if (!table || !offsets || !layout || hasRowSpans(node)) return undefined;
  // The same widths TableProcessor.beginTable is about to compute.
  columnWidths(table.widths, width - offsets.total, offsets.total, node);
  const header = Math.min(headerRowCount(node), table.body.length);
  let height = layout.hLineWidth(0, node);
  for (let row = 0; row < header; row += 1) {
    const metrics = rowMetrics(builder, node, row);
    if (!metrics) return undefined;
    height += metrics.height;
  }
  if (header === table.body.length) return height;
  const first = rowMetrics(builder, node, header);
  return height + (first && isShort(first, builder.writer) ? first.height : UNKNOWN_LEAD);
}

/** A row's height from its cells, once the table's column widths are computed. */
export function rowMetrics(builder: LayoutBuilder, node: PdfNode, rowIndex: number): Metrics | undefined {
  const { table, _offsets: offsets, _layout: layout } = node;
  const row = table?.body[rowIndex];
  if (!table || !offsets || !layout || !row || hasRowSpans(node)) return undefined;
  let height = 0;
  let lines = 0;
  for (let index = 0; index < row.length; index += 1) {
    const cell = row[index]!;
    let width = table.widths[index]?._calcWidth ?? 0;
    // As LayoutBuilder.processRow: a spanning cell takes the next columns and the gaps between them.
    for (let span = 1; span < (cell.colSpan ?? 1); span += 1) {
      index += 1;
      width += (table.widths[index]?._calcWidth ?? 0) + (offsets.offsets[index] ?? 0);
    }
    const metrics = blockMetrics(builder, cell, width);
    if (!metrics) return undefined;
    height = Math.max(height, metrics.height);
    lines = Math.max(lines, metrics.lines);
  }
  height += layout.paddingTop(rowIndex, node) + layout.paddingBottom(rowIndex, node) + layout.hLineWidth(rowIndex + 1, node);
  return { height, lines, bottom: 0 };
}

/** Rows pdfmake sets as one unbreakable block: the header rows and those kept with them. */
export function headerRowCount(node: PdfNode): number {
  const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);
  const header = count(node.table?.headerRows);
  return header > 0 ? header + count(node.table?.keepWithHeaderRows) : 0;
}

const rowSpans = new WeakMap<PdfNode, boolean>();

/** Rows tied by a row span are left to pdfmake. */
function hasRowSpans(node: PdfNode): boolean {
  let known = rowSpans.get(node);
  if (known === undefined) {
    known = node.table?.body.some((row) => row.some((cell) => (cell.rowSpan ?? 1) > 1)) ?? false;
    rowSpans.set(node, known);
  }
  return known;
}

