import type { ContainerDirective } from 'mdast-util-directive';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { labelAndBody } from './directives.ts';
import { markTightness } from './list.ts';

/** Signatories run in two balanced columns: a long list reads as a list, not a wall. */
export function signatories(state: State, node: ContainerDirective): PdfContent {
  const { label, body } = labelAndBody(node);
  const blocks: PdfContent[] = [];
  if (label) blocks.push(state.patch(label, { text: state.inlines(label), style: 'directiveTitle' }));
  for (const child of body.children) {
    if (child.type !== 'list') {
      const converted = state.one(child, body);
      if (converted !== undefined) blocks.push(converted);
      continue;
    }
    markTightness(state, child);
    const items = child.children.map((item) => state.one(item, child) ?? '');
    const half = Math.ceil(items.length / 2);
    const start = child.start ?? 1;
    const column = (part: PdfContent[], offset: number) =>
      child.ordered ? { ol: part, start: start + offset, style: 'signatoriesList' } : { ul: part, style: 'signatoriesList' };
    blocks.push(
      state.patch(child, {
        columns: [column(items.slice(0, half), 0), column(items.slice(half), half)],
        columnGap: 14,
        style: 'signatories',
      }),
    );
  }
  return state.patch(node, { stack: blocks });
}
