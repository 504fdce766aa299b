import type { Nodes, Parents, PhrasingContent } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';


/**
 * pdfmake cannot place an image inside a line of text, so a paragraph is
 * split around its images: text, figure, text, in reading order. A
 * paragraph that is only an image becomes just the figure.
 */
export function paragraph(state: State, node: Nodes, parent: Parents | undefined): PdfContent | undefined {
  if (node.type !== 'paragraph') return undefined;
  // In a tight list the item's text runs on without paragraph spacing, as Markdown intends.
  const style = parent !== undefined && state.tightItems.has(parent) ? 'listParagraph' : 'p';
  // An unresolved image reference is literal text, not a figure.
  const isImage = (child: PhrasingContent) =>
    child.type === 'image' || (child.type === 'imageReference' && state.definitions.has(child.identifier));
  if (!node.children.some(isImage)) return state.patch(node, { text: state.inlines(node), style });

  const blocks: PdfContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((child) => child.type !== 'text' || child.value.trim() !== '')) {
      blocks.push(state.patch(run[0]!, { text: state.inlines({ ...node, children: run }), style }));
    }
    run = [];
  };
  for (const child of node.children) {
    if (!isImage(child)) {
      run.push(child);
      continue;
    }
    flush();
    const figure = state.one(child, node);
    if (figure !== undefined) blocks.push(figure);
  }
  flush();
  return blocks.length === 1 ? blocks[0] : blocks;
}
