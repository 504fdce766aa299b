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
  /**
   * Where the file really is, links followed: project-relative when inside the project, absolute otherwise;
   * undefined when there is no such file. How a link out of the content folder is told from a file in it.
   */
  realPath(path: string): Promise<string | undefined>;
  /** A file's size in bytes, or undefined when there is no such file: a cheap check that an output is still in place. */
  fileSize(path: string): Promise<number | undefined>;
  /** Milliseconds since the file was last written, or undefined when there is no such file: how a lock left half-made is known to be abandoned. */
  fileAge(path: string): Promise<number | undefined>;
  /** Writes to a temporary name beside `path`, then renames, so readers never see half a file. */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /**
   * Creates `path` holding `data` only if nothing is there (folders on the way made): true when made, false when
   * the file already existed. Two processes asking at once: exactly one gets true.
   */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  /** Moves a file onto `to` in one step, replacing what is there (folders on the way made): readers see the old file or the new, never neither. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file, or a folder with everything in it; nothing there is not an error. */
  remove(path: string): Promise<void>;
  /** Monotonic milliseconds, for reporting how long things took. */
  now(): number;
  /** Milliseconds since 1970, for the times people read (when a build holding the output folder started). */
  wallClock(): number;
  /** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** This process, as a lock names its owner. */
  thisProcess(): { pid: number; hostname: string };
  /** Whether a process with this id is running on this machine: a lock whose owner is gone is taken over. */
  processAlive(pid: number): boolean;
  env(name: string): string | undefined;
}

export class WorldError extends Error {
  constructor(
    readonly path: string,
    /** EOUTSIDE: a link from a watched folder to a file outside it, which Roneo does not follow. */
    readonly code: 'ENOENT' | 'EISDIR' | 'EACCES' | 'EOUTSIDE' | 'EOTHER',
    message: string,
  ) {
    super(message);
  }
}
