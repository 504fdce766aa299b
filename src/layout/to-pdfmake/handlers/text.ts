import type { Nodes, Text } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function text(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'text') return undefined;
  warnUndefinedFootnotes(state, node);
  return state.patch(node, { text: node.value });
}

/**
 * GFM turns `[^label]` into a footnote only when `[^label]: …` exists;
 * otherwise it stays as text. That is almost always a forgotten or
 * misspelt note, so it prints as written and is reported.
 */
function warnUndefinedFootnotes(state: State, node: Text): void {
  const start = node.position?.start;
  for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]/g)) {
    const before = node.value.slice(0, match.index).split('\n');
    const line = (start?.line ?? 1) + before.length - 1;
    const column = before.length === 1 ? (start?.column ?? 1) + match.index : before.at(-1)!.length + 1;
    state.diagnostics.warn({ file: state.file, line, column }, `footnote \`[^${match[1]}]\` has no definition`, 'footnote-undefined');
  }
}
