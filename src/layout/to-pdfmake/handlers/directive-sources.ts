import type { ContainerDirective } from 'mdast-util-directive';
import type { ListItem } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { listDirective } from './directive-lists.ts';

/** A list of sources; links stay clickable and their address is printed for paper readers. */
export function sources(state: State, node: ContainerDirective): PdfContent {
  return listDirective(state, node, (list) => {
    const items = list.children.map((item) => {
      const described = state.one(item, list) ?? '';
      const addresses = urlsIn(item).map((url) => ({ text: url, link: url, style: 'sourceUrl' }));
      return state.patch(item, { stack: [described, ...addresses] });
    });
    const start = list.start ?? 1;
    return state.patch(list, list.ordered ? { ol: items, style: 'sources', ...(start !== 1 ? { start } : {}) } : { ul: items, style: 'sources' });
  });
}

function urlsIn(item: ListItem): string[] {
  const urls: string[] = [];
  const stack: unknown[] = [...item.children];
  while (stack.length > 0) {
    const current = stack.pop() as { type?: string; url?: string; children?: unknown[] };
    if (current.type === 'link' && current.url && !current.url.startsWith('#')) urls.unshift(current.url);
    if (current.children) stack.push(...current.children);
  }
  return urls;
}
