import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function text(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'text') return undefined;
  return state.patch(node, { text: node.value });
}
