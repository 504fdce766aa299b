import type { SourcePoint } from '../../diagnostics/diagnostic.ts';

/**
 * pdfmake's document definition is plain JSON-like data. We type only what
 * Roneo reads back; everything else passes through as `unknown`.
 */
export interface PdfNode {
  [key: string]: unknown;
  /** Where in the Markdown this node came from, so late stages can point back. */
  _source?: SourcePoint;
}

export type PdfContent = string | PdfNode | PdfContent[];

export function isPdfNode(value: unknown): value is PdfNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
