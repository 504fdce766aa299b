import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { CAMPAIGN_IDS } from './campaign-ids.ts';
import { qpdfCheck } from './pdf.ts';

const run = promisify(execFile);

/** Every file under `dir`, relative to it, with forward slashes, sorted; dot-folders included. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** What a build may leave only while it runs, or when it was killed: staging, its lock, temporary files. */
export function leftovers(files: readonly string[]): string[] {
  return files.filter((file) => /(^|\/)\.roneo-(staging|lock)(\/|$)|\.tmp$|staging/.test(file));
}

interface ManifestFile {
  file: string;
  bytes: number;
  sha256: string;
}

interface ManifestLike {
  publications: Array<ManifestFile & { id: string; files?: ManifestFile[]; print?: ManifestFile; preview?: ManifestFile }>;
}

/**
 * What is wrong with an output folder, as lines (none when it is consistent): a PDF outside the dot-folders
 * that `qpdf --check` refuses; a file the manifest lists that is missing, or not of the size and SHA-256 it
 * states; `sha256sum -c SHA256SUMS` failing.
 */
export async function outputProblems(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  const files = await filesUnder(outDir);
  const visible = files.filter((file) => !file.split('/').some((part) => part.startsWith('.')));
  // Two at a time: qpdf is quick, and the machine has other work.
  const pdfs = visible.filter((file) => file.endsWith('.pdf'));
  for (let i = 0; i < pdfs.length; i += 2) {
    const checks = await Promise.all(pdfs.slice(i, i + 2).map(async (file) => [file, await qpdfCheck(join(outDir, file))] as const));
    for (const [file, check] of checks) if (!check.ok) problems.push(`${file}: qpdf --check fails: ${check.output.split('\n').slice(0, 3).join(' ')}`);
  }
  let manifest: ManifestLike;
  try {
    manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as ManifestLike;
  } catch (error) {
    problems.push(`manifest.json: cannot be read: ${(error as Error).message}`);
    return problems;
  }
  const listed = new Map<string, ManifestFile>();
  for (const entry of manifest.publications) {
    for (const file of [entry, ...(entry.files ?? []), ...(entry.print ? [entry.print] : []), ...(entry.preview ? [entry.preview] : [])]) listed.set(file.file, file);
  }
  for (const { file, bytes, sha256 } of listed.values()) {
    const path = join(outDir, file);
    const size = await stat(path).then((info) => info.size, () => undefined);
    if (size === undefined) {
      problems.push(`${file}: listed in the manifest, missing`);
      continue;
    }
    if (size !== bytes) problems.push(`${file}: ${size} bytes, the manifest says ${bytes}`);
    const digest = createHash('sha256').update(await readFile(path)).digest('hex');
    if (digest !== sha256) problems.push(`${file}: SHA-256 differs from the manifest's`);
  }
  // The checksums file lists exactly what the manifest lists, with the same sums.
  const sums = (await readFile(join(outDir, 'SHA256SUMS'), 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('  ').reverse().join(' '))
    .sort();
  const expected = [...listed.values()].map(({ file, sha256 }) => `${file} ${sha256}`).sort();
  if (JSON.stringify(sums) !== JSON.stringify(expected)) problems.push('SHA256SUMS does not list what the manifest lists');
  try {
    await run('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: outDir });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    problems.push(`sha256sum -c SHA256SUMS fails: ${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(0, 3).join(' ')}`);
  }
  return problems;
}

/** The ids the manifest lists, sorted. */
export async function manifestIds(outDir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(outDir, 'manifest.json'), 'utf8')) as ManifestLike;
  return manifest.publications.map((entry) => entry.id).sort();
}

/** Temporary, staging and lock files left in a project's output and cache folders, project-relative. */
export async function leftoversIn(root: string): Promise<string[]> {
  const under = async (folder: string) => leftovers(await filesUnder(join(root, folder))).map((file) => `${folder}/${file}`);
  return [...(await under('output')), ...(await under('.cache'))];
}

/** The campaign's complete, consistent build is in place in the project's output folder, with nothing left beside it. */
export async function expectCompleteCampaign(root: string): Promise<void> {
  const out = join(root, 'output');
  expect(await outputProblems(out)).toEqual([]);
  expect(await manifestIds(out)).toEqual([...CAMPAIGN_IDS]);
  expect(await leftoversIn(root)).toEqual([]);
}
