import type { ContainerDirective } from 'mdast-util-directive';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { listDirective } from './directive-lists.ts';

/** Signatories run in two balanced columns: a long list reads as a list, not a wall. */
export function signatories(state: State, node: ContainerDirective): PdfContent {
  return listDirective(state, node, (list) => {
    const items = list.children.map((item) => state.one(item, list) ?? '');
    const half = Math.ceil(items.length / 2);
    const start = list.start ?? 1;
    const column = (part: PdfContent[], offset: number) =>
      list.ordered ? { ol: part, start: start + offset, style: 'signatoriesList' } : { ul: part, style: 'signatoriesList' };
    return state.patch(list, {
      columns: [column(items.slice(0, half), 0), column(items.slice(half), half)],
      columnGap: 14,
      style: 'signatories',
    });
  });
}
