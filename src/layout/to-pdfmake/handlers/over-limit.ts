import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/** A part cut from the tree at parse time for going past a limit: reported here, where the document is laid out, and never printed. */
export function overLimit(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'overLimit') return undefined;
  if (!node.quiet) state.diagnostics.error(state.point(node), node.reason, node.rule);
  return undefined;
}
