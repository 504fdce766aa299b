import pdfmake from 'pdfmake';
import { bench, describe } from 'vitest';
import { build } from '../../src/build.ts';
import { keepsEnabled, setKeepsEnabled } from '../../src/render/keeps/install.ts';
import type { World } from '../../src/world/world.ts';
import { memoryProject } from '../helpers/project.ts';
import { keepsBody } from '../render/keeps-document.ts';

/**
 * The keeps on a dossier of about 300 A4 pages: 24 chapters of headings,
 * paragraphs of 1 to 12 lines, lists and tables. They must cost little
 * next to the layout itself (under 1.3 times the time without them).
 *
 * Both main figures are taken without the `pageBreakBefore` callback
 * render-pdf.ts passes pdfmake: with the keeps it is not needed, and
 * without them its re-layouts would swamp what is measured (each break it
 * adds lays the whole document out again). The third figure keeps it, to
 * show what it costs as long as it is passed.
 */
const CHAPTERS = 24;
const SECTIONS_PER_CHAPTER = 24;

function dossier(): Record<string, string> {
  const files: Record<string, string> = {};
  const include: string[] = [];
  for (let chapter = 1; chapter <= CHAPTERS; chapter += 1) {
    const path = `articles/chapter-${chapter}.md`;
    include.push(`  - ${path}`);
    files[`content/${path}`] = ['---', `title: Chapter ${chapter}`, 'lang: en', '---', '', keepsBody({ sections: SECTIONS_PER_CHAPTER, seed: chapter }).markdown].join('\n');
  }
  files['content/dossier.md'] = ['---', 'layout: dossier', 'title: Keeps benchmark', 'lang: en', 'include:', ...include, '---', '', 'An introduction.', ''].join('\n');
  return files;
}

// Vitest's bench runner runs no beforeAll/afterAll hooks: the project is made
// on first use (in the warm-up run) and every setting is put back after each run.
let project: Promise<World> | undefined;

const run = (keeps: boolean, hook: boolean) => async () => {
  const world = await (project ??= memoryProject(dossier()));
  const createPdf = pdfmake.createPdf;
  const before = keepsEnabled();
  if (!hook) pdfmake.createPdf = (definition: object, options?: object) => createPdf.call(pdfmake, { ...definition, pageBreakBefore: undefined }, options);
  setKeepsEnabled(keeps);
  try {
    const result = await build({ world, only: ['dossier'] });
    const pages = result.publications[0]?.pages ?? 0;
    if (!result.ok || pages < 250) throw new Error(`the benchmark dossier did not build as expected (${pages} pages)`);
  } finally {
    pdfmake.createPdf = createPdf;
    setKeepsEnabled(before);
  }
};

describe('a dossier of about 300 pages, built in memory', () => {
  const options = { time: 0, iterations: 3, warmupIterations: 1 };
  bench('without keeps', run(false, false), options);
  bench('with keeps', run(true, false), options);
  bench('with keeps and the pageBreakBefore callback render-pdf passes today', run(true, true), options);
});
