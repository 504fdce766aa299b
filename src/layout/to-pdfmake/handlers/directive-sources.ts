import type { ContainerDirective } from 'mdast-util-directive';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { labelAndBody } from './directives.ts';
import { markTightness } from './list.ts';

/** A list of sources; links stay clickable and their address is printed for paper readers. */
export function sources(state: State, node: ContainerDirective): PdfContent {
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
    const items = child.children.map((item) => {
      const urls: string[] = [];
      const stack: unknown[] = [...item.children];
      while (stack.length > 0) {
        const current = stack.pop() as { type?: string; url?: string; children?: unknown[] };
        if (current.type === 'link' && current.url && !current.url.startsWith('#')) urls.unshift(current.url);
        if (current.children) stack.push(...current.children);
      }
      const described = state.one(item, child) ?? '';
      const addresses = urls.map((url) => ({ text: url, link: url, style: 'sourceUrl' }));
      return state.patch(item, { stack: [described, ...addresses] });
    });
    const start = child.start ?? 1;
    const list = child.ordered ? { ol: items, style: 'sources', ...(start !== 1 ? { start } : {}) } : { ul: items, style: 'sources' };
    blocks.push(state.patch(child, list));
  }
  return state.patch(node, { stack: blocks });
}
