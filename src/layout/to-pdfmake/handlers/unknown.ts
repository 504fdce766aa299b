import type { Nodes, Parents } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/**
 * The explicit fallback: a node no handler knows is reported, and whatever
 * it contains is still printed, so a plugin's new syntax is never lost.
 */
export function unknown(state: State, node: Nodes, parent: Parents | undefined): PdfContent | undefined {
  state.warn(node, `\`${node.type}\` is not supported; it is printed as plain text`, 'unknown-node');
  if ('children' in node) {
    const inline = parent !== undefined && parent.type === 'paragraph';
    return inline ? state.patch(node, { text: state.inlines(node) }) : state.patch(node, { stack: state.blocks(node) });
  }
  if ('value' in node && typeof node.value === 'string') return state.patch(node, { text: node.value });
  return undefined;
}
