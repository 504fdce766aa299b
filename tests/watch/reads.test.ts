/**
 * A warm rebuild reads from the disk only what changed: every other source (the other Markdown files, the
 * layouts, the string tables, 6 MB of fonts) is handed back from the first build. Counted through the World
 * the watch is given, on a real copy of the campaign with a real watcher.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Watcher, watch } from '../../src/watch/index.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import type { World } from '../../src/world/world.ts';
import { tempProject } from '../helpers/project.ts';

const SOURCES = /^(content|templates|fonts)\//;

describe('roneo watch reads again only what changed', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let watcher: Watcher;
  let reads: string[] = [];
  let listings: string[] = [];

  beforeAll(async () => {
    project = await tempProject({ content: true });
    const disk = createNodeWorld(project.root);
    const counted: World = {
      ...disk,
      readFile: (path) => (reads.push(path), disk.readFile(path)),
      listFiles: (dir) => (listings.push(dir), disk.listFiles(dir)),
    };
    watcher = await watch({ root: project.root, world: counted, site: false });
  });
  afterAll(async () => {
    await watcher?.close();
    await project?.cleanup();
  });

  async function edit(file: string, line: string) {
    await watcher.idle();
    reads = [];
    listings = [];
    const rebuilt = watcher.next((event) => event.trigger.includes(file));
    await writeFile(join(project.root, file), `${await readFile(join(project.root, file), 'utf8')}\n${line}\n`);
    const event = await rebuilt;
    await watcher.idle();
    return event;
  }

  it('the first build read the sources', () => {
    expect(watcher.last?.ok).toBe(true);
  });

  it('a leaflet edited: that file alone is read again, and no folder listed again', async () => {
    const event = await edit('content/leaflets/janaozen-anniversaire.md', 'Une ligne ajoutée.');
    expect(event).toMatchObject({ built: ['leaflets/janaozen-anniversaire'], ok: true });
    // Once for the rebuild, once more when it is looked at again after chokidar's 50 ms.
    expect([...new Set(reads.filter((path) => SOURCES.test(path)))]).toEqual(['content/leaflets/janaozen-anniversaire.md']);
    expect(listings).toEqual([]);
  });

  it('an article edited: that file alone is read again, though two publications are rebuilt', async () => {
    const event = await edit('content/articles/janaozen-2011.md', 'Une phrase ajoutée.');
    expect(event).toMatchObject({ built: ['dossier', 'pamphlets/janaozen-2011'], ok: true });
    expect([...new Set(reads.filter((path) => SOURCES.test(path)))]).toEqual(['content/articles/janaozen-2011.md']);
  });

  it('a new file is listed: the content folder is listed again', async () => {
    await watcher.idle();
    listings = [];
    const rebuilt = watcher.next((event) => event.trigger.includes('content/leaflets/nouveau.md'));
    await writeFile(join(project.root, 'content/leaflets/nouveau.md'), '---\nlayout: leaflet\ntitle: "Nouveau"\ndate: 2026-05-01\n---\n\nUn tract de plus.\n');
    expect(await rebuilt).toMatchObject({ built: ['leaflets/nouveau'], ok: true });
    expect(listings).toContain('content');
  });
});
