import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/** A one-cell table, because only table cells can carry a background in pdfmake. */
export function code(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'code') return undefined;
  const cell = state.patch(node, { text: node.value, style: 'codeBlock', preserveLeadingSpaces: true });
  return state.patch(node, { table: { widths: ['*'], body: [[cell]] }, layout: 'code', style: 'codeBlockFrame' });
}
