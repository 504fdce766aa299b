import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/** A chapter's blocks, then its notes: footnotes print at the end of their chapter. */
export function root(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'root') return undefined;
  const blocks = state.blocks(node);
  const notes = noteBlocks(state);
  return notes ? [...blocks, ...notes] : blocks;
}

function noteBlocks(state: State): PdfContent[] | undefined {
  if (state.footnoteOrder.length === 0) return undefined;
  const items: PdfContent[] = [];
  // A note may reference another note, adding to footnoteOrder while we walk it.
  for (let index = 0; index < state.footnoteOrder.length; index += 1) {
    const identifier = state.footnoteOrder[index]!;
    const definition = state.footnoteDefinitions.get(identifier)!;
    items.push(state.patch(definition, { stack: state.blocks(definition), id: `${state.idPrefix}fn-${index + 1}`, style: 'note' }));
  }
  return [{ text: state.strings.notes ?? 'Notes', style: 'notesHeading' }, { ol: items, style: 'notes' }];
}
