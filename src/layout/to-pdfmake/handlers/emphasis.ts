import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function emphasis(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'emphasis') return undefined;
  return state.patch(node, { text: state.inlines(node), italics: true });
}
