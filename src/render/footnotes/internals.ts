import { pdfmakePrototype } from '../pdfmake-prototype.ts';

// The part of pdfmake 0.3's layout internals the footnotes read or wrap.
// pdfmake ships no types; the classes are CommonJS behind `exports.default`,
// loaded with require (the instances pdfmake itself uses) and checked at
// install time.

export interface Inline {
  linkToDestination?: string | null;
}

export interface Line {
  x: number;
  y: number;
  inlines: Inline[];
  getHeight(): number;
  clone(): Line;
}

export interface Vector {
  type: string;
  x?: number;
  y?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  points?: Array<{ x: number; y: number }>;
  [key: string]: unknown;
}

export type PageItem =
  | { type: 'line'; item: Line }
  | { type: 'vector'; item: Vector }
  | { type: string; item: { x?: number; y?: number; [key: string]: unknown } };

export interface Page {
  items: PageItem[];
  pageSize: { width: number; height: number };
  pageMargins: { left: number; right: number; top: number; bottom: number };
}

export interface Snapshot {
  page: number;
  availableHeight: number;
  bottomMost?: { page: number; availableHeight: number };
}

export interface DocumentContext {
  page: number;
  x: number;
  y: number;
  availableWidth: number;
  availableHeight: number;
  pageMargins: { left: number; right: number; top: number; bottom: number };
  pages: Page[];
  snapshots: Snapshot[];
  getCurrentPage(): Page | null;
  initializePage(): void;
}

export interface Fragment {
  items: PageItem[];
  height: number;
}

export interface ElementWriter {
  transactionLevel?: number;
  context(): DocumentContext;
  addLine(line: Line, dontUpdateContextPosition?: boolean, index?: number): unknown;
  addFragment(block: Fragment, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdateContextPosition?: boolean): unknown;
  pushContext(width: number, height: number): void;
  popContext(): void;
  moveToNextPage(pageOrientation?: string): void;
}

export interface LayoutBuilder {
  writer: ElementWriter;
  docPreprocessor: { preprocessBlock(node: unknown): unknown };
  docMeasure: { measureBlock(node: unknown): unknown };
  tryLayoutDocument(docStructure: unknown, ...rest: unknown[]): { pages: Page[] };
  processNode(node: unknown, ...rest: unknown[]): void;
}

export interface Internals {
  layoutBuilder: LayoutBuilder;
  elementWriter: ElementWriter;
  documentContext: DocumentContext;
}

const FIX = 'the footnotes (src/render/footnotes)';

/** pdfmake's classes the footnotes wrap, or a clear Error naming what no longer matches. */
export function loadInternals(): Internals {
  const elementWriter = pdfmakePrototype<ElementWriter>('ElementWriter', ['addLine', 'addFragment', 'pushContext', 'popContext'], FIX);
  pdfmakePrototype<ElementWriter>('PageElementWriter', ['moveToNextPage'], FIX);
  return {
    layoutBuilder: pdfmakePrototype<LayoutBuilder>('LayoutBuilder', ['tryLayoutDocument', 'processNode'], FIX),
    elementWriter,
    documentContext: pdfmakePrototype<DocumentContext>('DocumentContext', ['initializePage', 'getCurrentPage'], FIX),
  };
}
