import type { ContainerDirective } from 'mdast-util-directive';
import type { ListItem, PhrasingContent } from 'mdast';
import type { PdfContent, PdfNode } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { listDirective } from './directive-lists.ts';

/**
 * A timeline: each list item `**date** — event` becomes a row with the date
 * in its own column. Items without a bold date still print, with the date left empty.
 */
export function chronology(state: State, node: ContainerDirective): PdfContent {
  return listDirective(state, node, (list) =>
    state.patch(list, {
      table: { widths: [92, '*'], body: list.children.map((item) => row(state, item)), dontBreakRows: true },
      layout: 'chronology',
      style: 'chronology',
    }),
  );
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
