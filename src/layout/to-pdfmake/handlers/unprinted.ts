import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';

/** Nodes that carry data, not text: link definitions and the front matter. */
export function unprinted(_state: unknown, _node: Nodes): PdfContent | undefined {
  return undefined;
}
