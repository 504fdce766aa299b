/**
 * `roneo watch` on the command line: its usage, its lines in this process (stopped by an AbortSignal), and
 * the real binary in a child process, stopped by SIGINT. Output is waited for line by line, never by time.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { USAGE, WATCH_USAGE } from '../../src/cli/args.ts';
import { main } from '../../src/cli/main.ts';
import { REPO, tempProject } from '../helpers/project.ts';

const BIN = join(REPO, 'src/cli/roneo.js');
const LEAFLET = '---\nlayout: leaflet\ntitle: Tract de test\ndate: 2024-05-01\n---\n\nUn texte court. Janaözen.\n';
const FILE = 'content/leaflets/good.md';
const WATCHING = 'watching content/, templates/, fonts/ and roneo.config.json for changes (Ctrl+C to stop)';
const TIME = String.raw`\d+\.\d\d s`;

/** Lines as they come, and a promise of the first (from `from` on) that matches. */
class Lines {
  readonly lines: string[] = [];
  private waiting: Array<{ from: number; pattern: RegExp; found(line: string): void }> = [];

  push(text: string): void {
    for (const line of text.split('\n')) {
      this.lines.push(line);
      for (const waiter of [...this.waiting]) {
        if (this.lines.length - 1 < waiter.from || !waiter.pattern.test(line)) continue;
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.found(line);
      }
    }
  }

  /** The first line from now on that matches. */
  next(pattern: RegExp): Promise<string> {
    return new Promise((found) => this.waiting.push({ from: this.lines.length, pattern, found }));
  }
}

let project: Awaited<ReturnType<typeof tempProject>>;
beforeAll(async () => {
  project = await tempProject({ files: { [FILE]: LEAFLET } });
});
afterAll(() => project?.cleanup());

const edit = async (change: (text: string) => string) => writeFile(join(project.root, FILE), change(await readFile(join(project.root, FILE), 'utf8')));

describe('roneo watch: usage', () => {
  const run = async (argv: string[]) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await main(argv, { cwd: project.root, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) });
    return { code, stdout, stderr };
  };

  it('is listed by roneo --help, and watch --help prints its usage', async () => {
    expect(USAGE).toMatch(/^ {2}watch +\S/m);
    for (const flag of ['--help', '-h']) expect(await run(['watch', flag])).toEqual({ code: 0, stdout: [WATCH_USAGE], stderr: [] });
    expect(WATCH_USAGE).toContain('Usage: roneo watch [--content DIR] [--templates DIR] [--fonts DIR] [--out DIR] [--profile LIST] [--only ID ...] [--quiet]');
  });

  it.each([
    [['--json'], "Unknown option '--json'"],
    [['--force'], "Unknown option '--force'"],
    [['--profile', 'print'], 'unknown profile `print` (profiles: screen, home, shop)'],
    [['--quiet', 'leaflets/good'], 'unexpected argument `leaflets/good`'],
  ])('usage error %j: exit 2, the reason, then the usage', async (args, reason) => {
    const result = await run(['watch', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toContain(`roneo: ${reason}`);
    expect(result.stderr[1]).toBe(WATCH_USAGE);
    expect(result.stdout).toEqual([]);
  });
});

describe('roneo watch in this process', () => {
  it('builds, prints a line per rebuild and each problem, keeps watching, and returns 0 when stopped', async () => {
    const stdout = new Lines();
    const stderr = new Lines();
    const stop = new AbortController();
    const ready = stdout.next(/^watching /);
    const code = main(['watch', '--profile', 'screen'], { cwd: project.root, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), signal: stop.signal });
    try {
      expect(await ready).toBe(WATCHING);
      expect(stdout.lines.slice(0, -1)).toEqual([expect.stringMatching(/^leaflets\/good +1 page /), expect.stringMatching(new RegExp(`^built 1 publication in ${TIME}$`))]);

      let line = stdout.next(/./);
      await edit((text) => `${text}\nUne ligne de plus.\n`);
      expect(await line).toMatch(new RegExp(`^rebuilt leaflets/good in ${TIME}$`));

      line = stdout.next(/./);
      const problem = stderr.next(/./);
      await edit((text) => text.replace('date: 2024-05-01', 'date: 2024-13-01'));
      expect(await line).toMatch(new RegExp(`^not rebuilt \\(${TIME}\\); 1 error$`));
      expect(await problem).toBe(`${FILE}:4:7: error: front matter \`date\` is not a real calendar date [front-matter]`);

      line = stdout.next(/./);
      await edit((text) => text.replace('date: 2024-13-01', 'date: 2024-05-02'));
      expect(await line).toMatch(new RegExp(`^rebuilt leaflets/good in ${TIME}$`));
    } finally {
      stop.abort();
    }
    expect(await code).toBe(0);
    expect(stderr.lines).toEqual([`${FILE}:4:7: error: front matter \`date\` is not a real calendar date [front-matter]`]);
  });

  it('--quiet prints only the problems', async () => {
    const stdout = new Lines();
    const stderr = new Lines();
    const stop = new AbortController();
    const code = main(['watch', '--quiet', '--profile', 'screen'], { cwd: project.root, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), signal: stop.signal });
    try {
      const problem = stderr.next(/./);
      // Seen by the first build or as a change after it: reported either way.
      await edit((text) => text.replace(/^date: .*$/m, 'date: 2024-02-30'));
      expect(await problem).toBe(`${FILE}:4:7: error: front matter \`date\` is not a real calendar date [front-matter]`);
    } finally {
      await edit((text) => text.replace(/^date: .*$/m, 'date: 2024-05-03'));
      stop.abort();
    }
    expect(await code).toBe(0);
    expect(stdout.lines).toEqual([]);
  });
});

describe('roneo watch as a real process', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(() => {
    // Never left running, whatever failed.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('builds, rebuilds after an edit, and exits 0 on %s', async (signal) => {
    const roneo = spawn(process.execPath, [BIN, 'watch', '--profile', 'screen'], { cwd: project.root, env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
    child = roneo;
    const stdout = new Lines();
    let stderr = '';
    let partial = '';
    roneo.stdout.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      if (lines.length > 0) stdout.push(lines.join('\n'));
    });
    roneo.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((done) => roneo.on('close', (code) => done(code)));

    const ready = stdout.next(/^watching /);
    expect(await Promise.race([ready, exited.then((code) => `exited ${code}: ${stderr}`)])).toBe(WATCHING);
    const rebuilt = stdout.next(/^rebuilt /);
    await edit((text) => `${text}\nUne ligne écrite pendant la surveillance (${signal}).\n`);
    expect(await rebuilt).toMatch(new RegExp(`^rebuilt leaflets/good in ${TIME}$`));
    roneo.kill(signal);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
