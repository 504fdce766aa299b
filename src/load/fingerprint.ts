import { createHash } from 'node:crypto';
import { sha256Of } from '../world/content-hash.ts';
import type { World } from '../world/world.ts';
import type { SourceDocument } from './load-document.ts';

const hash = sha256Of;

/**
 * A folder's files, hashed once per build: the fonts and the string
 * tables, which every publication depends on.
 */
export async function folderHash(world: World, dir: string): Promise<string> {
  const digest = createHash('sha256');
  let files: string[] = [];
  try {
    files = await world.listFiles(dir);
  } catch {
    return 'missing';
  }
  for (const file of files) digest.update(file).update('\0').update(hash(await world.readFile(file)));
  return digest.digest('hex');
}

export interface Inputs {
  /** Roneo's version, the options and settings the build runs with, the fonts' and strings' hashes. */
  shared: string;
  /** The publication and the articles it includes, as read. */
  documents: readonly SourceDocument[];
  /** The layout and the partials it may use, by path. */
  templates: ReadonlyMap<string, string>;
  /** Other files the last build read (pictures, the variants table), by project path. */
  files: readonly string[];
}

/**
 * Everything a publication's PDFs are made from, as one hash: when it is
 * the same as at its last good build, the PDFs would come out the same.
 */
export async function fingerprint(world: World, inputs: Inputs): Promise<string> {
  const digest = createHash('sha256').update(inputs.shared);
  for (const document of inputs.documents) digest.update(`\0doc\0${document.path}\0${hash(document.text)}`);
  for (const [path, text] of [...inputs.templates].sort(([a], [b]) => (a < b ? -1 : 1))) digest.update(`\0tpl\0${path}\0${hash(text)}`);
  for (const path of [...inputs.files].sort()) {
    const bytes = await world.readFile(path).catch(() => undefined);
    digest.update(`\0file\0${path}\0${bytes ? hash(bytes) : 'missing'}`);
  }
  return digest.digest('hex');
}
