import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function inlineCode(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'inlineCode') return undefined;
  return state.patch(node, { text: node.value, style: 'code' });
}
