import { copyFile, mkdir, open, readdir, readFile, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sleep } from './sleep.ts';
import { type World, WorldError } from './world.ts';

/** The real machine, rooted at one project folder. */
export function createNodeWorld(root: string, env: NodeJS.ProcessEnv = process.env): World {
  const abs = (path: string) => resolve(root, path);
  const rel = (path: string) => relative(root, path).split(sep).join('/');
  let realRoot: Promise<string> | undefined;

  return {
    async readFile(path) {
      try {
        return new Uint8Array(await readFile(abs(path)));
      } catch (error) {
        throw toWorldError(path, error);
      }
    },
    async listFiles(dir) {
      let entries: string[];
      try {
        entries = (await readdir(abs(dir), { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map((e) => rel(join(e.parentPath ?? (e as { path?: string }).path ?? abs(dir), e.name)));
      } catch (error) {
        throw toWorldError(dir, error);
      }
      return entries.sort();
    },
    async realPath(path) {
      try {
        const real = await realpath(abs(path));
        // The project folder may itself be reached through a link (/tmp on macOS): compared really too.
        realRoot ??= realpath(resolve(root)).catch(() => resolve(root));
        const inside = relative(await realRoot, real);
        return inside.startsWith('..') || isAbsolute(inside) ? real : inside.split(sep).join('/') || '.';
      } catch {
        return undefined;
      }
    },
    async exists(path) {
      try {
        await stat(abs(path));
        return true;
      } catch {
        return false;
      }
    },
    async fileSize(path) {
      try {
        const info = await stat(abs(path));
        return info.isFile() ? info.size : undefined;
      } catch {
        return undefined;
      }
    },
    async fileAge(path) {
      try {
        return Math.max(0, Date.now() - (await stat(abs(path))).mtimeMs);
      } catch {
        return undefined;
      }
    },
    async writeFileAtomic(path, data) {
      const target = abs(path);
      const temporary = temporaryBeside(target);
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(temporary, data);
        await rename(temporary, target);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw toWorldError(path, error);
      }
    },
    async createExclusive(path, data) {
      const target = abs(path);
      let file;
      try {
        await mkdir(dirname(target), { recursive: true });
        // 'wx' fails if the file exists, in the same system call that creates it: no two processes both succeed.
        file = await open(target, 'wx');
      } catch (error) {
        // Only open's EEXIST: mkdir's means a file stands where the folder should be.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && (error as NodeJS.ErrnoException).syscall === 'open') return false;
        throw toWorldError(path, error);
      }
      try {
        await file.writeFile(data);
      } catch (error) {
        throw toWorldError(path, error);
      } finally {
        await file.close();
      }
      return true;
    },
    async rename(from, to) {
      const target = abs(to);
      try {
        await mkdir(dirname(target), { recursive: true });
        await rename(abs(from), target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw toWorldError(to, error);
        // Another disk (a cache folder mounted elsewhere): copied beside the target, then renamed there.
        const temporary = temporaryBeside(target);
        try {
          await copyFile(abs(from), temporary);
          await rename(temporary, target);
          await unlink(abs(from));
        } catch (copyError) {
          await unlink(temporary).catch(() => undefined);
          throw toWorldError(to, copyError);
        }
      }
    },
    async remove(path) {
      try {
        await rm(abs(path), { recursive: true, force: true });
      } catch (error) {
        throw toWorldError(path, error);
      }
    },
    now: () => performance.now(),
    wallClock: () => Date.now(),
    sleep: (ms, signal) => sleep(ms, signal),
    thisProcess: () => ({ pid: process.pid, hostname: hostname() }),
    processAlive(pid) {
      try {
        // Signal 0 checks that the process exists without touching it.
        process.kill(pid, 0);
        return true;
      } catch (error) {
        // EPERM: it exists, and belongs to another user.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
    env: (name) => env[name],
  };
}

function temporaryBeside(target: string): string {
  return `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/** The process that was writing a temporary file of writeFileAtomic's, from its name; undefined for any other file. */
export function temporaryOwner(path: string): number | undefined {
  const pid = /\.(\d+)\.[0-9a-z]*\.tmp$/.exec(path)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Messages name the problem, never the absolute path, so no machine detail reaches a report. */
function toWorldError(path: string, error: unknown): WorldError {
  const raw = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  // mkdir's EEXIST: a file stands where a folder on the way should be.
  const code = raw === 'EEXIST' && (error as NodeJS.ErrnoException).syscall === 'mkdir' ? 'ENOTDIR' : raw;
  const known = code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' ? code : 'EOTHER';
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a folder on the way is a file',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
  };
  return new WorldError(path, known, reasons[code] ?? (code ? `system error ${code}` : 'unexpected error'));
}
