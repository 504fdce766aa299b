import type { ContainerDirective } from 'mdast-util-directive';
import type { Nodes, Parents } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';
import { chronology } from './directive-chronology.ts';
import { signatories } from './directive-signatories.ts';
import { sources } from './directive-sources.ts';

export type BlockDirectiveHandler = (state: State, node: ContainerDirective) => PdfContent;

/** Named blocks an editor can write as `:::name … :::`. */
export const blockDirectives: Readonly<Record<string, BlockDirectiveHandler>> = { chronology, signatories, sources };

export function containerDirective(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'containerDirective') return undefined;
  const handler = Object.hasOwn(blockDirectives, node.name) ? blockDirectives[node.name] : undefined;
  if (handler) return handler(state, node);
  state.warn(node, `unknown block \`:::${node.name}\`; its content is printed as ordinary text`, 'unknown-directive');
  return state.patch(node, { stack: state.blocks(node) });
}

/**
 * `::name` and `:name` have no meaning yet; print them exactly as written so
 * no words are lost. A bare `:word` with no `[label]` or `{attributes}` is a
 * colon in prose (`18:30`, `Note:voir`), so it is printed without a warning.
 */
export function otherDirective(state: State, node: Nodes, parent: Parents | undefined): PdfContent | undefined {
  if (node.type !== 'leafDirective' && node.type !== 'textDirective') return undefined;
  // `:name[Janaözen]` marks a proper name: printed as is, never hyphenated.
  if (node.type === 'textDirective' && node.name === 'name') return state.patch(node, { text: state.inlines(node) });
  // Left here only when the publication has no `variants:`, which the build reports.
  const marker = node.type === 'leafDirective' ? '::' : ':';
  const written = state.original(node);
  const prose = (node.type === 'textDirective' && written === `:${node.name}`) || (node.type === 'textDirective' && node.name === 'variant');
  if (!prose) state.warn(node, `unknown directive \`${marker}${node.name}\`; it is printed as written`, 'unknown-directive');
  const inline = parent !== undefined && parent.type !== 'root';
  return state.patch(node, inline ? { text: written } : { text: written, style: 'p' });
}
