/**
 * The check of a layout's `{{…}}` against the data it is given
 * (src/layout/template-fields.ts): what Handlebars gives besides the data is
 * never a field, the repository's own layouts pass, and the model the check
 * reads (layout-data-model.ts) holds every field layoutPublication really
 * fills a layout with.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { LAYOUT_DATA, type Shape } from '../../src/layout/layout-data-model.ts';
import { layoutPublication } from '../../src/layout/layout-publication.ts';
import { StringTables } from '../../src/layout/strings.ts';
import { type FieldProblem, templateFieldProblems } from '../../src/layout/template-fields.ts';
import { Templates } from '../../src/layout/templates.ts';
import { findPublications } from '../../src/load/find-publications.ts';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';
import { ImageRegistry } from '../../src/transform/images.ts';
import { memoryProject, projectAssets } from '../helpers/project.ts';

const HELPERS = new Set(['json', 't', 'date', 'eq', 'if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing']);

function problems(layout: string, partials: Record<string, string> = {}): string[] {
  const found = templateFieldProblems({
    layout: { path: 'templates/t.hbs', text: layout },
    partials: new Map(Object.entries(partials).map(([name, text]) => [name, { path: `templates/partials/${name}.hbs`, text }])),
    helpers: HELPERS,
    data: LAYOUT_DATA,
    parse: (text) => Handlebars.parse(text),
  });
  return found.map((p: FieldProblem) => `${p.file}:${p.line}:${p.column}: ${p.reason} [${p.rule}]`);
}

describe('what is not a field of the data is never reported', () => {
  const allowed: Record<string, string> = {
    'fields of the front matter, set or not': '{{title}} {{subtitle}} {{author}} {{date}} {{lang}} {{qr}} {{format}} {{sides}} {{pdfa}} {{cover}} {{logo}} {{source.name}} {{source.url}}',
    'fields Roneo adds': '{{id}} {{dateText}} {{coverImage}} {{logoImage}} {{profile}} {{roneo.version}} {{json body}} {{body.length}} {{contactLines.length}}',
    'helpers, with fields as their arguments': '{{date date}} {{t "contents"}} {{json chapters}} {{#if (eq format "A6")}}a{{else if (eq sides 2)}}b{{/if}} {{lookup strings "notes"}} {{log title}}',
    'an #each item, its block parameters and @ variables': '{{#each chapters as |chapter index|}}{{chapter.title}} {{index}} {{@index}} {{@first}} {{@last}} {{this.number}} {{number}} {{content.length}} {{../title}} {{@root.id}}{{/each}}',
    'items of a list by number': '{{chapters.[0].title}} {{@root.chapters.[1].source.url}} {{#if chapters.[1]}}{{/if}}',
    'lines of contact as this': '{{#each contactLines}}{{this}} {{.}}{{/each}}',
    'with, and its block parameter': '{{#with source as |s|}}{{s.name}} {{url}}{{/with}} {{#with roneo}}{{version}}{{/with}}',
    'open data: a local group, the string table, the settings': '{{variant.ville}} {{variant.anything.at.all}} {{strings.contents}} {{#each strings}}{{@key}}{{/each}} {{typography.quotes}} {{contact.email}} {{keywords.[0]}}',
    'fields of the layout’s own inside a test of them': '{{#if publisher}}{{publisher}} {{publisher.name}}{{/if}} {{#unless licence}}{{else}}{{licence}}{{/unless}} {{#with print}}{{copies}}{{/with}} {{#each signers}}{{name}}{{/each}} {{#if @root.print}}x{{/if}}',
    'a test at the root reaches a chapter by ../': '{{#if publisher}}{{#each chapters}}{{../publisher}}{{/each}}{{/if}}',
    'names of Object.prototype, which print nothing': '{{constructor.name}} {{__proto__}} {{valueOf}} {{hasOwnProperty}} {{title.constructor}} {{toString}}',
    'a partial with parameters, with a context, and as a block with its fallback': '{{> card heading=title}} {{#each chapters}}{{> card heading=title}}{{/each}} {{> link source}} {{#> nope}}fallback {{title}}{{/nope}}',
    'an inline partial, and a partial chosen when the layout is filled': '{{#*inline "row"}}{{title}}{{/inline}}{{> row}} {{> (lookup . "layoutPartial")}} {{> @partial-block}}',
    'a partial that includes itself is read once': '{{> loop}}',
  };
  const partials = { card: '{{heading}} {{title}}', link: '{{name}} {{url}}', loop: '{{title}} {{> loop}}' };
  for (const [name, layout] of Object.entries(allowed)) {
    it(name, () => {
      expect(problems(layout, partials)).toEqual([]);
    });
  }

  it('an inline partial of the layout, used in a shared partial', () => {
    expect(problems('{{#*inline "row"}}{{title}}{{/inline}}{{> table}}', { table: '{{> row}}' })).toEqual([]);
  });

  it('partials that use each other twice over are read in bounded time', () => {
    const partials = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, `{{> p${i + 1}}}{{> p${i + 1}}}`]));
    const started = performance.now();
    expect(problems('{{> p0}}', { ...partials, p40: '{{title}}' })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('the repository’s layouts', async () => {
    const world = await memoryProject({});
    const diagnostics = new Diagnostics();
    const templates = await Templates.load(world, 'templates', diagnostics);
    for (const layout of templates.names()) expect(templates.checkFields(layout, LAYOUT_DATA, diagnostics), layout).toBe(true);
    expect(diagnostics.list.map(formatDiagnostic)).toEqual([]);
  });
});

describe('what the data does not have is reported where it is written', () => {
  it('misspelt fields, at the front matter, in a record, on text and on a list', () => {
    expect(problems('{{titel}}\n  {{source.url.host}} {{chapters.title}} {{roneo.versoin}}')).toEqual([
      "templates/t.hbs:1:3: no field `titel` in the data a layout is given (did you mean `title`?); a front-matter field of the layout's own, which some publications lack, is read inside {{#if titel}}…{{/if}} [template-field]",
      'templates/t.hbs:2:5: `source.url.host`: `source.url` is text, with no field `host` [template-field]',
      'templates/t.hbs:2:25: `chapters.title`: `chapters` is a list: read its items with {{#each}}, or its `length` [template-field]',
      'templates/t.hbs:2:44: no field `versoin` in `roneo` (did you mean `version`?); it has version [template-field]',
    ]);
  });

  it('in a test, under a known field: a test does not make a misspelt name right', () => {
    expect(problems('{{#if source.nmae}}x{{/if}}')).toEqual(['templates/t.hbs:1:7: no field `nmae` in `source` (did you mean `name`?); it has name, url [template-field]']);
  });

  it('a field of the layout’s own outside its test, and a test’s else branch of another name', () => {
    expect(problems('{{#if publisher}}{{/if}}{{publisher}}')).toHaveLength(1);
    expect(problems('{{#if publisher}}{{else}}{{editor}}{{/if}}')).toHaveLength(1);
  });

  it('helpers’ arguments and subexpressions are read too', () => {
    expect(problems('{{date dat}} {{#if (eq formt "A6")}}{{/if}}').map((line) => line.split(': ')[0])).toEqual(['templates/t.hbs:1:8', 'templates/t.hbs:1:24']);
  });

  it('a partial that does not exist, at its name, even in a branch no publication takes', () => {
    expect(problems('{{#if (eq format "A7")}}\n  {{> nope}}\n{{/if}}', { card: '' })).toEqual([
      'templates/t.hbs:2:7: no partial `nope` (partials: card); add partials/nope.hbs to the templates folder, or correct the name [template-partial]',
    ]);
  });

  it('a problem inside a partial is reported in the partial', () => {
    expect(problems('{{> card}}', { card: '\n{{titl}}' })).toEqual([
      "templates/partials/card.hbs:2:3: no field `titl` in the data a layout is given (did you mean `title`?); a front-matter field of the layout's own, which some publications lack, is read inside {{#if titl}}…{{/if}} [template-field]",
    ]);
  });
});

describe('the model holds every field a layout is really given', () => {
  it('at the root and in each chapter', async () => {
    const layout = '{ content: [{ text: "x" }], rootKeys: [{{#each this}}"{{@key}}",{{/each}}], chapterKeys: [{{#each chapters}}{{#each this}}"{{@key}}",{{/each}}{{/each}}], defaultStyle: { font: "Charis SIL" } }';
    const front = 'subtitle: S\ndate: 2024-05-01\nauthor: A\nsource: { name: N, url: "https://example.org" }\nkeywords: [a, b]\ncontact: { email: a@example.org }\nqr: https://example.org\nformat: A5\nsides: 1\npdfa: false\ntypography: { quotes: ["“", "”"] }\nhyphenation: { minWord: 7 }';
    const world = await memoryProject({
      ...(await projectAssets()),
      'templates/keys.hbs': layout,
      'content/p.md': `---\nlayout: keys\ntitle: T\n${front}\ninclude: [a.md]\n---\n\nTexte.\n`,
      'content/a.md': `---\ntitle: C\n${front}\n---\n\nTexte.\n`,
    });
    const diagnostics = new Diagnostics();
    const index = await findPublications(world, 'content', undefined, diagnostics);
    const templates = await Templates.load(world, 'templates', diagnostics);
    const strings = await StringTables.load(world, 'templates', diagnostics);
    const publication = index.publications[0]!;
    const chapter = (await index.load('content/a.md'))!;
    const laidOut = layoutPublication(
      { publication: { document: publication, tree: parseMarkdown(publication.text) }, chapters: [{ document: chapter, tree: parseMarkdown(chapter.text) }], images: new ImageRegistry(), version: 'test' },
      templates,
      strings,
      diagnostics,
    );
    expect(diagnostics.list.map(formatDiagnostic)).toEqual([]);
    const fields = (shape: Shape) => (shape.kind === 'record' ? [...shape.fields.keys()] : []);
    const chapterShape = LAYOUT_DATA.kind === 'record' ? LAYOUT_DATA.fields.get('chapters') : undefined;
    expect(laidOut?.definition.rootKeys).toBeDefined();
    for (const key of laidOut!.definition.rootKeys as string[]) expect(fields(LAYOUT_DATA), key).toContain(key);
    for (const key of laidOut!.definition.chapterKeys as string[]) expect(fields(chapterShape?.kind === 'list' ? chapterShape.item : { kind: 'open' }), key).toContain(key);
  });
});
