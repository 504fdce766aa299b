/**
 * A watch takes the output folder's lock for each build, never for its whole life: between rebuilds another
 * build has the folder; a rebuild waits for another build's lock and says so; a watch closed (or sent SIGINT)
 * while a rebuild waits stops at once, leaving the other's lock as it is. On a small real project.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { type Watcher, watch } from '../../src/watch/index.ts';
import { filesUnder, leftovers } from '../helpers/output-consistency.ts';
import { REPO, tempProject } from '../helpers/project.ts';

const BIN = join(REPO, 'src/cli/roneo.js');
const LEAFLET = '---\nlayout: leaflet\ntitle: Tract de test\ndate: 2024-05-01\n---\n\nUn texte court.\n';
const FILE = 'content/leaflets/good.md';

let project: Awaited<ReturnType<typeof tempProject>> | undefined;
let watcher: Watcher | undefined;
let child: ChildProcess | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await watcher?.close();
  await project?.cleanup();
  watcher = undefined;
  project = undefined;
  child = undefined;
});

async function smallProject() {
  project = await tempProject({ files: { [FILE]: LEAFLET } });
  return project.root;
}

const append = async (root: string, line: string) => writeFile(join(root, FILE), `${await readFile(join(root, FILE), 'utf8')}\n${line}\n`);
/** Held by a process that runs on this machine (this one), so never taken over. */
const holdLock = (root: string) => writeFile(join(root, 'output/.roneo-lock'), JSON.stringify({ pid: process.pid, hostname: hostname(), started: new Date().toISOString() }));

describe('roneo watch and the output folder’s lock', () => {
  it('holds no lock between builds: another build has the folder meanwhile', async () => {
    const root = await smallProject();
    watcher = await watch({ root, profiles: [] });
    expect(watcher.last).toMatchObject({ ok: true, built: ['leaflets/good'] });
    expect(existsSync(join(root, 'output/.roneo-lock'))).toBe(false);
    const beside = await build({ root, wait: false, force: true, profiles: [] });
    expect([beside.ok, beside.diagnostics]).toEqual([true, []]);
  });

  it('a rebuild waits for another build’s lock, says so, and builds once it is released', async () => {
    const root = await smallProject();
    const waits: string[] = [];
    watcher = await watch({ root, profiles: [], onWaiting: ({ message }) => waits.push(message) });
    await watcher.idle();
    await holdLock(root);
    const rebuilt = watcher.next();
    await append(root, 'Une ligne.');
    for (let i = 0; i < 100 && waits.length === 0; i++) await new Promise((done) => setTimeout(done, 50));
    expect(waits).toEqual([expect.stringMatching(new RegExp(`^waiting for the build in process ${process.pid} \\(started \\d\\d:\\d\\d:\\d\\d\\) to finish with output/$`))]);
    await rm(join(root, 'output/.roneo-lock'));
    expect(await rebuilt).toMatchObject({ ok: true, built: ['leaflets/good'] });
    await watcher.idle();
    expect(leftovers(await filesUnder(join(root, 'output')))).toEqual([]);
  });

  it('closed while a rebuild waits: stops at once, reports no build, and leaves the other’s lock as it is', async () => {
    const root = await smallProject();
    let waiting!: () => void;
    const waits = new Promise<void>((done) => (waiting = done));
    const events: unknown[] = [];
    watcher = await watch({ root, profiles: [], onWaiting: () => waiting(), onRebuild: (event) => events.push(event) });
    await watcher.idle();
    await holdLock(root);
    const held = await readFile(join(root, 'output/.roneo-lock'));
    await append(root, 'Une ligne.');
    await waits;
    await watcher.close();
    expect(events).toHaveLength(1);
    expect(await readFile(join(root, 'output/.roneo-lock'))).toEqual(held);
    expect(leftovers(await filesUnder(join(root, 'output')))).toEqual(['.roneo-lock']);
  });

  it('the real command: SIGINT while a rebuild waits for another build exits 0 at once, the other’s lock untouched', async () => {
    const root = await smallProject();
    const roneo = spawn(process.execPath, [BIN, 'watch', '--profile', 'screen'], { cwd: root, env: { ...process.env, CI: '1', SOURCE_DATE_EPOCH: '' } });
    child = roneo;
    let stdout = '';
    let stderr = '';
    const seen = (pattern: RegExp, stream: () => string) =>
      new Promise<void>((found) => {
        const look = () => (pattern.test(stream()) ? found() : setTimeout(look, 20));
        look();
      });
    roneo.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    roneo.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((done) => roneo.on('close', (code) => done(code)));
    await seen(/^watching /m, () => stdout);
    await holdLock(root);
    const held = await readFile(join(root, 'output/.roneo-lock'));
    await append(root, 'Une ligne.');
    await seen(/^roneo: waiting for the build in process \d+ \(started \d\d:\d\d:\d\d\) to finish with output\/$/m, () => stderr);
    roneo.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(await readFile(join(root, 'output/.roneo-lock'))).toEqual(held);
    expect(leftovers(await filesUnder(join(root, 'output')))).toEqual(['.roneo-lock']);
  }, 60_000);
});
