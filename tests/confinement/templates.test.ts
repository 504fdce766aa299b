/**
 * Layouts are Handlebars, written by editors: they may fill a document from
 * the data Roneo hands them, and nothing else. No prototype of that data is
 * reachable (the route of the known Handlebars code-execution exploits), no
 * helper reads a file or the environment, and a partial is only a layout's
 * own partial, never a path. Content is data: Markdown holding the same
 * syntax is printed as text (see the handlebars-in-markdown diagnostics case).
 *
 * Each test builds a leaflet with a hostile layout beside a good leaflet, and
 * checks that the build went on, that any failure is a plain diagnostic, and
 * that nothing leaked into any PDF or happened in the process.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { createHandlebars } from '../../src/layout/handlebars-env.ts';
import { Templates } from '../../src/layout/templates.ts';
import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { memoryProject } from '../helpers/project.ts';
import { readBackPdf } from '../helpers/memory-pdf.ts';

const GOOD = '---\nlayout: leaflet\ntitle: Un tract sans défaut\ndate: 2024-05-01\n---\n\nRien à signaler ici.\n';
const SPY = '---\nlayout: spy\ntitle: Espion\ndate: 2024-05-01\n---\n\nTexte.\n';

/** A layout whose first paragraph is `line` (Handlebars), then the Markdown body as data. */
const layout = (line: string) => `{\n  content: [\n    { text: "${line}" },\n    {{json body}},\n  ],\n  defaultStyle: { font: "Charis SIL" },\n}\n`;

async function buildWith(spy: string, env: Record<string, string> = {}) {
  const world = await memoryProject({ 'templates/spy.hbs': spy, 'content/leaflets/spy.md': SPY, 'content/leaflets/good.md': GOOD }, env);
  const result = await build({ world, site: false, profiles: ['screen'] });
  const texts = await Promise.all(result.publications.map(async (publication) => (await readBackPdf(world.files.get(publication.path))).text));
  return { result, texts: texts.join('\n'), world };
}

/** The good leaflet is always built, and whatever went wrong with the hostile one is a plain message. */
function wentOn(result: BuildResult): void {
  expect(result.publications.map((publication) => publication.id)).toContain('leaflets/good');
  for (const diagnostic of result.diagnostics) expect(formatDiagnostic(diagnostic)).not.toMatch(/\n\s+at /);
}

describe('layouts reach the data they are given, and nothing else', () => {
  it('no prototype: constructor, __proto__ and their lookups give nothing', async () => {
    const { result, texts } = await buildWith(layout("proto:[{{constructor.name}}][{{__proto__.constructor.name}}][{{lookup this 'constructor'}}][{{title.constructor.name}}][{{lookup title 'toString'}}][{{lookup title '__proto__'}}][{{valueOf}}][{{hasOwnProperty}}][{{__lookupGetter__}}]"));
    wentOn(result);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(texts).toContain('proto:[][][][][][][][][]');
    expect(texts).not.toMatch(/Object|Function|String|native code/);
  });

  it('no helper reads a file or the environment, and a partial is never a path', async () => {
    const env = { ROneo_SECRET: 'le-secret-de-l-environnement' };
    // In the process's environment as well as the World's: a helper reading either would leak it.
    process.env.ROneo_SECRET = env.ROneo_SECRET;
    onTestFinished(() => {
      delete process.env.ROneo_SECRET;
    });
    for (const line of ["{{readFile '/etc/passwd'}}", "{{env 'ROneo_SECRET'}}", '{{> /etc/passwd}}', '{{> ../../fonts/OFL-Noto}}', "{{lookup (lookup @root 'process') 'env'}}", "{{import 'node:fs'}}"]) {
      const { result, texts } = await buildWith(layout(line), env);
      wentOn(result);
      expect(texts).not.toContain('root:x:0:0');
      expect(texts).not.toContain('le-secret-de-l-environnement');
      expect(texts).not.toContain('SIL Open Font License');
    }
  });

  it('the layouts have exactly Roneo’s helpers: json, t, date, eq, and Handlebars’ own block helpers', async () => {
    const world = await memoryProject({});
    const templates = await Templates.load(world, 'templates', new Diagnostics());
    const environment = (templates as unknown as { hb: ReturnType<typeof createHandlebars> }).hb;
    expect(Object.keys(environment.helpers).sort()).toEqual(['blockHelperMissing', 'date', 'each', 'eq', 'helperMissing', 'if', 'json', 'log', 'lookup', 't', 'unless', 'with'].sort());
    // An environment of its own: nothing registered on the global Handlebars reaches a layout.
    expect(environment).not.toBe((await import('handlebars')).default);
  });
});
