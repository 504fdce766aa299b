/**
 * Nothing is fetched from the network at build time: the real command, run on
 * a copy of the campaign with every network door of Node trapped (see
 * no-network-preload.mjs), builds everything, the download page and its
 * previews included, and the trap records no attempt. The first test shows the
 * trap itself catches what it should, so the others cannot pass by accident.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempProject } from '../helpers/project.ts';

const run = promisify(execFile);
const PRELOAD = join(REPO, 'tests/confinement/no-network-preload.mjs');
const BIN = join(REPO, 'src/cli/roneo.js');

describe('no network access', () => {
  let logDir: string;
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    logDir = await mkdtemp(join(tmpdir(), 'roneo-network-'));
    project = await tempProject({ content: true });
  });
  afterAll(async () => {
    await rm(logDir, { recursive: true, force: true });
    await project?.cleanup();
  });

  /** Runs node with the trap; resolves with the attempts it logged. */
  async function trapped(name: string, args: string[], cwd = REPO): Promise<{ attempts: string[]; stdout: string; stderr: string; code: number }> {
    const log = join(logDir, `${name}.log`);
    await writeFile(log, '');
    let outcome: { stdout: string; stderr: string; code: number };
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', PRELOAD, ...args], { cwd, env: { ...process.env, RONEO_NETWORK_LOG: log, CI: '1' }, maxBuffer: 1 << 24 });
      outcome = { stdout, stderr, code: 0 };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      outcome = { stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: e.code ?? -1 };
    }
    const attempts = (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
    return { ...outcome, attempts };
  }

  it('the trap catches fetch, http, https, raw sockets and name lookups, also from ES modules', async () => {
    const script = [
      "import { request } from 'node:http';",
      "import https from 'node:https';",
      "import net from 'node:net';",
      "import { lookup } from 'node:dns';",
      'const tries = [',
      "  () => fetch('http://127.0.0.1:9/'),",
      "  () => request('http://127.0.0.1:9/'),",
      "  () => https.get('https://example.org/'),",
      '  () => new net.Socket().connect(9, "127.0.0.1"),',
      "  () => lookup('example.org', () => {}),",
      '];',
      'for (const attempt of tries) { try { await attempt(); } catch {} }',
    ].join('\n');
    const { attempts } = await trapped('canary', ['--input-type=module', '-e', script]);
    expect(attempts.map((line) => line.split(' ')[0])).toEqual(['fetch', 'http.request', 'https.request', 'net.Socket.connect', 'dns.lookup']);
  });

  it('roneo build makes every publication, the download page and its previews without touching the network', async () => {
    const { attempts, code, stderr } = await trapped('build', [BIN, 'build'], project.root);
    expect(stderr).not.toMatch(/error|warning|network/);
    expect(code).toBe(0);
    expect(attempts).toEqual([]);
    // The previews were drawn (pdfjs) and the page written: the whole build ran under the trap.
    const manifest = JSON.parse(await readFile(join(project.root, 'output/manifest.json'), 'utf8')) as { publications: Array<{ preview?: { file: string } }> };
    const previews = manifest.publications.flatMap((publication) => (publication.preview ? [publication.preview.file] : []));
    expect(previews.length).toBeGreaterThanOrEqual(5);
    for (const file of previews) expect((await readFile(join(project.root, 'output', file))).subarray(8, 12).toString()).toBe('WEBP');
    expect(await readFile(join(project.root, 'output/index.html'), 'utf8')).toContain(previews[0]);
  });

  it('roneo check reads and checks everything without touching the network', async () => {
    const { attempts, code } = await trapped('check', [BIN, 'check'], project.root);
    expect(code).toBe(0);
    expect(attempts).toEqual([]);
  });
});
