import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function text(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'text') return undefined;
  // A soft line break in Markdown is a space; pdfmake would force a new line at "\n".
  return state.patch(node, { text: node.value.replace(/[ \t]*\n[ \t]*/g, ' ') });
}
