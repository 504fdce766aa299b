import { posix } from 'node:path';
import { passThrough } from './pass-through.ts';
import type { World } from './world.ts';

/**
 * A World that keeps what it read of the files it is told are watched, until
 * told they changed: a watch's rebuild then reads from the disk only what the
 * editor touched, and hands every other file back as the very same bytes,
 * whose hashes and parsed forms (fonts) are kept by identity.
 *
 * It is only as right as what tells it of changes: `forget` must be called
 * for every change under a remembered path (the watch does, from chokidar),
 * and `recheck` when a change may have gone unreported.
 */
export interface RememberingWorld extends World {
  /** The file changed: its bytes, and whether it exists, are read again. With `listing`, a file or folder came or went: listings too. */
  forget(path: string, listing: boolean): void;
  /** Everything is read again (the folders watched changed). */
  forgetAll(): void;
  /**
   * Whether the file on disk now differs from what a build was given (its bytes remembered): a change the
   * watcher may have dropped, as chokidar does with a second change to a file within 50 ms. If so it is forgotten.
   */
  recheck(path: string): Promise<boolean>;
}

export function createRememberingWorld(inner: World, remembers: (path: string) => boolean): RememberingWorld {
  const files = new Map<string, Promise<Uint8Array>>();
  const listings = new Map<string, Promise<string[]>>();
  const presence = new Map<string, Promise<boolean>>();
  /** Where files really are (links followed): a link changed or removed is reported by the watcher as its path. */
  const places = new Map<string, Promise<string | undefined>>();
  const key = (path: string) => posix.normalize(path);

  /** A failed read is not kept: the next build tries again, and reports what it then finds. */
  function remember<T>(cache: Map<string, Promise<T>>, path: string, read: () => Promise<T>): Promise<T> {
    if (!remembers(path)) return read();
    const name = key(path);
    let known = cache.get(name);
    if (!known) {
      known = read();
      cache.set(name, known);
      known.catch(() => {
        if (cache.get(name) === known) cache.delete(name);
      });
    }
    return known;
  }

  return {
    // Sizes and ages are asked of outputs and locks, which builds write: never kept.
    ...passThrough(inner),
    readFile: (path) => remember(files, path, () => inner.readFile(path)),
    listFiles: (dir) => remember(listings, dir, () => inner.listFiles(dir)),
    exists: (path) => remember(presence, path, () => inner.exists(path)),
    realPath: (path) => remember(places, path, () => inner.realPath(path)),
    async writeFileAtomic(path, data) {
      await inner.writeFileAtomic(path, data);
      if (remembers(path)) forget(path, true);
    },
    async createExclusive(path, data) {
      const made = await inner.createExclusive(path, data);
      if (remembers(path)) forget(path, true);
      return made;
    },
    async rename(from, to) {
      // Forgotten even when it fails half-way: what is on the disk is then read again.
      try {
        await inner.rename(from, to);
      } finally {
        if (remembers(from)) forget(from, true);
        if (remembers(to)) forget(to, true);
      }
    },
    async remove(path) {
      try {
        await inner.remove(path);
      } finally {
        if (remembers(path)) forget(path, true);
      }
    },
    forget,
    forgetAll() {
      files.clear();
      listings.clear();
      presence.clear();
      places.clear();
    },
    async recheck(path) {
      const known = files.get(key(path));
      if (!known) return false;
      const [given, now] = await Promise.all([known.catch(() => undefined), inner.readFile(path).catch(() => undefined)]);
      if (given !== undefined && now !== undefined && sameBytes(given, now)) return false;
      forget(path, now === undefined);
      return true;
    },
  };

  function forget(path: string, listing: boolean): void {
    const name = key(path);
    files.delete(name);
    presence.delete(name);
    places.delete(name);
    if (!listing) return;
    // A folder that came or went takes with it what is below it; and every listing above it changed.
    for (const known of [...files.keys()]) if (known.startsWith(`${name}/`)) files.delete(known);
    for (const known of [...presence.keys()]) if (known.startsWith(`${name}/`)) presence.delete(known);
    for (const known of [...places.keys()]) if (known.startsWith(`${name}/`)) places.delete(known);
    listings.clear();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}
