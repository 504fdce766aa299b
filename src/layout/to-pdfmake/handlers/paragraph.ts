import type { Nodes, Parents } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function paragraph(state: State, node: Nodes, parent: Parents | undefined): PdfContent | undefined {
  if (node.type !== 'paragraph') return undefined;
  const inlines = state.inlines(node);
  // A paragraph that holds only an image is a figure, which pdfmake must get as a block.
  if (inlines.length === 1 && typeof inlines[0] === 'object' && !Array.isArray(inlines[0]) && 'image' in inlines[0]) {
    return inlines[0];
  }
  // In a tight list the item's text runs on without paragraph spacing, as Markdown intends.
  const tight = parent?.type === 'listItem' && !parent.spread;
  return state.patch(node, { text: inlines, style: tight ? 'listParagraph' : 'p' });
}
