/**
 * Incremental builds, told by the build's own events (which publications
 * are built, which are unchanged) and by the files written, never by timing:
 * an unchanged publication is skipped, an article rebuilds exactly the
 * publications that include it, a layout its own publications, a font all
 * of them; a no-change build writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { changedFiles } from '../helpers/file-changes.ts';
import { memoryProject, REPO } from '../helpers/project.ts';
import { CAMPAIGN_IDS } from '../helpers/campaign-ids.ts';

function campaignFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(REPO, join(entry.parentPath, entry.name))] = new Uint8Array(readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

const ALL: string[] = [...CAMPAIGN_IDS];

let world: Awaited<ReturnType<typeof memoryProject>>;
let writes: string[];

/** One build: what it built, what it found unchanged, and every path it wrote. */
async function run(options: Partial<BuildOptions> = {}) {
  writes = [];
  const built: string[] = [];
  const unchanged: string[] = [];
  const result = await build({ world, ...options, onPublication: (p) => (p.unchanged ? unchanged : built).push(p.id) });
  return { built: built.sort(), unchanged: unchanged.sort(), writes: [...writes].sort(), diagnostics: result.diagnostics.map(formatDiagnostic), ok: result.ok };
}

function edit(path: string, change: (text: string) => string): void {
  world.files.set(path, new TextEncoder().encode(change(new TextDecoder().decode(world.files.get(path)))));
}

beforeEach(async () => {
  world = await memoryProject(campaignFiles());
  // Files are staged, then renamed into place: a write is a file written, or one renamed into place.
  const write = world.writeFileAtomic.bind(world);
  world.writeFileAtomic = async (path, data) => {
    writes.push(path);
    await write(path, data);
  };
  const rename = world.rename.bind(world);
  world.rename = async (from, to) => {
    writes.push(to);
    await rename(from, to);
  };
  const first = await run();
  expect(first.built).toEqual(ALL);
  expect(first.ok).toBe(true);
}, 120_000);

describe('incremental builds', () => {
  it('skips every unchanged publication, and writes nothing at all', async () => {
    const before = new Map(world.files);
    const again = await run();
    expect(again).toEqual({ built: [], unchanged: ALL, writes: [], diagnostics: [], ok: true });
    // Not a file more or less, not a byte changed: the lock it held is gone.
    expect(changedFiles(before, world.files)).toEqual([]);
  });

  it('writes nothing when a forced build makes the very same files', async () => {
    const before = new Map(world.files);
    const forced = await run({ force: true });
    expect(forced.built).toEqual(ALL);
    expect(forced.writes.filter((path) => path.startsWith('output/'))).toEqual([]);
    expect([...world.files.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('rebuilds exactly the publications that include an edited article', async () => {
    edit('content/articles/janaozen-2011.md', (text) => text.replace('Janaözen', 'Janaözen (Mangistau)'));
    const after = await run();
    expect(after.built).toEqual(['dossier', 'pamphlets/janaozen-2011']);
    expect(after.unchanged).toEqual(ALL.filter((id) => !after.built.includes(id)));
    // Their files, the manifest and the page change; nothing of the others is written.
    const placed = after.writes.filter((path) => !path.startsWith('output/.roneo-staging/'));
    expect(placed.filter((path) => /leaflets\/|icor/.test(path))).toEqual([]);
    expect(placed).toEqual(expect.arrayContaining(['output/dossier.pdf', 'output/pamphlets/janaozen-2011.pdf', 'output/manifest.json', 'output/index.html']));
  });

  it('rebuilds a layout’s publications when its template changes, and all of them when a font or a string table does', async () => {
    edit('templates/pamphlet.hbs', (text) => text.replace('pageMargins: [44, 40, 44, 52]', 'pageMargins: [44, 40, 44, 54]'));
    expect((await run()).built).toEqual(['pamphlets/icor-kazakhstan-2022', 'pamphlets/janaozen-2011']);
    edit('fonts/fonts.json', (text) => `${text}\n`);
    expect((await run()).built).toEqual(ALL);
    edit('templates/strings/fr.yaml', (text) => text.replace('contents: Sommaire', 'contents: Table'));
    expect((await run()).built).toEqual(ALL);
  });

  it('rebuilds a publication when a picture it prints or its variants table changes', async () => {
    edit('content/images/carte-kazakhstan.svg', (text) => text.replace('</svg>', '<!-- retouchée --></svg>'));
    expect((await run()).built).toEqual(ALL.filter((id) => id.startsWith('leaflets/rassemblement')));
    edit('content/leaflets/groupes-locaux.csv', (text) => text.replace('Lyon', 'Lyon centre'));
    expect((await run()).built).toEqual(ALL.filter((id) => id.startsWith('leaflets/rassemblement')));
    edit('content/images/couverture-dossier.svg', (text) => text.replace('</svg>', '<!-- retouchée --></svg>'));
    expect((await run()).built).toEqual(['dossier']);
  });

  it('rebuilds a publication whose output was deleted or altered, and everything with force or other options', async () => {
    world.files.delete('output/leaflets/solidarite-janvier-2022.print.pdf');
    world.files.set('output/pamphlets/janaozen-2011.pdf', new Uint8Array([37, 80, 68, 70]));
    expect((await run()).built).toEqual(['leaflets/solidarite-janvier-2022', 'pamphlets/janaozen-2011']);
    expect((await run({ force: true })).built).toEqual(ALL);
    expect((await run({ profiles: ['home', 'shop'] })).built).toEqual(ALL);
    expect((await run({ profiles: ['home', 'shop'] })).built).toEqual([]);
  });

  it('reports an unchanged publication’s warnings again, and builds again one that failed', async () => {
    edit('content/leaflets/janaozen-anniversaire.md', (text) => `${text}\n<b>gras</b>\n`);
    const warned = await run();
    expect(warned.built).toEqual(['leaflets/janaozen-anniversaire']);
    expect(warned.diagnostics.length).toBeGreaterThan(0);
    expect(warned.diagnostics.every((line) => line.includes(": warning: "))).toBe(true);
    const again = await run();
    expect([again.built, again.diagnostics]).toEqual([[], warned.diagnostics]);
    edit('content/leaflets/janaozen-anniversaire.md', (text) => text.replace('date: "2026-12-16"', 'date: "2026-13-16"'));
    const broken = await run();
    expect([broken.ok, broken.built]).toEqual([false, []]);
    expect((await run()).ok).toBe(false);
  });

  it('keeps nothing when the cache is off', async () => {
    expect((await run({ cache: false })).built).toEqual(ALL);
    expect((await run({ cache: false })).built).toEqual(ALL);
  });
});
