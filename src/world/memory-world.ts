import { type World, WorldError } from './world.ts';

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
    async fileSize(path) {
      return store.get(path)?.byteLength;
    },
    async writeFileAtomic(path, data) {
      store.set(path, data);
    },
    now: () => (clock += 1),
    env: (name) => env[name],
  };
}
