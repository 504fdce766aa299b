/**
 * Markdown as the campaign writes it and as it goes wrong: every CommonMark
 * and GFM construct Roneo prints, nested a few levels (lists in quotes in
 * lists…), the directives of the dossier, footnotes defined and not,
 * pictures real and missing, raw HTML, Handlebars that must print as text,
 * and Markdown punctuation left unbalanced.
 */
import fc from 'fast-check';
import { pictureAddress } from './pictures.ts';
import { type Flavour, oneLine, phrase } from './text.ts';
import { VARIANT_COLUMNS } from './variants-table.ts';

/** Few labels, so references and definitions often meet, and sometimes do not (undefined and unused notes). */
const FOOTNOTE_LABELS = ['1', '2', 'note', 'bilan', 'a b', 'ÉTÉ', 'x', '^', '10'];
const footnoteLabel = fc.constantFrom(...FOOTNOTE_LABELS);

const url = fc.constantFrom(
  'https://www.icor.info',
  'http://www.socialismkz.info',
  'https://example.org/a?b=c&d=é#f',
  'mailto:contact@solidarite-kazakhstan.example',
  '#introduction',
  '',
  'javascript:alert(1)',
  '<https://example.org/avec des espaces>',
  'https://example.org/(parenthèses)',
  'tel:+7-701-000-00-00',
  'articles/janaozen-2011.md',
);

const handlebars = fc.constantFrom('{{title}}', '{{{body}}}', '{{#each chapters}}x{{/each}}', '{{> chapter}}', '{{!-- note --}}', '{{lookup . "constructor"}}', '\\{{title}}', '{{', '}}', '{{#if}}', '{{t "source"}}', '{{json body}}');
const inlineHtml = fc.constantFrom('<span>texte</span>', '<br>', '<br/>', '<!-- note de rédaction -->', '<b>gras', '</p>', '<img src="x" onerror="alert(1)">', '<a href="https://example.org">lien</a>', '<?php echo 1; ?>', '<![CDATA[ x ]]>', '<kbd>Ctrl</kbd>');
const entity = fc.constantFrom('&amp;', '&nbsp;', '&#0;', '&#x110000;', '&#xD800;', '&bogus;', '&eacute;', '&#8239;', '&lt;script&gt;');
const punctuation = fc.constantFrom('*', '**', '_', '__', '~~', '`', '[', ']', '(', ')', '![', '](', '[^', '<', '>', '|', '\\', '^', ':', '::', '{', '}', '&', '#', '!', '"', "'", '\\*', '\\[');

export interface Grammar {
  inline: fc.Arbitrary<string>;
  /** A paragraph's worth of inline content, on one or a few lines. */
  inlines: fc.Arbitrary<string>;
  /** One block; blocks nest in lists, block quotes, directives and footnote definitions. */
  block: fc.Arbitrary<string>;
  /** Blocks separated as a writer separates them (a blank line, mostly). */
  blocks: fc.Arbitrary<string>;
}

/**
 * `variantColumns`: the document belongs to a leaflet with a table of local
 * groups with these columns, and prints them (`:variant[ville]`), and now
 * and then one the table lacks; without a table, no such field (an error
 * the front matter's wrong tables already cause).
 */
export function markdownGrammar(flavour: Flavour, variantColumns: readonly string[] = []): Grammar {
  const text = phrase(flavour, 6);
  const line = oneLine(flavour, 6);
  const inlineDepth = fc.createDepthIdentifier();
  const blockDepth = fc.createDepthIdentifier();

  const { inline, inlines } = fc.letrec<{ inline: string; inlines: string }>((tie) => {
    const inner = tie('inlines');
    return {
      inline: fc.oneof(
        { depthIdentifier: inlineDepth, maxDepth: 3, depthSize: 'small' },
        { arbitrary: text, weight: 40 },
        { arbitrary: inner.map((s) => `*${s}*`), weight: 2 },
        { arbitrary: inner.map((s) => `_${s}_`), weight: 1 },
        { arbitrary: inner.map((s) => `**${s}**`), weight: 2 },
        { arbitrary: inner.map((s) => `__${s}__`), weight: 1 },
        { arbitrary: inner.map((s) => `***${s}***`), weight: 1 },
        { arbitrary: inner.map((s) => `~~${s}~~`), weight: 1 },
        { arbitrary: line.map((s) => `\`${s.replaceAll('`', '')}\``), weight: 2 },
        { arbitrary: line.map((s) => `\`\` ${s} \`\``), weight: 1 },
        { arbitrary: fc.tuple(inner, url, fc.option(line)).map(([label, href, title]) => `[${label}](${href}${title === null ? '' : ` "${title.replaceAll('"', '')}"`})`), weight: 2 },
        { arbitrary: fc.tuple(inner, fc.constantFrom('ref', 'absente', 'Réf')).map(([label, ref]) => `[${label}][${ref}]`), weight: 1 },
        { arbitrary: fc.constantFrom('<https://www.icor.info>', '<contact@solidarite-kazakhstan.example>', 'https://example.org/x.', 'www.socialismkz.info', 'militant@example.org', '<mailto:x@y>'), weight: 2 },
        { arbitrary: footnoteLabel.map((label) => `[^${label}]`), weight: 3 },
        { arbitrary: fc.tuple(line, pictureAddress).map(([alt, address]) => `![${alt}](${address})`), weight: 1 },
        { arbitrary: fc.constantFrom('  \n', '\\\n'), weight: 1 },
        { arbitrary: inner.map((s) => `:name[${s}]`), weight: 2 },
        { arbitrary: variantField(variantColumns), weight: variantColumns.length > 0 ? 3 : 0 },
        { arbitrary: fc.tuple(fc.constantFrom('abbr', 'x', 'name', 'toc'), inner).map(([name, label]) => `:${name}[${label}]{#id .classe cle="valeur"}`), weight: 1 },
        { arbitrary: fc.constantFrom(':abc', '18:30', 'Note:voir', ':variant', ':name[]'), weight: 1 },
        { arbitrary: inlineHtml, weight: 1 },
        { arbitrary: handlebars, weight: 2 },
        { arbitrary: entity, weight: 1 },
        { arbitrary: punctuation, weight: 2 },
      ),
      inlines: fc
        .array(tie('inline'), { minLength: 1, maxLength: 5, depthIdentifier: inlineDepth })
        .map((parts) => parts.join(' ')),
    };
  });

  const paragraph = fc.array(inlines, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
  const oneLineInlines = inlines.map((s) => s.replace(/[\r\n]+/g, ' '));

  const leaf = fc.oneof(
    { arbitrary: paragraph, weight: 14 },
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), oneLineInlines, fc.boolean()).map(([level, title, closed]) => `${'#'.repeat(level)} ${title}${closed ? ` ${'#'.repeat(level)}` : ''}`), weight: 4 },
    { arbitrary: fc.tuple(oneLineInlines, fc.constantFrom('===', '---', '=')).map(([title, rule]) => `${title}\n${rule}`), weight: 1 },
    { arbitrary: fc.constantFrom('***', '---', '___', '* * *', '- - -', '#', '##'), weight: 2 },
    { arbitrary: codeBlock(flavour), weight: 2 },
    { arbitrary: table(oneLineInlines), weight: 2 },
    { arbitrary: figure(flavour), weight: 3 },
    { arbitrary: htmlBlock(text), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('ref', 'Réf', 'autre'), url).map(([label, href]) => `[${label}]: ${href || '<>'} "titre"`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('toc', 'inconnu', 'variant', 'name'), line).map(([name, label]) => `::${name}[${label}]{cle=valeur}`), weight: 1 },
    { arbitrary: chronology(flavour), weight: 2 },
    { arbitrary: signatories(flavour), weight: 1 },
    { arbitrary: sources(flavour), weight: 1 },
    { arbitrary: fc.constantFrom('{{#each chapters}}\n{{> chapter}}\n{{/each}}', '<!--\nnote sur\nplusieurs lignes\n-->', '\\', '```', ':::', ':::chronology'), weight: 1 },
  );

  const { block, blocks } = fc.letrec<{ block: string; blocks: string }>((tie) => {
    const inner = tie('blocks');
    return {
      block: fc.oneof(
        { depthIdentifier: blockDepth, maxDepth: 3, depthSize: 'small' },
        { arbitrary: leaf, weight: 12 },
        { arbitrary: list(inner), weight: 3 },
        { arbitrary: inner.map((content) => quoted(content)), weight: 2 },
        { arbitrary: fc.tuple(fc.constantFrom('chronology', 'signatories', 'sources', 'inconnu', 'note'), fc.integer({ min: 3, max: 5 }), inner).map(([name, colons, content]) => `${':'.repeat(colons)}${name}{.classe}\n${content}\n${':'.repeat(colons)}`), weight: 1 },
        { arbitrary: fc.tuple(footnoteLabel, inner).map(([label, content]) => `[^${label}]: ${indented(content, '    ').trimStart()}`), weight: 3 },
      ),
      blocks: fc
        .array(fc.tuple(tie('block'), fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 4, depthIdentifier: blockDepth })
        .map((parts) => parts.map(([b, gap], i) => (i === 0 ? b : `${gap}${b}`)).join('')),
    };
  });

  return { inline, inlines, block, blocks };
}

function variantField(columns: readonly string[]): fc.Arbitrary<string> {
  const name = columns.length === 0 ? fc.constant('absente') : fc.oneof({ arbitrary: fc.constantFrom(...columns), weight: 12 }, { arbitrary: fc.constantFrom(...VARIANT_COLUMNS, 'absente'), weight: 1 });
  return name.map((column) => `:variant[${column}]`);
}

/** Every line but the first indented (blank lines left blank), as list items and footnotes continue. */
function indented(content: string, indent: string): string {
  return content
    .split('\n')
    .map((l, i) => (i === 0 || l === '' ? l : `${indent}${l}`))
    .join('\n');
}

function quoted(content: string): string {
  return content
    .split('\n')
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
}

function list(item: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const marker = fc.oneof(
    fc.constantFrom('-', '*', '+').map((m) => () => m),
    fc.tuple(fc.constantFrom(0, 1, 1, 1, 7, 999999999, 1234567890), fc.constantFrom('.', ')')).map(([start, delimiter]) => (i: number) => `${start + i}${delimiter}`),
  );
  return fc
    .tuple(marker, fc.array(fc.tuple(item, fc.constantFrom('', '', '', '[ ] ', '[x] ')), { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([markerAt, items, loose]) =>
      items
        .map(([content, task], i) => {
          const m = markerAt(i);
          return `${m} ${task}${indented(content, ' '.repeat(m.length + 1))}`;
        })
        .join(loose ? '\n\n' : '\n'),
    );
}

function codeBlock(flavour: Flavour): fc.Arbitrary<string> {
  const lines = fc.array(fc.oneof(phrase(flavour, 10), fc.integer({ min: 50, max: 300 }).map((n) => 'x'.repeat(n)), fc.constant('\tindenté par une tabulation')), { minLength: 0, maxLength: 6 });
  return fc.oneof(
    fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'yaml', 'inconnu', '{.class}', 'handlebars'), lines, fc.boolean()).map(([fence, info, body, closed]) => `${fence}${info}\n${body.join('\n')}${closed ? `\n${fence}` : ''}`),
    lines.map((body) => body.map((l) => `    ${l.replace(/[\r\n]/g, ' ')}`).join('\n') || '    code'),
  );
}

function table(cell: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const safeCell = cell.map((c) => c.replaceAll('|', '\\|'));
  return fc
    .record({
      header: fc.array(safeCell, { minLength: 1, maxLength: 6 }),
      align: fc.array(fc.constantFrom('---', ':--', '--:', ':-:', '-'), { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.array(fc.oneof(safeCell, fc.constant('')), { minLength: 0, maxLength: 8 }), { maxLength: 5 }),
      pipes: fc.boolean(),
    })
    .map(({ header, align, rows, pipes }) => {
      // The delimiter row has the header's width; rows are left ragged, as people write them.
      const delimiter = header.map((_, i) => align[i % align.length]!);
      const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
      return [row(header), row(delimiter), ...rows.map(row)].join('\n');
    });
}

function figure(flavour: Flavour): fc.Arbitrary<string> {
  return fc
    .tuple(oneLine(flavour, 8), pictureAddress, fc.option(oneLine(flavour, 8)))
    .map(([alt, address, caption]) => `![${alt.replace(/[[\]]/g, '')}](${address}${caption === null ? '' : ` "${caption.replaceAll('"', '')}"`})`);
}

function htmlBlock(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom('div', 'table', 'script', 'pre', 'details'), text).map(([tag, content]) => `<${tag}>\n${content}\n</${tag}>`);
}

function chronology(flavour: Flavour): fc.Arbitrary<string> {
  const date = fc.constantFrom('16 décembre 2011', '1912', '2019', 'Début 2022', '5 janvier 2022, vers 12h45', '');
  const item = fc.oneof(
    { arbitrary: fc.tuple(date, phrase(flavour, 10)).map(([d, t]) => `- **${d}** — ${t}`), weight: 6 },
    { arbitrary: phrase(flavour, 8).map((t) => `- ${t}`), weight: 1 },
    { arbitrary: fc.tuple(date, phrase(flavour, 4)).map(([d, t]) => `- *${d}* ${t}\n  - **${d}** sous-point`), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: fc.array(item, { minLength: 1, maxLength: 8 }).map((items) => `:::chronology\n${items.join('\n')}\n:::`), weight: 6 },
    { arbitrary: phrase(flavour, 10).map((t) => `:::chronology\n${t}\n:::`), weight: 1 },
    { arbitrary: fc.constant(':::chronology\n:::'), weight: 1 },
  );
}

function signatories(flavour: Flavour): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(oneLine(flavour, 12), { minLength: 1, maxLength: 40 }), fc.boolean())
    .map(([names, ordered]) => `:::signatories\n${names.map((n, i) => (ordered ? `${i + 1}. ${n}` : `- ${n}`)).join('\n')}\n:::`);
}

function sources(flavour: Flavour): fc.Arbitrary<string> {
  const item = fc.oneof(
    fc.tuple(oneLine(flavour, 8), url).map(([label, href]) => `- [${label.replace(/[[\]]/g, '')}](${href})`),
    fc.constantFrom('- https://www.icor.info', '- une source sans lien', '- [lien vide]()'),
  );
  return fc.array(item, { minLength: 1, maxLength: 5 }).map((items) => `:::sources\n${items.join('\n')}\n:::`);
}
