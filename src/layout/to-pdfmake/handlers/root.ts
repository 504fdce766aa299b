import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/**
 * A chapter's blocks, then its notes. Where the notes print is the layout's
 * choice, made at render time: at the end of the chapter, as converted
 * here, or at the foot of the page of each reference (`_footnotes` marks
 * the block the renderer then takes out of the flow).
 */
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
    const blocks = state.blocks(definition);
    anchor(blocks, `${state.idPrefix}fn-${index + 1}`);
    items.push(state.patch(definition, { stack: blocks, style: 'note', _noteId: `${state.idPrefix}fn-${index + 1}` }));
  }
  return [{ stack: [{ text: state.strings.notes ?? 'Notes', style: 'notesHeading' }, { ol: items, style: 'notes' }], _footnotes: true }];
}

/** pdfmake makes a named destination only from a text line, so the note's first text carries the id. */
function anchor(blocks: PdfContent[], id: string): void {
  const work: PdfContent[] = [...blocks].reverse();
  while (work.length > 0) {
    const block = work.pop()!;
    if (Array.isArray(block)) work.push(...[...block].reverse());
    else if (typeof block === 'object') {
      if ('text' in block) {
        block.id = id;
        return;
      }
      for (const key of ['stack', 'ul', 'ol', 'columns'] as const) {
        const children = block[key];
        if (Array.isArray(children)) work.push(...[...(children as PdfContent[])].reverse());
      }
    }
  }
  blocks.unshift({ text: '', id });
}
