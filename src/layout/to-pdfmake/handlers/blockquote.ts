import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function blockquote(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'blockquote') return undefined;
  return state.patch(node, { stack: state.blocks(node), style: 'blockquote' });
}
