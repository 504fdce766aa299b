import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryWorld } from '../../src/world/memory-world.ts';

/** The repository: the nearest folder up with the project's fonts (this file may run bundled, from another folder). */
export const REPO = repositoryAbove(dirname(fileURLToPath(import.meta.url)));

function repositoryAbove(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fonts', 'fonts.json'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '../..');
  }
}

async function filesUnder(dir: string): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const entry of await readdir(join(REPO, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = join(entry.parentPath, entry.name);
    out[relative(REPO, absolute).split('\\').join('/')] = new Uint8Array(await readFile(absolute));
  }
  return out;
}

let shared: Promise<Record<string, Uint8Array>> | undefined;

/** The repo's real templates and fonts, read once per test file. */
export function projectAssets(): Promise<Record<string, Uint8Array>> {
  shared ??= Promise.all([filesUnder('templates'), filesUnder('fonts')]).then(([a, b]) => ({ ...a, ...b }));
  return shared;
}

/** An in-memory project: the repo's templates and fonts plus the given content files. */
export async function memoryProject(files: Record<string, string | Uint8Array>, env: Record<string, string> = {}) {
  return createMemoryWorld({ ...(await projectAssets()), ...files }, env);
}

/** A real temporary folder with the repo's templates and fonts (and optionally its content). */
export async function tempProject(options: { content?: boolean; files?: Record<string, string | Uint8Array> } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'roneo-test-'));
  await cp(join(REPO, 'templates'), join(root, 'templates'), { recursive: true });
  await cp(join(REPO, 'fonts'), join(root, 'fonts'), { recursive: true });
  if (options.content) await cp(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  for (const [path, content] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}
