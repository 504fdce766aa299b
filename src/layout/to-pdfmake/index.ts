import type { Root } from 'mdast';
import { handlers } from './handlers/index.ts';
import { unknown } from './handlers/unknown.ts';
import type { PdfContent } from './pdf-content.ts';
import { type ConvertOptions, createState } from './state.ts';

/** mdast → pdfmake content, in the manner of mdast-util-to-hast. */
export function toPdfmake(tree: Root, options: ConvertOptions): PdfContent[] {
  const state = createState(tree, options, handlers, unknown);
  const result = state.one(tree, undefined);
  if (result === undefined) return [];
  return Array.isArray(result) ? result : [result];
}

export type { ConvertOptions } from './state.ts';
export type { PdfContent, PdfNode } from './pdf-content.ts';
