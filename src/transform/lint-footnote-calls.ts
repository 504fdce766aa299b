import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { walkTree } from './walk-tree.ts';

/**
 * GFM turns `[^label]` into a footnote only when `[^label]: …` exists;
 * otherwise it stays as text. That is almost always a forgotten or
 * misspelt note, so it is reported. Run on the tree as parsed, before any
 * typesetting changes the text, so columns match the file.
 */
export function lintFootnoteCalls(tree: Root, file: string, diagnostics: Diagnostics): void {
  walkTree(tree, (node) => {
    // Nearly every text node lacks the `[^`, and this test is much cheaper than the search below.
    if (node.type !== 'text' || !node.value.includes('[^')) return;
    const start = node.position?.start;
    for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
      const before = node.value.slice(0, match.index).split('\n');
      const line = (start?.line ?? 1) + before.length - 1;
      const column = before.length === 1 ? (start?.column ?? 1) + match.index : before.at(-1)!.length + 1;
      diagnostics.warn({ file, line, column }, `footnote \`[^${match[1]}]\` has no definition`, 'footnote-undefined');
    }
  });
}
