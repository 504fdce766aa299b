import type { Link, Paragraph, Root, Text } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';

/** remark-gfm as shipped, with its autolink-literal tokenizer: the tree Roneo's parse must match. */
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();

const SAMPLES = [
  'Le texte, publié sur www.socialismkz.info, est traduit.\n\nÉcrire à contact@example.org ou voir https://example.org/a_b?x=1.',
  '- www.example.org/page)\n- (http://example.org/(x))\n- *www.a.fr* et **https://b.org/x** et _mail@x.fr_',
  '> Citation avec https://exemple.fr/chemin.\n\n| a | b |\n| - | - |\n| www.t.fr | x@y.fr |\n\nNote[^1].\n\n[^1]: Source : https://exemple.fr/source.',
  ':::sources\n- [Titre](https://lien.fr) puis www.nu.fr\n:::\n',
  // Without `|` or `~` the table and strikethrough tokenizers are left out; with them, they are there.
  'Sans tableau ni barré : a - b, c -- d, [ ] et [x] hors liste.\n\n- [ ] à faire\n- [x] fait\n\nTexte\n---\n',
  '~~barré~~ et ~simple~ ; a | b\n- | -\nc | d\n',
];

describe('Markdown parsed with only the GFM tokenizers it can use', () => {
  it('become the same links, with the same positions, as with remark-gfm', () => {
    for (const markdown of SAMPLES) {
      const expected = reference.parse(markdown);
      // remark-gfm itself leaves some links found in emphasis without positions; Roneo gives them one.
      expect(withPositionsWhere(parseMarkdown(markdown), expected)).toEqual(expected);
    }
  });

  it('point at their own characters in the Markdown', () => {
    const markdown = 'Voir www.example.org ou écrire à contact@example.org.';
    const paragraph = parseMarkdown(markdown).children[0] as Paragraph;
    const links = paragraph.children.filter((node): node is Link => node.type === 'link');
    expect(links.map((link) => link.url)).toEqual(['http://www.example.org', 'mailto:contact@example.org']);
    for (const node of paragraph.children) {
      const text = node.type === 'link' ? (node.children[0] as Text).value : (node as Text).value;
      expect(markdown.slice(node.position!.start.offset, node.position!.end.offset)).toBe(text);
    }
  });

  it('keep the span of their text where the Markdown spells it otherwise', () => {
    // `&amp;` is one character of text and five of Markdown: the pieces keep the whole text's span.
    const markdown = 'A &amp; B www.example.org';
    const paragraph = parseMarkdown(markdown).children[0] as Paragraph;
    expect(paragraph.children.map((node) => node.type)).toEqual(['text', 'link']);
    for (const node of paragraph.children) expect(node.position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 26, offset: 25 } });
  });
});

/** `tree` without the positions that `reference` lacks at the same place. */
function withPositionsWhere(tree: unknown, reference: unknown): unknown {
  if (Array.isArray(tree)) return tree.map((item, index) => withPositionsWhere(item, (reference as unknown[] | undefined)?.[index]));
  if (typeof tree !== 'object' || tree === null) return tree;
  const theirs = (reference ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([key]) => key !== 'position' || theirs.position !== undefined)
      .map(([key, value]) => [key, key === 'position' ? value : withPositionsWhere(value, theirs[key])]),
  );
}

export type { Root };
