import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type World, WorldError } from './world.ts';

/** The real machine, rooted at one project folder. */
export function createNodeWorld(root: string, env: NodeJS.ProcessEnv = process.env): World {
  const abs = (path: string) => resolve(root, path);
  const rel = (path: string) => relative(root, path).split(sep).join('/');

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
    async writeFileAtomic(path, data) {
      const target = abs(path);
      const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(temporary, data);
        await rename(temporary, target);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw toWorldError(path, error);
      }
    },
    now: () => performance.now(),
    env: (name) => env[name],
  };
}

/** Messages name the problem, never the absolute path, so no machine detail reaches a report. */
function toWorldError(path: string, error: unknown): WorldError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
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
