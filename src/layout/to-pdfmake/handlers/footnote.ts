import type { Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/** Notes are numbered in order of first reference, per chapter. */
export function footnoteReference(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'footnoteReference') return undefined;
  if (!state.footnoteDefinitions.has(node.identifier)) {
    state.warn(node, `footnote \`[^${node.label ?? node.identifier}]\` has no definition`, 'footnote-undefined');
    return state.patch(node, { text: state.original(node) });
  }
  let index = state.footnoteIndex.get(node.identifier);
  if (index === undefined) {
    index = state.footnoteOrder.push(node.identifier) - 1;
    state.footnoteIndex.set(node.identifier, index);
  }
  return state.patch(node, { text: String(index + 1), sup: true, style: 'noteRef', linkToDestination: `${state.idPrefix}fn-${index + 1}` });
}

/** Definitions print with the chapter's notes, not where they are written. */
export function footnoteDefinition(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'footnoteDefinition') return undefined;
  if (!state.referencedFootnotes.has(node.identifier)) {
    state.warn(node, `footnote \`[^${node.label ?? node.identifier}]\` is never referenced, so it is not printed`, 'footnote-unused');
  }
  return undefined;
}
