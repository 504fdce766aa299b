// Roneo is written in TypeScript and has no separate compile step: the
// sources are bundled into one JavaScript module by esbuild the first time
// they are run, and again whenever one of them changes. Node then runs plain
// JavaScript, with none of tsx's per-file compiling on a loader thread of its
// own (some 35 MB of memory for the life of the process). When the bundle
// cannot be made (esbuild missing, a read-only install), tsx runs the
// sources as they are.
//
// Plain JavaScript on purpose: this file runs before anything can compile.

import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Inside node_modules, so that the bundle finds the packages it imports from there. */
export const CACHE = join(PACKAGE, 'node_modules', '.cache', 'roneo');

/**
 * The module at `entry` (a path relative to the package) as bundled
 * JavaScript, rebuilt when any file under `sources` or package.json changed
 * since the last bundle; falls back to compiling with tsx.
 */
export async function importCompiled(entry, { sources = ['src'], name = 'main' } = {}) {
  try {
    return await import(pathToFileURL(await bundle(entry, sources, name)).href);
  } catch (error) {
    if (process.env.RONEO_DEBUG_COMPILE) process.stderr.write(`roneo: running through tsx: ${error?.message ?? error}\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(join(PACKAGE, entry)).href);
  }
}

/**
 * The bundle's path, made or reused. Code splitting keeps Roneo's dynamic
 * imports lazy: each package is loaded with the chunk that needs it, so a
 * build that renders nothing (no change since the last) never loads pdfmake,
 * pdf-lib or sharp. Each bundle is a folder named by its sources' stamp,
 * made under a temporary name and renamed into place, so a process never
 * sees half of one and two processes may bundle at once.
 */
export async function bundle(entry, sources, name) {
  const stamp = await sourceStamp([...sources, 'package.json']);
  const folder = join(CACHE, `${name}-${stamp.slice(0, 16)}`);
  const outfile = join(folder, `${basename(entry).replace(/\.[cm]?[jt]s$/, '')}.mjs`);
  if (await stat(outfile).catch(() => undefined)) return outfile;
  const esbuild = await import('esbuild');
  await mkdir(CACHE, { recursive: true });
  const temporary = `${folder}.${process.pid}.${Date.now()}.tmp`;
  await esbuild.build({
    entryPoints: [join(PACKAGE, entry)],
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  try {
    await rename(temporary, folder);
  } catch (error) {
    // Another process put the same bundle in place first: use it.
    await rm(temporary, { recursive: true, force: true });
    if (!(await stat(outfile).catch(() => undefined))) throw error;
  }
  await removeOlder(name, folder);
  return outfile;
}

/** Bundles of older sources: removed, unless a running process may still be reading one (made in the last minute). */
async function removeOlder(name, current) {
  const entries = await readdir(CACHE, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(CACHE, entry.name);
    if (!entry.isDirectory() || path === current || !entry.name.startsWith(`${name}-`)) continue;
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 60_000) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Every source file's path, size and modification time, hashed: any edit changes it. */
async function sourceStamp(paths) {
  const hash = createHash('sha256');
  for (const path of paths) {
    const absolute = join(PACKAGE, path);
    const info = await stat(absolute);
    const files = info.isDirectory()
      ? (await readdir(absolute, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name))
      : [absolute];
    for (const file of files.sort()) {
      const { size, mtimeMs } = await stat(file);
      hash.update(`${relative(PACKAGE, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}
