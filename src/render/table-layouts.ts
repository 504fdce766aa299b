import type { TableLayout } from 'pdfmake';
import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';

interface TableNode {
  table: { body: unknown[]; headerRows?: number; widths?: unknown[] };
}

type Edge = (index: number, node: TableNode) => number | string | null;

/**
 * pdfmake table layouts are functions; layouts declare them as data in
 * `tableLayouts`. A value is either a constant or, for lines, an object
 * `{ "outer": …, "header": …, "inner": … }`, enough to draw booktabs rules.
 */
export function tableLayoutsFrom(spec: unknown): Record<string, TableLayout> {
  const layouts: Record<string, TableLayout> = { ...DEFAULTS };
  if (!isPdfNode(spec)) return layouts;
  for (const [name, properties] of Object.entries(spec)) {
    if (!isPdfNode(properties)) continue;
    const layout: TableLayout = {};
    for (const [key, value] of Object.entries(properties)) layout[key] = toFunction(key, value);
    layouts[name] = layout;
  }
  return layouts;
}

function toFunction(key: string, value: unknown): Edge | unknown {
  if (key === 'defaultBorder') return value;
  if (isPdfNode(value)) {
    const horizontal = key.startsWith('h');
    return ((index, node) => {
      const count = horizontal ? node.table.body.length : (node.table.widths?.length ?? 0);
      const header = horizontal ? (node.table.headerRows ?? 0) : -1;
      const pick = index === 0 || index === count ? value.outer : index === header ? value.header : value.inner;
      return (pick ?? value.inner ?? 0) as number | string;
    }) satisfies Edge;
  }
  return (() => value as number | string | null) satisfies Edge;
}

const constant = (value: number | string | null): Edge => () => value;

const DEFAULTS: Record<string, TableLayout> = {
  table: tableLayoutsFromSpec({ hLineWidth: { outer: 0.8, header: 0.5, inner: 0.25 }, vLineWidth: 0, hLineColor: '#444444', paddingLeft: 4, paddingRight: 4, paddingTop: 3, paddingBottom: 3 }),
  code: { hLineWidth: constant(0), vLineWidth: constant(0), fillColor: constant('#f1f1f1'), paddingLeft: constant(6), paddingRight: constant(6), paddingTop: constant(4), paddingBottom: constant(4) },
  chronology: { hLineWidth: constant(0), vLineWidth: constant(0), paddingLeft: constant(0), paddingRight: constant(8), paddingTop: constant(2), paddingBottom: constant(2) },
};

function tableLayoutsFromSpec(spec: Record<string, unknown>): TableLayout {
  const layout: TableLayout = {};
  for (const [key, value] of Object.entries(spec)) layout[key] = toFunction(key, value);
  return layout;
}
