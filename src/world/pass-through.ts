import type { World } from './world.ts';

/**
 * Every method of a World handed on to another, for a World that changes
 * only some of them (spreading would lose what a World keeps on its prototype,
 * and a method added to World later would be passed over without a word).
 */
export function passThrough(inner: World): World {
  return {
    readFile: (path) => inner.readFile(path),
    listFiles: (dir) => inner.listFiles(dir),
    exists: (path) => inner.exists(path),
    realPath: (path) => inner.realPath(path),
    fileSize: (path) => inner.fileSize(path),
    fileAge: (path) => inner.fileAge(path),
    writeFileAtomic: (path, data) => inner.writeFileAtomic(path, data),
    createExclusive: (path, data) => inner.createExclusive(path, data),
    rename: (from, to) => inner.rename(from, to),
    remove: (path) => inner.remove(path),
    now: () => inner.now(),
    wallClock: () => inner.wallClock(),
    sleep: (ms, signal) => inner.sleep(ms, signal),
    thisProcess: () => inner.thisProcess(),
    processAlive: (pid) => inner.processAlive(pid),
    env: (name) => inner.env(name),
  };
}
