/**
 * The output folder's lock, in memory: taken exclusively, waited for, given up on when asked, taken over
 * when its owner is gone (a process of this machine no longer running, or a file left unreadable for
 * seconds), released only by its owner. Then as build() uses it: refused with an `output-locked` error, and
 * never taken by a check.
 */
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { HALF_MADE_STALE_MS, isRefused, LOCK_FILE, lockOutput, type LockHolder, type OutputLock } from '../../src/publish/output-lock.ts';
import { createMemoryWorld, MEMORY_PROCESS } from '../../src/world/memory-world.ts';
import type { World } from '../../src/world/world.ts';
import { changedFiles } from '../helpers/file-changes.ts';
import { memoryProject } from '../helpers/project.ts';

const LOCK = `output/${LOCK_FILE}`;
const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);
const holderFile = (holder: LockHolder) => new TextEncoder().encode(JSON.stringify(holder));

function taken(result: OutputLock | { holder: LockHolder | undefined }): OutputLock {
  if (isRefused(result)) throw new Error('the lock was refused');
  return result;
}

/** Another process's view of the same files: its own pid, and the processes it is told are running. */
function otherProcess(world: ReturnType<typeof createMemoryWorld>, pid: number, alive: readonly number[] = [pid]): World {
  return { ...world, thisProcess: () => ({ pid, hostname: MEMORY_PROCESS.hostname }), processAlive: (p) => alive.includes(p) };
}

describe('lockOutput', () => {
  it('creates the lock with who holds it, and release removes it', async () => {
    const world = createMemoryWorld();
    const lock = taken(await lockOutput(world, 'output', { wait: false }));
    expect(JSON.parse(text(world.files.get(LOCK))!)).toEqual({ pid: MEMORY_PROCESS.pid, hostname: 'memory', started: '2024-01-01T00:00:00.000Z' });
    await lock.release();
    expect(world.files.has(LOCK)).toBe(false);
  });

  it('refuses at once with wait false, naming the holder; the holder’s lock stays', async () => {
    const world = createMemoryWorld();
    const first = taken(await lockOutput(world, 'output', { wait: false }));
    const second = await lockOutput(otherProcess(world, 7, [1, 7]), 'output', { wait: false });
    expect(second).toEqual({ holder: { pid: 1, hostname: 'memory', started: '2024-01-01T00:00:00.000Z' } });
    expect(world.files.has(LOCK)).toBe(true);
    await first.release();
  });

  it('waits, says so once, and takes the lock when it is released', async () => {
    const world = createMemoryWorld();
    const first = taken(await lockOutput(world, 'output', { wait: false }));
    const told: Array<LockHolder | undefined> = [];
    const other = otherProcess(world, 7, [1, 7]);
    const second = lockOutput(other, 'output', { wait: true, onWaiting: (holder) => told.push(holder) });
    await new Promise((done) => setTimeout(done, 350));
    expect(told).toEqual([{ pid: 1, hostname: 'memory', started: '2024-01-01T00:00:00.000Z' }]);
    await first.release();
    const lock = taken(await second);
    expect(told).toHaveLength(1);
    expect(JSON.parse(text(world.files.get(LOCK))!)).toMatchObject({ pid: 7 });
    await lock.release();
  });

  it('gives up after a wait limit, and at once when its signal aborts', async () => {
    const world = createMemoryWorld();
    const first = taken(await lockOutput(world, 'output', { wait: false }));
    const other = otherProcess(world, 7, [1, 7]);
    // The memory clock moves by 1 per reading: a limit of 3 is reached in a few polls.
    expect(await lockOutput(other, 'output', { wait: 3 })).toMatchObject({ holder: { pid: 1 } });
    const stop = new AbortController();
    const waiting = lockOutput(other, 'output', { wait: true, signal: stop.signal });
    setTimeout(() => stop.abort(new Error('stopped')), 50);
    await expect(waiting).rejects.toThrow('stopped');
    expect(JSON.parse(text(world.files.get(LOCK))!)).toMatchObject({ pid: 1 });
    await first.release();
  });

  it('takes over the lock of a process of this machine that is no longer running', async () => {
    const world = createMemoryWorld({ [LOCK]: holderFile({ pid: 4242, hostname: 'memory', started: '2023-12-31T23:00:00.000Z' }) });
    const lock = taken(await lockOutput(world, 'output', { wait: false }));
    expect(JSON.parse(text(world.files.get(LOCK))!)).toMatchObject({ pid: 1 });
    await lock.release();
  });

  it('waits for a lock held from another machine, whose process cannot be seen from here', async () => {
    const world = createMemoryWorld({ [LOCK]: holderFile({ pid: 4242, hostname: 'elsewhere', started: '2023-12-31T23:00:00.000Z' }) });
    expect(await lockOutput(world, 'output', { wait: false })).toMatchObject({ holder: { hostname: 'elsewhere' } });
  });

  it('takes over a lock that cannot be read once it is a few seconds old, never before', async () => {
    for (const content of ['', '{"pid": 12', '{"pid": 0, "hostname": "memory", "started": "x"}']) {
      const world = createMemoryWorld({ [LOCK]: content });
      let age = 10;
      const aged: World = { ...world, fileAge: async (path) => (world.files.has(path) ? age : undefined) };
      expect(await lockOutput(aged, 'output', { wait: false })).toEqual({ holder: undefined });
      age = HALF_MADE_STALE_MS;
      const lock = taken(await lockOutput(aged, 'output', { wait: false }));
      expect(JSON.parse(text(world.files.get(LOCK))!)).toMatchObject({ pid: 1 });
      await lock.release();
    }
  });

  it('releases only its own lock: one taken over meanwhile stays', async () => {
    const world = createMemoryWorld();
    const lock = taken(await lockOutput(world, 'output', { wait: false }));
    const other = holderFile({ pid: 9, hostname: 'memory', started: '2024-01-01T00:00:01.000Z' });
    world.files.set(LOCK, other);
    await lock.release();
    expect(world.files.get(LOCK)).toBe(other);
  });
});

describe('build() and the lock', () => {
  const LEAFLET = '---\nlayout: leaflet\ntitle: Tract\ndate: 2024-05-01\n---\n\nUn texte court.\n';
  // Five seconds after the memory world's clock starts: the same day, in the machine's own time zone.
  const started = new Date(Date.UTC(2024, 0, 1, 0, 0, 5));
  const time = [started.getHours(), started.getMinutes(), started.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const holder = { pid: 77, hostname: 'memory', started: started.toISOString() };

  it('with wait false, refuses with an output-locked error when the folder is held, and writes nothing', async () => {
    const world = await memoryProject({ 'content/leaflets/tract.md': LEAFLET });
    const other = otherProcess(world, 1, [1, 77]);
    world.files.set(LOCK, holderFile(holder));
    const before = new Map(world.files);
    const result = await build({ world: other, wait: false, site: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `output/.roneo-lock:1:1: error: output/ is being written by the build in process 77 (started ${time}); build again once it has finished [output-locked]`,
    ]);
    expect(changedFiles(before, world.files)).toEqual([]);
  });

  it('tells whom it waits for, then builds once the lock is released, and leaves no lock', async () => {
    const world = await memoryProject({ 'content/leaflets/tract.md': LEAFLET });
    world.files.set(LOCK, holderFile(holder));
    const messages: string[] = [];
    const building = build({ world: otherProcess(world, 1, [1, 77]), site: false, onWaiting: ({ message }) => messages.push(message) });
    await new Promise((done) => setTimeout(done, 250));
    expect(messages).toEqual([`waiting for the build in process 77 (started ${time}) to finish with output/`]);
    world.files.delete(LOCK);
    const result = await building;
    expect([result.ok, result.publications.map((p) => p.id)]).toEqual([true, ['leaflets/tract']]);
    expect([...world.files.keys()].filter((path) => path.startsWith('output/.'))).toEqual([]);
  });

  it('a check takes no lock: it runs while the folder is held, and writes nothing', async () => {
    const world = await memoryProject({ 'content/leaflets/tract.md': LEAFLET });
    world.files.set(LOCK, holderFile({ pid: 1, hostname: 'memory', started: '2024-01-01T00:00:00.000Z' }));
    const before = new Map(world.files);
    const result = await build({ world, check: true, wait: false });
    expect([result.ok, result.checked]).toEqual([true, ['leaflets/tract']]);
    expect(changedFiles(before, world.files)).toEqual([]);
  });

  it('stops while waiting when its signal aborts: build() rejects, and the holder’s lock stays', async () => {
    const world = await memoryProject({ 'content/leaflets/tract.md': LEAFLET });
    const held = holderFile({ pid: 1, hostname: 'memory', started: '2024-01-01T00:00:00.000Z' });
    world.files.set(LOCK, held);
    const stop = new AbortController();
    const building = build({ world, site: false, signal: stop.signal });
    setTimeout(() => stop.abort(new Error('interrupted')), 50);
    await expect(building).rejects.toThrow('interrupted');
    expect(world.files.get(LOCK)).toBe(held);
  });
});
