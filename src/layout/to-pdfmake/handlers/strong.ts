import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function strong(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'strong') return undefined;
  return state.patch(node, { text: state.inlines(node), bold: true });
}
