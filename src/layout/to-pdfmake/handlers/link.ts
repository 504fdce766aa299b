import type { Nodes, Parents } from 'mdast';
import type { PdfContent, PdfNode } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function link(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'link') return undefined;
  return linked(state, node, node, node.url);
}

export function linkReference(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'linkReference') return undefined;
  const definition = state.definitions.get(node.identifier);
  if (!definition) {
    // Unresolved references are literal text in CommonMark; print them as written.
    return state.patch(node, { text: state.original(node) });
  }
  return linked(state, node, node, definition.url);
}

function linked(state: State, node: Nodes, parent: Parents, url: string): PdfNode {
  const inlines = state.inlines(parent);
  // Internal anchors have no target in print; keep the words, drop the link.
  if (url.startsWith('#') || url === '') return state.patch(node, { text: inlines });
  return state.patch(node, { text: inlines, link: url, style: 'link' });
}
