import { createRequire } from 'node:module';

// The part of pdfmake 0.3's layout internals the keeps read or replace.
// pdfmake ships no types, and these modules are CommonJS classes behind
// `exports.default`; they are loaded with require (the same instances
// pdfmake itself uses) and checked at install time, then described here.

export type Margin = readonly [number, number, number, number];

/** A line of text, built for the width available when it was built. */
export interface PdfLine {
  getHeight(): number;
}

export interface ColumnWidth {
  _calcWidth: number;
}

export interface TableLayout {
  paddingTop(row: number, node: PdfNode): number;
  paddingBottom(row: number, node: PdfNode): number;
  hLineWidth(row: number, node: PdfNode): number;
  hLineWhenBroken?: boolean;
}

/** A measured document node: pdfmake's definition plus what DocMeasure adds (`_…`). */
export interface PdfNode {
  text?: unknown;
  stack?: PdfNode[];
  ul?: PdfNode[];
  ol?: PdfNode[];
  columns?: PdfNode[];
  table?: { body: PdfNode[][]; widths: ColumnWidth[]; headerRows?: number; keepWithHeaderRows?: number; dontBreakRows?: boolean };
  image?: unknown;
  svg?: unknown;
  qr?: unknown;
  canvas?: unknown;
  headlineLevel?: unknown;
  listMarker?: unknown;
  pageBreak?: unknown;
  pageOrientation?: string;
  absolutePosition?: unknown;
  relativePosition?: unknown;
  maxHeight?: number;
  colSpan?: number;
  rowSpan?: number;
  positions: unknown[];
  _span?: boolean;
  _margin?: ReadonlyArray<number | undefined> | null;
  _inlines?: object[];
  _gapSize?: { width: number };
  _height?: number;
  _minHeight?: number;
  _offsets?: { total: number; offsets: number[] };
  _layout?: TableLayout;
}

export interface DocumentContext {
  page: number;
  y: number;
  availableWidth: number;
  availableHeight: number;
  pageMargins: { top: number; bottom: number };
  snapshots: unknown[];
  getCurrentPage(): { pageSize: { height: number } } | null;
  inSnakingColumns(): boolean;
  moveDown(offset: number): boolean;
}

export interface PageElementWriter {
  transactionLevel: number;
  repeatables: ReadonlyArray<{ height: number }>;
  context(): DocumentContext;
  moveToNextPage(pageOrientation?: string): void;
}

export interface LayoutBuilder {
  writer: PageElementWriter;
  buildNextLine(node: PdfNode): PdfLine | null;
  processNode(node: PdfNode, isVerticalAlignmentAllowed?: boolean): void;
  processVerticalContainer(node: PdfNode): void;
  processLeaf(node: PdfNode): void;
  processList(ordered: boolean, node: PdfNode): void;
  processTable(node: PdfNode): void;
}

export interface TableProcessor {
  tableNode: PdfNode;
  headerRows: number;
  rowsWithoutPageBreak: number;
  dontBreakRows: boolean;
  layout: TableLayout;
  beginTable(writer: PageElementWriter): void;
  beginRow(rowIndex: number, writer: PageElementWriter): void;
  drawHorizontalLine(lineIndex: number, writer: PageElementWriter): void;
}

export type BuildColumnWidths = (columns: ColumnWidth[], availableWidth: number, offsetTotal: number, tableNode: PdfNode) => void;

export interface Internals {
  version: string;
  layoutBuilder: LayoutBuilder;
  tableProcessor: TableProcessor;
  buildColumnWidths: BuildColumnWidths;
}

/** What the keeps replace or call, per pdfmake module. */
const REQUIRED = {
  LayoutBuilder: ['processNode', 'processVerticalContainer', 'processLeaf', 'processList', 'processTable', 'buildNextLine'],
  TableProcessor: ['beginTable', 'beginRow', 'drawHorizontalLine'],
  PageElementWriter: ['moveToNextPage'],
  DocumentContext: ['moveToNextPage', 'moveDown', 'inSnakingColumns', 'getCurrentPage'],
} as const;

/** pdfmake's layout classes, or a clear Error naming what no longer matches. `require` is replaceable for tests. */
export function loadInternals(require: (id: string) => unknown = createRequire(import.meta.url)): Internals {
  const manifest: unknown = require('pdfmake/package.json');
  const version = typeof manifest === 'object' && manifest !== null && typeof (manifest as { version?: unknown }).version === 'string'
    ? (manifest as { version: string }).version
    : 'of unknown version';
  if (!/^0\.3\./.test(version)) {
    throw new Error(`pdfmake ${version} is installed, but the keeps (src/render/keeps) replace layout methods of pdfmake 0.3.x; check them against the new version before allowing it`);
  }
  const prototypes: Record<string, Record<string, unknown>> = {};
  for (const [name, methods] of Object.entries(REQUIRED)) {
    const exported: unknown = require(`pdfmake/js/${name}.js`);
    const type = typeof exported === 'object' && exported !== null ? (exported as { default?: unknown }).default : undefined;
    const prototype: unknown = typeof type === 'function' ? (type as { prototype: unknown }).prototype : undefined;
    if (typeof prototype !== 'object' || prototype === null) {
      throw new Error(`pdfmake ${version}: pdfmake/js/${name}.js no longer exports the ${name} class the keeps (src/render/keeps) rely on`);
    }
    const missing = methods.filter((method) => typeof (prototype as Record<string, unknown>)[method] !== 'function');
    if (missing.length > 0) {
      throw new Error(`pdfmake ${version}: ${missing.map((method) => `${name}.${method}`).join(', ')} no longer exist; the keeps (src/render/keeps) must be revised for this version`);
    }
    prototypes[name] = prototype as Record<string, unknown>;
  }
  const calculator: unknown = require('pdfmake/js/columnCalculator.js');
  const buildColumnWidths = typeof calculator === 'object' && calculator !== null
    ? (calculator as { default?: { buildColumnWidths?: unknown } }).default?.buildColumnWidths
    : undefined;
  if (typeof buildColumnWidths !== 'function') {
    throw new Error(`pdfmake ${version}: columnCalculator.buildColumnWidths no longer exists; the keeps (src/render/keeps) must be revised for this version`);
  }
  return {
    version,
    layoutBuilder: prototypes.LayoutBuilder as unknown as LayoutBuilder,
    tableProcessor: prototypes.TableProcessor as unknown as TableProcessor,
    buildColumnWidths: buildColumnWidths as BuildColumnWidths,
  };
}

export function marginOf(node: PdfNode): Margin {
  const margin = node._margin;
  if (!margin) return [0, 0, 0, 0];
  return [margin[0] ?? 0, margin[1] ?? 0, margin[2] ?? 0, margin[3] ?? 0];
}

export function isHeading(node: PdfNode | undefined): boolean {
  return node !== undefined && typeof node.headlineLevel === 'number';
}

/** pdfmake starts such a node on a new page anyway. */
export function breaksBefore(node: PdfNode): boolean {
  return typeof node.pageBreak === 'string' && node.pageBreak.startsWith('before');
}

export function isLeaf(node: PdfNode): boolean {
  return node.text !== undefined && !node.stack && !node.columns && !node.ul && !node.ol && !node.table;
}
