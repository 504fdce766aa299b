import { posix } from 'node:path';
import { sleep } from './sleep.ts';
import { type World, WorldError } from './world.ts';

/** The one process a memory world knows of: its own. */
export const MEMORY_PROCESS = { pid: 1, hostname: 'memory' } as const;
/** A memory world's wall clock starts here, so the times it gives are fixed. */
const MEMORY_EPOCH = Date.UTC(2024, 0, 1);

/** An in-memory project, for testing stages without the disk. */
export function createMemoryWorld(
  files: Record<string, string | Uint8Array> = {},
  env: Record<string, string> = {},
): World & { files: Map<string, Uint8Array> } {
  const store = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    store.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  let clock = 0;
  /** When each file was last written, by the clock; files given at the start are as old as the clock. */
  const written = new Map<string, number>();
  const put = (path: string, data: Uint8Array) => {
    store.set(path, data);
    written.set(path, clock);
  };
  const below = (path: string) => [...store.keys()].filter((p) => p === path || p.startsWith(`${path}/`));
  return {
    files: store,
    async readFile(path) {
      const data = store.get(path);
      if (!data) throw new WorldError(path, 'ENOENT', 'no such file');
      return data;
    },
    async listFiles(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      return [...store.keys()].filter((p) => p.startsWith(prefix)).sort();
    },
    async exists(path) {
      return store.has(path) || [...store.keys()].some((p) => p.startsWith(`${path}/`));
    },
    // No links in memory: a file is where its name says.
    async realPath(path) {
      const name = posix.normalize(path);
      return store.has(name) || [...store.keys()].some((p) => p.startsWith(`${name}/`)) ? name : undefined;
    },
    async fileSize(path) {
      return store.get(path)?.byteLength;
    },
    async fileAge(path) {
      return store.has(path) ? clock - (written.get(path) ?? 0) : undefined;
    },
    async writeFileAtomic(path, data) {
      put(path, data);
    },
    async createExclusive(path, data) {
      if (store.has(path)) return false;
      put(path, data);
      return true;
    },
    async rename(from, to) {
      const data = store.get(from);
      if (!data) throw new WorldError(from, 'ENOENT', 'no such file');
      store.delete(from);
      put(to, data);
    },
    async remove(path) {
      for (const file of below(path)) store.delete(file);
    },
    now: () => (clock += 1),
    wallClock: () => MEMORY_EPOCH + clock,
    sleep: (ms, signal) => sleep(ms, signal),
    thisProcess: () => ({ ...MEMORY_PROCESS }),
    processAlive: (pid) => pid === MEMORY_PROCESS.pid,
    env: (name) => env[name],
  };
}
