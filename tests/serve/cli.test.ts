import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVE_USAGE, USAGE } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import { REPO } from '../helpers/project.ts';
import { get, tempFolder } from './helpers.ts';

const BIN = join(REPO, 'src/cli/roneo.js');
const LINE = /^Serving (.+) at (http:\/\/127\.0\.0\.1:(\d+)\/) \(Ctrl\+C to stop\)$/;

/** main() in this process, its output kept; `signal` stops a serve. */
function run(argv: string[], cwd: string, signal?: AbortSignal) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let printed: () => void = () => {};
  const firstLine = new Promise<void>((done) => (printed = done));
  const code = main(argv, {
    cwd,
    stdout: (line) => {
      stdout.push(line);
      printed();
    },
    stderr: (line) => stderr.push(line),
    ...(signal ? { signal } : {}),
  });
  return { code, stdout, stderr, firstLine };
}

/** A port taken by another listener on 127.0.0.1. */
async function occupiedPort(): Promise<Server> {
  const blocker = createServer();
  blocker.listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  return blocker;
}

describe('roneo serve on the command line', () => {
  let place: Awaited<ReturnType<typeof tempFolder>>;

  beforeAll(async () => {
    place = await tempFolder({ 'site/index.html': '<!doctype html><title>built</title>\n', 'site/dossier.pdf': '%PDF-1.7 x\n', 'a-file': 'x' });
  });
  afterAll(() => place?.cleanup());

  it('lists serve in roneo --help, and prints its own usage for serve --help', async () => {
    const top = run(['--help'], place.dir);
    expect(await top.code).toBe(0);
    expect(top.stdout.join('\n')).toBe(USAGE);
    expect(USAGE).toMatch(/^ {2}serve +\S/m);
    for (const flag of ['--help', '-h']) {
      const sub = run(['serve', flag], place.dir);
      expect(await sub.code).toBe(0);
      expect(sub.stdout.join('\n')).toBe(SERVE_USAGE);
    }
    expect(SERVE_USAGE).toContain('Usage: roneo serve [--out DIR] [--port N] [--host ADDRESS]');
  });

  it.each([
    [['--port', 'abc'], '--port needs a number from 0 to 65535, not `abc`'],
    [['--port', '65536'], '--port needs a number from 0 to 65535, not `65536`'],
    [['--port=-1'], '--port needs a number from 0 to 65535, not `-1`'],
    [['--port', '0x50'], '--port needs a number from 0 to 65535, not `0x50`'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['site'], 'unexpected argument `site`'],
    [['--out', ''], '--out needs a folder'],
    [['--host', ''], '--host needs an address'],
  ])('usage error %j: exit 2, the reason, then the usage', async (args, reason) => {
    const result = run(['serve', ...args], place.dir);
    expect(await result.code).toBe(2);
    expect(result.stderr[0]).toContain(`roneo: ${reason}`);
    expect(result.stderr[1]).toBe(SERVE_USAGE);
    expect(result.stdout).toEqual([]);
  });

  it('serves until its signal aborts, then closes and returns 0', async () => {
    const stop = new AbortController();
    const result = run(['serve', '--out', 'site', '--port', '0'], place.dir, stop.signal);
    await result.firstLine;
    const [, shown, url] = LINE.exec(result.stdout[0]!) ?? [];
    expect(shown).toBe('site/');
    const answer = await get(url!, '/');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('<title>built</title>');
    stop.abort();
    expect(await result.code).toBe(0);
    expect(result.stderr).toEqual([]);
    await expect(get(url!, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a missing output folder: one line, exit 1', async () => {
    const result = run(['serve', '--out', 'not-built', '--port', '0'], place.dir);
    expect(await result.code).toBe(1);
    expect(result.stderr).toEqual(['roneo: there is no folder `not-built` to serve; run `roneo build` first, or name it with --out']);
    const file = run(['serve', '--out', 'a-file', '--port', '0'], place.dir);
    expect(await file.code).toBe(1);
    expect(file.stderr).toEqual(['roneo: `a-file` is not a folder; name the output folder with --out']);
  });

  it('a port in use: one line, exit 1', async () => {
    const blocker = await occupiedPort();
    try {
      const { port } = blocker.address() as AddressInfo;
      const result = run(['serve', '--out', 'site', '--port', String(port)], place.dir);
      expect(await result.code).toBe(1);
      expect(result.stderr).toEqual([`roneo: port ${port} is in use; choose another with --port`]);
      expect(result.stdout).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  describe('as a real process', () => {
    /** Spawns `roneo serve`, waiting for its first line on stdout. */
    async function spawnServe(args: string[]) {
      const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: place.dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      const ready = new Promise<void>((done) => child.stdout.on('data', () => stdout.includes('\n') && done()));
      await Promise.race([ready, exited]);
      return { child, exited, output: () => ({ stdout, stderr }) };
    }

    it.each(['SIGINT', 'SIGTERM'] as const)('prints the URL, serves, and exits 0 on %s', async (signal) => {
      const { child, exited, output } = await spawnServe(['--port', '0', '--out', join(place.dir, 'site')]);
      const line = output().stdout.split('\n')[0]!;
      const [, shown, url] = LINE.exec(line) ?? [];
      expect([line, output().stderr]).toEqual([expect.stringMatching(LINE), '']);
      expect(shown).toBe(`${join(place.dir, 'site')}/`);
      const answer = await get(url!, '/dossier.pdf');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/pdf');
      expect(answer.body.toString()).toBe('%PDF-1.7 x\n');
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output().stderr).toBe('');
    });

    it('a port in use: exit 1 with one line on stderr, no stack trace', async () => {
      const blocker = await occupiedPort();
      try {
        const { port } = blocker.address() as AddressInfo;
        const { exited, output } = await spawnServe(['--port', String(port), '--out', 'site']);
        expect(await exited).toBe(1);
        expect(output()).toEqual({ stdout: '', stderr: `roneo: port ${port} is in use; choose another with --port\n` });
      } finally {
        blocker.close();
      }
    });
  });
});
