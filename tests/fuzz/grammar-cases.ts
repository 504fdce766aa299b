/**
 * Whole projects from the Markdown grammar: one publication of each layout,
 * the articles it includes (generated ones, which may include each other, and
 * a real one of the campaign), a leaflet's table of local groups, and the
 * pictures the text names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { REPO } from '../helpers/project.ts';
import { frontMatter, type Layout } from './front-matter.ts';
import { buildMode, type FuzzCase } from './fuzz-case.ts';
import { markdownGrammar } from './markdown-grammar.ts';
import { picturesNamedIn } from './pictures.ts';
import type { Flavour } from './text.ts';
import { VARIANT_COLUMNS, variantsTable } from './variants-table.ts';

const PUBLICATION_PATH: Record<Layout, string> = {
  leaflet: 'content/leaflets/tract.md',
  pamphlet: 'content/pamphlets/brochure.md',
  dossier: 'content/dossier.md',
};
const GENERATED_ARTICLES = ['articles/gen-a.md', 'articles/gen-b.md'];
const CAMPAIGN_ARTICLE = 'articles/janaozen-2011.md';
const INCLUDABLE = [...GENERATED_ARTICLES, CAMPAIGN_ARTICLE];
const VARIANTS_FILE = 'groupes.csv';

/** A Markdown file: front matter and blocks, written with the line ends and marks editors leave. */
function document(flavour: Flavour, layout: Layout | undefined, maxBlocks: number, table?: { file: string; columns: readonly string[] }): fc.Arbitrary<string> {
  const variantsFile = table?.file;
  const { block } = markdownGrammar(flavour, table?.columns);
  return fc
    .record({
      head: frontMatter({ layout, flavour, includable: INCLUDABLE, ...(variantsFile ? { variantsFile } : {}) }),
      body: fc.array(block, { minLength: 1, maxLength: maxBlocks }),
      lineEnd: fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\r\n'),
      bom: fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
      finalNewline: fc.integer({ min: 0, max: 10 }).map((n) => n > 0),
    })
    .map(({ head, body, lineEnd, bom, finalNewline }) => {
      const text = `${head}\n${body.join('\n\n')}${finalNewline ? '\n' : ''}`;
      return `${bom ? '\uFEFF' : ''}${lineEnd === '\n' ? text : text.replaceAll('\n', lineEnd)}`;
    });
}

function casesFor(layout: Layout, flavour: Flavour, pictures: ReadonlyMap<string, Uint8Array>): fc.Arbitrary<FuzzCase> {
  const leaflet = layout === 'leaflet';
  // A leaflet for local groups, two in five: the columns of its table first, for its Markdown to print.
  const tableColumns = leaflet ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.subarray([...VARIANT_COLUMNS], { minLength: 1 }), weight: 2 }) : fc.constant(undefined);
  return tableColumns.chain((columns) =>
    fc
      .record({
        publication: document(flavour, layout, leaflet ? 5 : 12, columns ? { file: VARIANTS_FILE, columns } : undefined),
        articles: fc.tuple(document(flavour, undefined, 6), document(flavour, undefined, 6)),
        table: columns ? variantsTable(flavour, columns) : fc.constant(undefined),
        mode: buildMode,
      })
      .map(({ publication, articles, table, mode }): FuzzCase => {
        const path = PUBLICATION_PATH[layout];
        const texts: Record<string, string> = { [path]: publication };
        if (table !== undefined) texts[`content/leaflets/${VARIANTS_FILE}`] = table;
        // Only the articles named by a file already in: an article is read, and its errors reported, even when nothing includes it.
        const candidates = new Map(GENERATED_ARTICLES.map((name, i) => [name, articles[i]!]));
        candidates.set(CAMPAIGN_ARTICLE, readFileSync(join(REPO, 'content', CAMPAIGN_ARTICLE), 'utf8'));
        for (let added = true; added; ) {
          added = false;
          for (const [name, text] of candidates) {
            if (`content/${name}` in texts || !Object.values(texts).some((t) => t.includes(name))) continue;
            texts[`content/${name}`] = text;
            added = true;
          }
        }
        const files: Record<string, Uint8Array> = {};
        for (const [file, text] of Object.entries(texts)) {
          files[file] = new TextEncoder().encode(text);
          Object.assign(files, picturesNamedIn(file, text, pictures));
        }
        return { origin: `grammar: ${flavour} ${layout}`, files, ...mode };
      }),
  );
}

/**
 * Leaflets most, being most of what the campaign prints and the quickest to
 * build; clean text more than wild, so that most cases get to rendering.
 */
export function grammarCases(pictures: ReadonlyMap<string, Uint8Array>): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { arbitrary: casesFor('leaflet', 'clean', pictures), weight: 4 },
    { arbitrary: casesFor('pamphlet', 'clean', pictures), weight: 2 },
    { arbitrary: casesFor('dossier', 'clean', pictures), weight: 2 },
    { arbitrary: casesFor('leaflet', 'wild', pictures), weight: 2 },
    { arbitrary: casesFor('pamphlet', 'wild', pictures), weight: 1 },
    { arbitrary: casesFor('dossier', 'wild', pictures), weight: 1 },
  );
}
