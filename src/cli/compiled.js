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
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
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

/** The bundle's path, made or reused. */
export async function bundle(entry, sources, name) {
  const outfile = join(CACHE, `${name}.mjs`);
  const stamp = await sourceStamp([...sources, 'package.json']);
  const stampFile = `${outfile}.stamp`;
  const previous = await readFile(stampFile, 'utf8').catch(() => '');
  if (previous === stamp && (await stat(outfile).catch(() => undefined))) return outfile;
  const esbuild = await import('esbuild');
  await mkdir(CACHE, { recursive: true });
  // Another process may be bundling too: each writes its own file and renames it into place.
  const temporary = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  await esbuild.build({
    entryPoints: [join(PACKAGE, entry)],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  await rename(temporary, outfile);
  await writeFile(`${stampFile}.${process.pid}.tmp`, stamp);
  await rename(`${stampFile}.${process.pid}.tmp`, stampFile);
  return outfile;
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
