import { stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundle } from '../../src/cli/compiled.js';
import { REPO } from '../helpers/project.ts';

const SOURCES = ['tests/cli/compiled-fixture'];
const ENTRY = 'tests/cli/compiled-fixture/entry.ts';
const NAME = 'test-compiled-fixture';

describe('the TypeScript sources run as one bundled module', () => {
  it('bundles them into JavaScript that runs without tsx', async () => {
    const file = await bundle(ENTRY, SOURCES, NAME);
    expect(file.startsWith(join(REPO, 'node_modules', '.cache', 'roneo'))).toBe(true);
    const module = (await import(`${pathToFileURL(file).href}?run=${Date.now()}`)) as { message: string };
    expect(module.message).toBe('bundled Roneo');
  });

  it('reuses the bundle while no source changed, and makes it again when one did', async () => {
    const first = await bundle(ENTRY, SOURCES, NAME);
    const made = (await stat(first)).mtimeMs;
    await new Promise((done) => setTimeout(done, 20));
    expect((await stat(await bundle(ENTRY, SOURCES, NAME))).mtimeMs).toBe(made);
    // An edit is seen by its modification time: the file itself is left as it is.
    const source = join(REPO, 'tests/cli/compiled-fixture/greeting.ts');
    const now = new Date();
    await utimes(source, now, now);
    expect((await stat(await bundle(ENTRY, SOURCES, NAME))).mtimeMs).toBeGreaterThan(made);
  });
});
