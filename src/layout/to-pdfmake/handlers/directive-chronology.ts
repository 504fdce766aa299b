import type { ContainerDirective } from 'mdast-util-directive';
import type { ListItem, PhrasingContent } from 'mdast';
import type { PdfContent, PdfNode } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { labelAndBody } from './directives.ts';
import { markTightness } from './list.ts';

/**
 * A timeline: each list item `**date** — event` becomes a row with the date
 * in its own column. Items without a bold date still print, in full width.
 */
export function chronology(state: State, node: ContainerDirective): PdfContent {
  const { label, body } = labelAndBody(node);
  const blocks: PdfContent[] = [];
  if (label) blocks.push(state.patch(label, { text: state.inlines(label), style: 'directiveTitle' }));
  // Each list is its own timeline, and prose between lists stays where it was written.
  for (const child of body.children) {
    if (child.type !== 'list') {
      blocks.push(...toArray(state.one(child, body)));
      continue;
    }
    markTightness(state, child);
    const rows = child.children.map((item) => row(state, item));
    blocks.push(state.patch(child, { table: { widths: [92, '*'], body: rows, dontBreakRows: true }, layout: 'chronology', style: 'chronology' }));
  }
  return state.patch(node, { stack: blocks });
}

function row(state: State, item: ListItem): PdfNode[] {
  const paragraph = item.children[0];
  const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  if (paragraph?.type !== 'paragraph' || first?.type !== 'strong') {
    return [state.patch(item, { text: '', style: 'chronologyDate' }), state.patch(item, { stack: state.blocks(item), style: 'chronologyEvent' })];
  }
  const rest: PhrasingContent[] = paragraph.children.slice(1);
  const lead = rest[0];
  if (lead?.type === 'text') rest[0] = { ...lead, value: lead.value.replace(/^\s*[—–:-]?\s*/, '') };
  const event = state.inlines({ ...paragraph, children: rest });
  const more = item.children.slice(1).flatMap((child) => toArray(state.one(child, item)));
  return [
    state.patch(first, { text: state.inlines(first), style: 'chronologyDate' }),
    state.patch(item, { stack: [{ text: event }, ...more], style: 'chronologyEvent' }),
  ];
}

function toArray(content: PdfContent | undefined): PdfContent[] {
  if (content === undefined) return [];
  return Array.isArray(content) ? content : [content];
}
