import type { ContainerDirective } from 'mdast-util-directive';
import type { List, Parents } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { markTightness } from './list.ts';

/**
 * The shape shared by `:::chronology`, `:::signatories` and `:::sources`: an
 * optional `[label]` as a title, each list shaped by `shape`, and any other
 * content kept where it was written.
 */
export function listDirective(state: State, node: ContainerDirective, shape: (list: List) => PdfContent): PdfContent {
  const { label, body } = labelAndBody(node);
  const blocks: PdfContent[] = [];
  if (label) blocks.push(state.patch(label, { text: state.inlines(label), style: 'directiveTitle' }));
  for (const child of body.children) {
    if (child.type === 'list') {
      markTightness(state, child);
      blocks.push(shape(child));
      continue;
    }
    const converted = state.one(child, body);
    if (Array.isArray(converted)) blocks.push(...converted);
    else if (converted !== undefined) blocks.push(converted);
  }
  return state.patch(node, { stack: blocks });
}

/** A directive's `[label]` arrives as its first paragraph; split it from the body. */
function labelAndBody(node: ContainerDirective): { label: Parents | undefined; body: ContainerDirective } {
  const first = node.children[0];
  if (first?.type === 'paragraph' && (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel) {
    return { label: first, body: { ...node, children: node.children.slice(1) } };
  }
  return { label: undefined, body: node };
}
