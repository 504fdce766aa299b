import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/**
 * A part cut from the tree at parse time for going past a limit prints
 * nothing; the problem is reported by layoutPublication, from the list the
 * parser leaves on the root, before the text is set.
 */
export function overLimit(_state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'overLimit') return undefined;
  return undefined;
}
