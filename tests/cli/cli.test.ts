import { execFile } from 'node:child_process';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempProject } from '../helpers/project.ts';
import { main } from '../../src/cli/main.ts';
import { sha256 } from '../../src/publish/write-outputs.ts';

const run = promisify(execFile);
const BIN = join(REPO, 'src/cli/roneo.js');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function roneo(cwd: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const GOOD = `---
layout: leaflet
title: Tract de test
date: 2024-05-01
---

Un texte court. Janaözen.
`;

const BAD = `---
layout: leaflet
title: Tract cassé
date: 2024-13-01
---

Texte.
`;

describe('roneo CLI on a temporary project', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;

  beforeAll(async () => {
    project = await tempProject({
      files: {
        'content/leaflets/good.md': GOOD,
        'content/leaflets/bad.md': BAD,
        'content/articles/notes.md': '---\ntitle: Un article\n---\n\nPas une publication.\n',
      },
    });
  });
  afterAll(() => project.cleanup());

  it('prints usage for --help and build --help, exit 0', async () => {
    const top = await roneo(project.root, '--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: roneo <command>');
    const sub = await roneo(project.root, 'build', '--help');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('roneo build [--content DIR] [--templates DIR] [--out DIR] [--profile LIST] [--only ID ...]');
  });

  it('exits 2 on a usage error', async () => {
    const unknownFlag = await roneo(project.root, 'build', '--frobnicate');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^roneo: Unknown option '--frobnicate'/);
    const unknownCommand = await roneo(project.root, 'publish');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('roneo: unknown command `publish`');
  });

  it('checks without writing: the same problems as build, exit 1, no output folder', async () => {
    const result = await roneo(project.root, 'check');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual(['content/leaflets/bad.md:4:7: error: front matter `date` is not a real calendar date [front-matter]', '1 publication checked, 1 error']);
    await expect(stat(join(project.root, 'output'))).rejects.toThrow();
    const good = await roneo(project.root, 'check', '--only', 'leaflets/good');
    expect([good.code, good.stderr.trim()]).toEqual([0, '1 publication checked']);
    const usage = await roneo(project.root, 'check', '--out', 'x');
    expect(usage.code).toBe(2);
  });

  it('takes its defaults from roneo.config.json, and its flags over them', async () => {
    const config = join(project.root, 'roneo.config.json');
    await writeFile(config, JSON.stringify({ out: 'public', site: false }));
    try {
      expect((await roneo(project.root, 'build', '--only', 'leaflets/good')).code).toBe(0);
      await stat(join(project.root, 'public/leaflets/good.pdf'));
      expect((await roneo(project.root, 'build', '--only', 'leaflets/good', '--out', 'autre')).code).toBe(0);
      await stat(join(project.root, 'autre/leaflets/good.pdf'));
      await writeFile(config, '{ "out": "public", "sortie": "x" }');
      const refused = await roneo(project.root, 'build');
      expect([refused.code, refused.stderr.trim().split('\n')[0]]).toEqual([1, 'roneo.config.json:1:20: error: unknown setting `sortie` (settings: content, templates, fonts, out, cache, profiles, site, typography, hyphenation, images) [config]']);
    } finally {
      await rm(config, { force: true });
    }
  });

  it('--json prints one summary a script can read; --quiet prints only the problems', async () => {
    const json = await roneo(project.root, 'build', '--json');
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const summary = JSON.parse(json.stdout) as { command: string; ok: boolean; milliseconds: number; publications: Array<{ id: string; pages: number; files: Array<{ path: string; sha256: string }> }>; diagnostics: Array<{ rule: string; text: string }> };
    expect([summary.command, summary.ok]).toEqual(['build', false]);
    expect(summary.milliseconds).toBeGreaterThan(0);
    expect(summary.publications.map((p) => [p.id, p.pages])).toEqual([['leaflets/good', 1]]);
    for (const file of summary.publications[0]!.files) expect(sha256(await readFile(join(project.root, file.path))), file.path).toBe(file.sha256);
    expect(summary.diagnostics.map((d) => d.text)).toEqual(['content/leaflets/bad.md:4:7: error: front matter `date` is not a real calendar date [front-matter]']);
    const quiet = await roneo(project.root, 'build', '--quiet');
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([1, '', 'content/leaflets/bad.md:4:7: error: front matter `date` is not a real calendar date [front-matter]\n']);
    expect((await roneo(project.root, 'build', '--quiet', '--json')).code).toBe(2);
  });

  it('shows live progress on a terminal, and plain lines elsewhere', async () => {
    const run = async (terminal: boolean) => {
      const out: string[] = [];
      const status: string[] = [];
      await main(['build', '--only', 'leaflets/good'], { stdout: (line) => out.push(line), stderr: () => undefined, cwd: project.root, ...(terminal ? { status: (text: string) => status.push(text) } : {}) });
      return { out, status };
    };
    const terminal = await run(true);
    expect(terminal.status[0]).toBe('[1/1] building leaflets/good…');
    expect(terminal.status.at(-1)).toBe('');
    expect(terminal.out).toHaveLength(1);
    const piped = await run(false);
    expect(piped.status).toEqual([]);
    expect(piped.out[0]).toMatch(/^leaflets\/good\s+1 page/);
  });

  it('builds the good publication, reports the bad one and exits 1', async () => {
    const result = await roneo(project.root, 'build');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^leaflets\/good\s+1 page\s+[\d.]+ kB\s+[\d.]+ s$/m);
    expect(result.stdout).not.toContain('leaflets/bad');
    expect(result.stderr).toContain('content/leaflets/bad.md:4:7: error: front matter `date` is not a real calendar date [front-matter]');
    expect(result.stderr).toContain('1 publication built, 1 error');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const manifest = JSON.parse(await readFile(join(project.root, 'output/manifest.json'), 'utf8')) as { publications: Array<{ id: string }> };
    expect(manifest.publications.map((p) => p.id)).toEqual(['leaflets/good']);
  });

  it('keeps the previous PDF when a later build of it fails', async () => {
    const pdf = join(project.root, 'output/leaflets/good.pdf');
    const before = await readFile(pdf);
    await writeFile(join(project.root, 'content/leaflets/good.md'), GOOD.replace('title: Tract de test', 'title: [unclosed'));
    const result = await roneo(project.root, 'build', '--only', 'leaflets/good');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/leaflets\/good\.md:[34]:\d+: error: invalid front matter: .* \[front-matter-yaml\]/);
    expect(await readFile(pdf)).toEqual(before);
    await writeFile(join(project.root, 'content/leaflets/good.md'), GOOD);
  });

  it('honours --only, --content, --templates and --out, exit 0', async () => {
    const result = await roneo(project.root, 'build', '--only', 'leaflets/good', '--content', 'content', '--templates', 'templates', '--out', 'elsewhere');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect((await stat(join(project.root, 'elsewhere/leaflets/good.pdf'))).size).toBeGreaterThan(1000);
    expect((await stat(join(project.root, 'elsewhere/manifest.json'))).isFile()).toBe(true);
  });

  it('takes several ids after one --only, and refuses stray words without it', async () => {
    await writeFile(join(project.root, 'content/leaflets/other.md'), GOOD.replace('Tract de test', 'Autre tract'));
    const result = await roneo(project.root, 'build', '--only', 'leaflets/good', 'leaflets/other', '--out', 'several');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['leaflets/good', 'leaflets/other']);
    const stray = await roneo(project.root, 'build', 'leaflets/good');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('roneo: unexpected argument `leaflets/good`');
  });

  it('reports an unknown --only id as an error', async () => {
    const result = await roneo(project.root, 'build', '--only', 'leaflets/nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content:1:1: error: no publication with id `leaflets/nope` in the content folder [unknown-publication]');
  });
});

describe('roneo CLI when the output cannot be written', () => {
  it('reports the failed write and exits 1, with no stack trace', async () => {
    const project = await tempProject({ files: { 'content/leaflets/good.md': GOOD, blocked: 'a file where a folder should be' } });
    try {
      const result = await roneo(project.root, 'build', '--out', 'blocked');
      expect(result.code).toBe(1);
      // The lock is the first thing a build writes in the output folder.
      expect(result.stderr).toContain('blocked/.roneo-lock:1:1: error: cannot lock the output folder: a folder on the way is a file [write-output]');
      expect(result.stderr).not.toContain(project.root);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await project.cleanup();
    }
  });
});

describe('roneo CLI on deeply nested lists', () => {
  it('sets lists nested 14 deep and --quiet prints nothing: no warning from the engine past 10 levels', async () => {
    const nested = Array.from({ length: 14 }, (_, depth) => `${'  '.repeat(depth)}- niveau ${depth + 1}`).join('\n');
    const project = await tempProject({ files: { 'content/leaflets/profond.md': `---\nlayout: leaflet\ntitle: Listes imbriquées\ndate: 2024-05-01\n---\n\n${nested}\n` } });
    try {
      const result = await roneo(project.root, 'build', '--quiet', '--profile', 'screen');
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      await project.cleanup();
    }
  });
});
