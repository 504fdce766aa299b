/**
 * The only door between Roneo's stages and the machine: files, the clock and
 * the environment. Stages never import `node:fs` or read `process.env`, so each
 * can be tested in memory and a build can be replayed exactly.
 *
 * Paths are project-relative with forward slashes (`content/leaflets/a.md`);
 * they are what diagnostics print, so no absolute path leaks into messages.
 */
export interface World {
  readFile(path: string): Promise<Uint8Array>;
  /** Every file below `dir`, recursively, as project-relative paths, sorted. */
  listFiles(dir: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** A file's size in bytes, or undefined when there is no such file: a cheap check that an output is still in place. */
  fileSize(path: string): Promise<number | undefined>;
  /** Writes to a temporary name beside `path`, then renames, so readers never see half a file. */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** Monotonic milliseconds, for reporting how long things took. */
  now(): number;
  env(name: string): string | undefined;
}

export class WorldError extends Error {
  constructor(
    readonly path: string,
    readonly code: 'ENOENT' | 'EISDIR' | 'EACCES' | 'EOTHER',
    message: string,
  ) {
    super(message);
  }
}
