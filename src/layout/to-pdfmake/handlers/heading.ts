import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function heading(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'heading') return undefined;
  // headlineLevel lets the render stage keep a heading with what follows it.
  return state.patch(node, { text: state.inlines(node), style: `h${node.depth}`, headlineLevel: node.depth });
}
