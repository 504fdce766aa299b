import type { Nodes, Root } from 'mdast';
import { applyTypography, type Context } from './apply-rules.ts';
import type { TypographySettings } from './settings.ts';

/** Blocks whose text runs as one line of thought: quotes and spaces are decided within them. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Nodes whose text is printed exactly as written. */
const VERBATIM = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition']);

/**
 * The typography stage, as a remark transform over text nodes: quotes,
 * apostrophes, ellipses and the spaces a language sets around punctuation.
 * Code, addresses and raw HTML are left alone.
 */
export function typography(tree: Root, settings: TypographySettings): void {
  if (!settings.enabled) return;
  const context: Context = { previous: '' };
  // An explicit stack keeps deeply nested documents from overflowing the call stack.
  const work: Nodes[] = [tree];
  while (work.length > 0) {
    const node = work.pop()!;
    if (VERBATIM.has(node.type)) {
      context.previous = 'x';
      continue;
    }
    if (BLOCKS.has(node.type)) context.previous = '';
    if (node.type === 'text') {
      node.value = applyTypography(node.value, settings, context);
      continue;
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text' && node.children[0]!.value === node.url) {
      context.previous = 'x';
      continue;
    }
    if (node.type === 'image' || node.type === 'footnoteReference') context.previous = 'x';
    if (node.type === 'break') context.previous = '\n';
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i -= 1) work.push(node.children[i] as Nodes);
  }
}

/** The same rules for a string outside Markdown: a title, a subtitle, a name. */
export function typographyOfText(value: string, settings: TypographySettings): string {
  return applyTypography(value, settings, { previous: '' });
}
