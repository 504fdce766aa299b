/**
 * A watch that keeps going when a build throws, follows its settings file, and stops cleanly when asked: on a
 * small real project, with a real chokidar watcher, told by events.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Watcher, watch } from '../../src/watch/index.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import { tempProject } from '../helpers/project.ts';

const LEAFLET = '---\nlayout: leaflet\ntitle: Tract de test\ndate: 2024-05-01\n---\n\nUn texte court.\n';
const FILE = 'content/leaflets/good.md';

let project: Awaited<ReturnType<typeof tempProject>> | undefined;
let watcher: Watcher | undefined;

afterEach(async () => {
  await watcher?.close();
  await project?.cleanup();
  watcher = undefined;
  project = undefined;
});

async function smallProject() {
  project = await tempProject({ files: { [FILE]: LEAFLET } });
  return project.root;
}

async function append(root: string, line: string): Promise<void> {
  await writeFile(join(root, FILE), `${await readFile(join(root, FILE), 'utf8')}\n${line}\n`);
}

describe('watch() keeps going and stops cleanly', () => {
  it('a build that throws is reported as the event’s error, and the next change builds again', async () => {
    const root = await smallProject();
    const world = createNodeWorld(root);
    let broken = false;
    const clock = world.now;
    // A bug inside build(): anything but a problem of the content.
    world.now = () => {
      if (broken) throw new TypeError('the clock broke');
      return clock();
    };
    watcher = await watch({ root, world, profiles: [] });
    expect(watcher.last).toMatchObject({ built: ['leaflets/good'], ok: true });

    broken = true;
    let rebuilt = watcher.next();
    await append(root, 'Une ligne.');
    const failed = await rebuilt;
    expect(failed.error).toBeInstanceOf(TypeError);
    expect(failed).toMatchObject({ built: [], ok: false, trigger: [FILE], error: { message: 'the clock broke' } });
    expect(watcher.closed).toBe(false);

    broken = false;
    rebuilt = watcher.next();
    await append(root, 'Une autre ligne.');
    expect(await rebuilt).toMatchObject({ built: ['leaflets/good'], ok: true, diagnostics: [] });
    expect((await rebuilt).error).toBeUndefined();
  });

  it('stops when its signal aborts, after the build under way', async () => {
    const root = await smallProject();
    const stop = new AbortController();
    let abortDuringBuild = false;
    watcher = await watch({
      root,
      signal: stop.signal,
      profiles: [],
      onStart: () => {
        if (abortDuringBuild) stop.abort();
      },
    });
    abortDuringBuild = true;
    const rebuilt = watcher.next();
    await append(root, 'Une ligne.');
    // The build the abort came in finishes, and is reported.
    expect(await rebuilt).toMatchObject({ built: ['leaflets/good'], ok: true });
    await watcher.close();
    expect(watcher.closed).toBe(true);
    await watcher.idle();
    await expect(watcher.next()).rejects.toThrow('the watch was closed');
  });

  it('does not build at all when its signal has already aborted', async () => {
    const root = await smallProject();
    const events: unknown[] = [];
    watcher = await watch({ root, signal: AbortSignal.abort(), onRebuild: (event) => events.push(event) });
    expect(watcher.closed).toBe(true);
    expect(watcher.last).toBeUndefined();
    expect(events).toEqual([]);
  });


  it('follows roneo.config.json: a broken one is reported, and the folders it names are watched', async () => {
    const root = await smallProject();
    await cp(join(root, 'content'), join(root, 'textes'), { recursive: true });
    watcher = await watch({ root, profiles: [] });
    expect(watcher.watching).toEqual(['content/', 'templates/', 'fonts/', 'roneo.config.json']);

    let rebuilt = watcher.next((event) => event.trigger.includes('roneo.config.json'));
    await writeFile(join(root, 'roneo.config.json'), '{ "contenu": "textes" }');
    const refused = await rebuilt;
    expect(refused).toMatchObject({ ok: false, built: [] });
    expect(refused.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} [${d.rule}]`)).toEqual(['roneo.config.json:1:3 [config]']);

    rebuilt = watcher.next((event) => event.trigger.includes('roneo.config.json'));
    await writeFile(join(root, 'roneo.config.json'), '{ "content": "textes" }');
    // Settings are an input of every publication: all of them are built again, from the folder they name.
    expect(await rebuilt).toMatchObject({ ok: true, built: ['leaflets/good'] });
    expect(watcher.watching).toEqual(['textes/', 'templates/', 'fonts/', 'roneo.config.json']);

    rebuilt = watcher.next((event) => event.trigger.includes('textes/leaflets/good.md'));
    await writeFile(join(root, 'textes/leaflets/good.md'), `${LEAFLET}\nDans le nouveau dossier.\n`);
    expect(await rebuilt).toMatchObject({ ok: true, built: ['leaflets/good'] });
  });
});
