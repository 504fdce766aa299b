import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { build } from '../../src/build.ts';
import type { World } from '../../src/world/world.ts';
import { memoryProject, REPO } from '../helpers/project.ts';
import { keepsBody } from '../render/keeps-document.ts';

/**
 * The keeps on a dossier of about 300 A4 pages: 24 chapters of headings,
 * paragraphs of 1 to 12 lines, lists and tables. They must cost little
 * next to the layout itself (under 1.3 times the time without them).
 * The keeps are switched off the way an editor would: a copy of the
 * dossier layout with `roneo: { …, keeps: false }`.
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

// Vitest's bench runner runs no beforeAll/afterAll hooks: the project is made on first use (in the warm-up run).
let project: Promise<World> | undefined;

async function makeProject(): Promise<World> {
  const files = dossier();
  const layout = await readFile(join(REPO, 'templates/dossier.hbs'), 'utf8');
  files['templates/loose.hbs'] = layout.replace('roneo: { headerFrom: 2,', 'roneo: { keeps: false, headerFrom: 2,');
  files['content/loose.md'] = files['content/dossier.md']!.replace('layout: dossier', 'layout: loose');
  return memoryProject(files);
}

const run = (id: string) => async () => {
  const world = await (project ??= makeProject());
  const result = await build({ world, only: [id], force: true, site: false });
  const pages = result.publications[0]?.pages ?? 0;
  if (!result.ok || pages < 250) throw new Error(`the benchmark dossier did not build as expected (${pages} pages)`);
};

describe('a dossier of about 300 pages, built in memory', () => {
  const options = { time: 0, iterations: 3, warmupIterations: 1 };
  bench('without keeps', run('loose'), options);
  bench('with keeps', run('dossier'), options);
});
