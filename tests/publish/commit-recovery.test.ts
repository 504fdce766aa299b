/**
 * A build that dies half-way, in memory and without timing: its World stops working (as the process would)
 * after k renames of the commit, or after k files staged. The output folder then holds only whole files, and
 * the next build, another process, finishes the commit (or throws away the staging folder) before anything
 * else: the outputs, the manifest and the build records are then exactly those of a build never interrupted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { createMemoryWorld, MEMORY_PROCESS } from '../../src/world/memory-world.ts';
import type { World } from '../../src/world/world.ts';
import { changedFiles } from '../helpers/file-changes.ts';
import { memoryProject } from '../helpers/project.ts';

const leaflet = (title: string, text: string) => `---\nlayout: leaflet\ntitle: ${title}\ndate: 2024-05-01\n---\n\n${text}\n`;
const V1 = { 'content/leaflets/a.md': leaflet('Tract A', 'Première version.'), 'content/leaflets/b.md': leaflet('Tract B', 'Première version.') };
const V2 = { 'content/leaflets/a.md': leaflet('Tract A', 'Seconde version, plus longue.'), 'content/leaflets/b.md': leaflet('Tract B', 'Seconde version, plus longue.') };
const encode = (text: string) => new TextEncoder().encode(text);

type Files = Map<string, Uint8Array>;
/** What a build leaves that a reader sees: the output folder, and the build records. */
const visible = (files: Files) => new Map([...files].filter(([path]) => path.startsWith('output/') || path === '.cache/roneo/builds.json').sort(([a], [b]) => (a < b ? -1 : 1)));

/** The project after a complete build of V1, with V2's sources in place. */
let afterV1: Files;
/** What a build of V2 that nothing stopped leaves. */
let expected: Files;
/** The renames of that build's commit, and the files it staged. */
let renames: string[] = [];
let staged = 0;

beforeAll(async () => {
  const world = await memoryProject(V1);
  expect((await build({ world })).ok).toBe(true);
  for (const [path, text] of Object.entries(V2)) world.files.set(path, encode(text));
  afterV1 = new Map(world.files);
  const reference = createMemoryWorld(Object.fromEntries(afterV1));
  const counted: World = {
    ...reference,
    rename: async (from, to) => (renames.push(to), reference.rename(from, to)),
    writeFileAtomic: async (path, data) => (path.startsWith('output/.roneo-staging/') && !path.endsWith('journal.json') && staged++, reference.writeFileAtomic(path, data)),
  };
  const result = await build({ world: counted });
  expect([result.ok, result.publications.map((p) => p.id)]).toEqual([true, ['leaflets/a', 'leaflets/b']]);
  expected = visible(reference.files);
}, 120_000);

/**
 * This project's files through a World that works until `dies()` says so, and then fails at everything that
 * writes, as a killed process does nothing more: its lock is never released, its staging never tidied.
 */
function dying(files: Files, dies: (operation: 'rename' | 'write', path: string) => boolean): World & { files: Files } {
  const world = createMemoryWorld(Object.fromEntries(files));
  let dead = false;
  const check = (operation: 'rename' | 'write', path: string) => {
    if (!dead && dies(operation, path)) dead = true;
    if (dead) throw new Error('killed');
  };
  return {
    ...world,
    async rename(from, to) {
      check('rename', to);
      return world.rename(from, to);
    },
    async writeFileAtomic(path, data) {
      check('write', path);
      return world.writeFileAtomic(path, data);
    },
    async createExclusive(path, data) {
      if (dead) throw new Error('killed');
      return world.createExclusive(path, data);
    },
    async remove(path) {
      if (dead) throw new Error('killed');
      return world.remove(path);
    },
  };
}

/** The next process: the same files, another pid; the killed one no longer runs. */
function nextProcess(files: Files): World & { files: Files } {
  const world = createMemoryWorld(Object.fromEntries(files));
  return { ...world, thisProcess: () => ({ pid: 2, hostname: MEMORY_PROCESS.hostname }), processAlive: (pid) => pid === 2, files: world.files };
}

/** Each file of the output folder is whole: byte for byte the one before the build or the one after it. */
function wholeFiles(files: Files): string[] {
  const broken: string[] = [];
  for (const [path, bytes] of files) {
    if (!path.startsWith('output/') || path.startsWith('output/.')) continue;
    const before = afterV1.get(path);
    const after = expected.get(path);
    if (!(before && Buffer.compare(before, bytes) === 0) && !(after && Buffer.compare(after, bytes) === 0)) broken.push(path);
  }
  return broken;
}

describe('a build killed during its commit', () => {
  it('the commit moves every file, the manifest and page after the PDFs and previews, the records last', () => {
    const kinds = renames.map((path) => (path.endsWith('builds.json') ? 'records' : /manifest|SHA256SUMS|index\.html/.test(path) ? 'site' : 'file'));
    expect(kinds.indexOf('site')).toBeGreaterThan(kinds.lastIndexOf('file'));
    expect(kinds.at(-1)).toBe('records');
    expect(renames.filter((path) => /\/(manifest\.json|index\.html)$/.test(path))).toEqual(['output/manifest.json', 'output/index.html']);
    expect(renames.length).toBeGreaterThanOrEqual(8);
  });

  it('is finished by the next build, after any number of renames: the same files as a build never stopped', async () => {
    const finished: number[] = [];
    for (let k = 0; k < renames.length; k++) {
      let done = 0;
      const world = dying(afterV1, (operation) => operation === 'rename' && done++ === k);
      const killed = await build({ world });
      if (renames[k]!.endsWith('builds.json')) {
        // The records are a cache: failing to put them in place is no error of the build's.
        expect([killed.ok, killed.diagnostics]).toEqual([true, []]);
      } else {
        expect(killed.ok).toBe(false);
        expect(killed.diagnostics.map(formatDiagnostic)).toEqual([`${renames[k]}:1:1: error: cannot put the built files in place: killed; the next build finishes doing so [write-output]`]);
      }
      const files = world.files;
      expect(wholeFiles(files)).toEqual([]);
      expect([files.has('output/.roneo-lock'), files.has('output/.roneo-staging/journal.json')]).toEqual([true, true]);

      const next = nextProcess(files);
      const recovered = await build({ world: next });
      expect(recovered.ok).toBe(true);
      expect(recovered.diagnostics.map(formatDiagnostic)).toEqual([
        `output/.roneo-staging:1:1: warning: the last build was stopped while putting its ${renames.length} files in place; this build finished doing so before anything else [interrupted-build]`,
      ]);
      // Every publication was found unchanged: the records were committed with the files they describe.
      expect(recovered.publications.every((p) => p.unchanged)).toBe(true);
      expect(changedFiles(expected, visible(next.files))).toEqual([]);
      finished.push(k);
    }
    expect(finished).toHaveLength(renames.length);
  });
});

describe('a build killed while it makes its files', () => {
  it('leaves the output folder as it was; the next build throws the staging folder and the dead process’s temporary files away, and builds', async () => {
    for (const k of [0, 1, Math.floor(staged / 2), staged - 1]) {
      let done = 0;
      const world = dying(afterV1, (operation, path) => operation === 'write' && path.startsWith('output/.roneo-staging/') && done++ === k);
      const killed = await build({ world });
      expect(killed.ok).toBe(false);
      const files = world.files;
      // Nothing of the new build outside its staging folder.
      const outputs = (source: Files) => new Map([...visible(source)].filter(([path]) => !path.startsWith('output/.')));
      expect(changedFiles(outputs(afterV1), outputs(files))).toEqual([]);
      expect(files.has('output/.roneo-staging/journal.json')).toBe(false);

      // What the killed process (pid 1) was writing into the cache when it died.
      const abandoned = '.cache/roneo/previews/0123-480.webp.1.k3j9.tmp';
      files.set(abandoned, encode('RIFF'));
      const next = nextProcess(files);
      const rebuilt = await build({ world: next });
      expect([rebuilt.ok, rebuilt.diagnostics]).toEqual([true, []]);
      expect(next.files.has(abandoned)).toBe(false);
      expect(rebuilt.publications.map((p) => [p.id, p.unchanged ?? false])).toEqual([
        ['leaflets/a', false],
        ['leaflets/b', false],
      ]);
      expect(changedFiles(expected, visible(next.files))).toEqual([]);
    }
  });

  it('a build that throws (a bug) leaves the folder as it was, its staging thrown away and its lock released', async () => {
    const world = createMemoryWorld(Object.fromEntries(afterV1));
    let staging = false;
    const broken: World = {
      ...world,
      async writeFileAtomic(path, data) {
        if (path.startsWith('output/.roneo-staging/')) staging = true;
        return world.writeFileAtomic(path, data);
      },
      now: () => {
        if (staging) throw new TypeError('the clock broke');
        return world.now();
      },
    };
    await expect(build({ world: broken })).rejects.toThrow('the clock broke');
    expect(changedFiles(visible(afterV1), visible(world.files))).toEqual([]);
  });
});
