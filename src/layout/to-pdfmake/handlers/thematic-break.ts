import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/** Three spaced asterisks, the printer's dinkus, rather than a rule that could look like a cut line. */
export function thematicBreak(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'thematicBreak') return undefined;
  return state.patch(node, { text: '*   *   *', style: 'thematicBreak' });
}
