import type { Nodes, Parents } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

/**
 * HTML has no meaning in print. Comments are an editor's notes and stay
 * unprinted; any other HTML is warned about and its text kept, so nothing
 * written by a contributor silently disappears.
 */
export function html(state: State, node: Nodes, parent: Parents | undefined): PdfContent | undefined {
  if (node.type !== 'html') return undefined;
  // Exactly one comment: `<!-- a --> words <!-- b -->` holds words that must print.
  if (/^\s*<!--(?:(?!-->)[\s\S])*-->\s*$/.test(node.value)) return undefined;
  state.warn(node, 'raw HTML is not rendered; its text is printed as is', 'raw-html');
  const words = node.value.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '');
  if (words.trim() === '') return undefined;
  const inline = parent !== undefined && parent.type !== 'root' && parent.type !== 'blockquote' && parent.type !== 'listItem';
  return state.patch(node, inline ? { text: words } : { text: words.trim(), style: 'p' });
}
