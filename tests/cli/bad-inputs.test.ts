/**
 * Many bad contributions at once, through the real command: `roneo build
 * --quiet` on a temporary project holding several inputs of the diagnostics
 * catalogue beside a good leaflet. Whatever they hold, the command exits 1
 * and prints one well-formed line per problem (the catalogue's own), never a
 * stack trace; the good leaflet is written, and nothing is written outside
 * the output folder.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generated } from '../diagnostics/generated-inputs.ts';
import { REPO, tempProject } from '../helpers/project.ts';

const run = promisify(execFile);
const BIN = join(REPO, 'src/cli/roneo.js');
const CASES = join(REPO, 'tests/diagnostics/cases');

const GOOD = '---\nlayout: leaflet\ntitle: Un tract sans défaut\ndate: 2024-05-01\n---\n\nRien à signaler ici.\n';

/** Catalogue cases whose inputs go into the project, and whose `.expected` lines the command must print. */
const CATALOGUE = ['empty-file', 'file-too-large', 'nesting-limit-lists', 'nesting-limit-mixed', 'footnote-limit', 'output-name', 'template-field', 'variants-slug-path'];

/** A case's committed files (its `.md`, or its folder laid out as project paths). */
async function committed(name: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const entries = await readdir(CASES, { withFileTypes: true });
  if (entries.some((entry) => entry.name === `${name}.md`)) files[`content/leaflets/${name}.md`] = await readFile(join(CASES, `${name}.md`));
  if (entries.some((entry) => entry.name === name && entry.isDirectory())) {
    for (const entry of await readdir(join(CASES, name), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files[relative(join(CASES, name), join(entry.parentPath, entry.name))] = await readFile(join(entry.parentPath, entry.name));
    }
  }
  return files;
}

async function expectedLines(name: string): Promise<string[]> {
  const text = await readFile(join(CASES, `${name}.expected`), 'utf8');
  return text.split('\n').filter((line) => line !== '');
}

/** Every file under `dir`, project-relative. */
async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

describe('roneo build on a project full of bad inputs', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let outcome: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const makers: Record<string, () => Record<string, string>> = {
      'file-too-large': generated.fileTooLarge,
      'nesting-limit-lists': generated.nestedLists,
      'nesting-limit-mixed': generated.nestedMixed,
      'footnote-limit': generated.footnotes,
      'output-name': generated.outputNames,
    };
    const files: Record<string, string | Uint8Array> = { 'content/leaflets/good.md': GOOD };
    for (const name of CATALOGUE) Object.assign(files, await committed(name), makers[name]?.());
    project = await tempProject({ files });
    // About 6 s on a 2-core machine.
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, 'build', '--quiet'], { cwd: project.root, env: { ...process.env, SOURCE_DATE_EPOCH: '' }, maxBuffer: 16 * 1024 * 1024 });
      outcome = { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      outcome = { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  });
  afterAll(() => project.cleanup());

  it('exits 1 and prints exactly the catalogue’s lines, one well-formed line each, no stack trace', async () => {
    expect(outcome.code, outcome.stderr).toBe(1);
    expect(outcome.stdout).toBe('');
    const lines = outcome.stderr.split('\n').filter((line) => line !== '');
    const expected = (await Promise.all(CATALOGUE.map(expectedLines))).flat();
    expect([...lines].sort()).toEqual([...expected].sort());
    for (const line of lines) {
      expect(line).not.toMatch(/^\s+at /);
      expect(line).toMatch(/^\S.*:\d+:\d+: (error|warning): .+ \[[a-z][a-z0-9-]*\]$/);
    }
  });

  it('writes the good leaflet, and the local groups’ leaflets under safe names inside the output folder', async () => {
    const pdf = await readFile(join(project.root, 'output/leaflets/good.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const written = await filesUnder(project.root, 'output');
    expect(written).toEqual(expect.arrayContaining(['output/leaflets/tract/escape.pdf', 'output/leaflets/tract/etc-x.pdf', 'output/leaflets/tract/a-b.pdf']));
    // Nothing anywhere but the project's inputs, the output folder and the cache.
    const everything = await filesUnder(project.root, '.');
    const outside = everything.filter((path) => !/^(content|templates|fonts|output|\.cache)\//.test(path));
    expect(outside).toEqual([]);
    expect(written.filter((path) => /escape|passwd|etc-x/.test(path) && !path.startsWith('output/leaflets/tract/'))).toEqual([]);
  });
});
