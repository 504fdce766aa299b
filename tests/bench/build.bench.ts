import { bench, describe } from 'vitest';
import { build } from '../../src/build.ts';
import { memoryProject, REPO } from '../helpers/project.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { World } from '../../src/world/world.ts';

/** The campaign's content, so the figures are for the real publications, without disk writes. */
async function campaignFiles(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    files[relative(REPO, absolute)] = new Uint8Array(await readFile(absolute));
  }
  return files;
}

// vitest's bench runner does not run beforeAll hooks: set up in the describe body.
describe('build, in memory, fonts and templates loaded each time', async () => {
  const world: World = await memoryProject(await campaignFiles());
  bench('one leaflet', async () => {
    await build({ world, only: ['leaflets/janaozen-anniversaire'], force: true });
  });
  bench('one pamphlet', async () => {
    await build({ world, only: ['pamphlets/janaozen-2011'], force: true });
  });
  bench('the dossier', async () => {
    await build({ world, only: ['dossier'], force: true });
  });
  bench('the whole campaign', async () => {
    await build({ world, force: true });
  });
});
