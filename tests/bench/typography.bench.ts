import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { bench, describe } from 'vitest';
import { build } from '../../src/build.ts';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';
import { typesetTree } from '../../src/transform/typography/index.ts';
import { hyphenationDefaults, typographyDefaults } from '../../src/transform/typography/settings.ts';
import type { World } from '../../src/world/world.ts';
import { memoryProject, REPO } from '../helpers/project.ts';

async function campaign(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(REPO, join(entry.parentPath, entry.name))] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/**
 * The cost of typography and hyphenation on the dossier: the same build
 * with both switched off in its front matter. The budget is 10 %.
 */
// vitest's bench runner does not run beforeAll hooks: set up in the describe body.
describe('dossier: typesetting cost', async () => {
  const files = await campaign();
  const withRules: World = await memoryProject(files);
  const dossier = files['content/dossier.md']!.replace('layout: dossier\n', 'layout: dossier\ntypography: false\nhyphenation: false\n');
  const withoutRules: World = await memoryProject({ ...files, 'content/dossier.md': dossier });

  bench('with typography and hyphenation', async () => {
    await build({ world: withRules, only: ['dossier'], force: true, site: false });
  });
  bench('without', async () => {
    await build({ world: withoutRules, only: ['dossier'], force: true, site: false });
  });
});

describe('dossier: the typesetting stage alone', async () => {
  const settings = { lang: 'fr', typography: typographyDefaults('fr'), hyphenation: hyphenationDefaults('fr') };
  const files = await campaign();
  const trees = ['content/dossier.md', 'content/articles/janaozen-2011.md', 'content/articles/icor-kazakhstan-2022.md'].map((path) =>
    parseMarkdown(files[path]!),
  );
  // Load the hyphenation patterns before timing.
  typesetTree(trees[0]!, settings);

  bench('typography and hyphenation of the dossier and its two chapters', () => {
    for (const tree of trees) typesetTree(tree, settings);
  });
});
