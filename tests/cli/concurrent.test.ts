/**
 * Builds at the same time on one output folder, with the real command: the second waits for the first (and
 * says so), and both leave a complete, consistent output; a lock left by a process killed with SIGKILL, or
 * left empty, is taken over; `--no-wait` fails cleanly while the folder is held; Ctrl+C and SIGTERM stop a
 * build with the folder as it was and the lock released.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_IDS } from '../helpers/campaign-ids.ts';
import { expectCompleteCampaign, filesUnder, leftoversIn } from '../helpers/output-consistency.ts';
import { tempProject } from '../helpers/project.ts';
import { type Outcome, startRoneo } from '../helpers/roneo-process.ts';

const TIME = String.raw`\d\d:\d\d:\d\d`;

let project: Awaited<ReturnType<typeof tempProject>>;
const children = new Set<ChildProcess>();

/** The real command, in plain-line mode; `onLine` sees each line of stdout as it comes. */
function roneo(args: string[], options: { epoch?: number; onLine?: (line: string, child: ChildProcess) => void } = {}): { child: ChildProcess; done: Promise<Outcome> } {
  return startRoneo(project.root, args, { epoch: options.epoch ?? 1_700_000_000, children, ...(options.onLine ? { onLine: options.onLine } : {}) });
}

const out = () => join(project.root, 'output');
const lock = () => join(out(), '.roneo-lock');
const allLeftovers = () => leftoversIn(project.root);
/** A complete, consistent build is in place, with nothing left beside it. */
const expectComplete = () => expectCompleteCampaign(project.root);

beforeAll(async () => {
  project = await tempProject({ content: true });
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
});
afterAll(() => project?.cleanup());

describe('two builds on one output folder', () => {
  it('started together: both exit 0, the second waited for the first, and the output is complete and consistent', async () => {
    const first = roneo(['build']);
    const second = roneo(['build']);
    const [a, b] = await Promise.all([first.done, second.done]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    const waited = [a, b].filter((run) => run.stderr.includes('waiting for'));
    expect(waited).toHaveLength(1);
    const [waiter] = waited;
    const holder = waiter === a ? second.child : first.child;
    // Once, naming the other's process.
    expect(waiter!.stderr.match(/waiting for/g)).toHaveLength(1);
    expect(waiter!.stderr).toMatch(new RegExp(`^roneo: waiting for the build in process ${holder.pid} \\(started ${TIME}\\) to finish with output/$`, 'm'));
    // It went on once the first had put everything in place: nothing left for it to build.
    expect(waiter!.lines.every((line) => line.endsWith('unchanged'))).toBe(true);
    expect(waiter!.lines).toHaveLength(CAMPAIGN_IDS.length);
    await expectComplete();
  }, 120_000);

  it('a lock left by a process killed with SIGKILL is taken over by the next build', async () => {
    // A process that takes the lock as Roneo does, and is killed holding it.
    const script = `const fs = require('node:fs'); const os = require('node:os');
      fs.writeFileSync(process.argv[1], JSON.stringify({ pid: process.pid, hostname: os.hostname(), started: new Date().toISOString() }), { flag: 'wx' });
      console.log('locked'); setInterval(() => {}, 1000);`;
    const holder = spawn(process.execPath, ['-e', script, lock()]);
    children.add(holder);
    await new Promise<void>((locked) => holder.stdout.on('data', () => locked()));
    const gone = new Promise((exited) => holder.on('close', exited));
    holder.kill('SIGKILL');
    await gone;
    children.delete(holder);
    expect(JSON.parse(await readFile(lock(), 'utf8'))).toMatchObject({ pid: holder.pid, hostname: hostname() });

    const run = await roneo(['build', '--no-wait'], { epoch: 1_700_000_001 }).done;
    expect([run.code, run.stderr]).toEqual([0, '8 publications built\n']);
    expect(existsSync(lock())).toBe(false);
    await expectComplete();
  }, 60_000);

  it('an empty lock is waited for while it is young, and taken over once it is a few seconds old', async () => {
    await writeFile(lock(), '');
    const young = await roneo(['build', '--no-wait'], { epoch: 1_700_000_001 }).done;
    expect(young.code).toBe(1);
    expect(young.stderr).toContain('output/.roneo-lock:1:1: error: output/ is being written by another build; build again once it has finished [output-locked]');
    const old = (Date.now() - 10_000) / 1000;
    await utimes(lock(), old, old);
    const run = await roneo(['build', '--no-wait'], { epoch: 1_700_000_001 }).done;
    expect([run.code, run.stderr]).toEqual([0, '0 publications built, 8 unchanged\n']);
    expect(existsSync(lock())).toBe(false);
  }, 60_000);

  it('--no-wait fails at once while another build holds the folder, with one diagnostic line, and touches nothing', async () => {
    // This test's own process: alive, on this machine.
    await writeFile(lock(), JSON.stringify({ pid: process.pid, hostname: hostname(), started: new Date().toISOString() }));
    const before = await filesUnder(out());
    const manifest = await readFile(join(out(), 'manifest.json'));
    try {
      const run = await roneo(['build', '--no-wait'], { epoch: 1_700_000_002 }).done;
      expect(run.code).toBe(1);
      expect(run.lines).toEqual([]);
      expect(run.stderr).toMatch(new RegExp(`^output/\\.roneo-lock:1:1: error: output/ is being written by the build in process ${process.pid} \\(started ${TIME}\\); build again once it has finished \\[output-locked\\]\n0 publications built, 1 error\n$`));
      expect(await filesUnder(out())).toEqual(before);
      expect(await readFile(join(out(), 'manifest.json'))).toEqual(manifest);
      expect(JSON.parse(await readFile(lock(), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await rm(lock(), { force: true });
    }
  }, 60_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s stops a build with the output folder as it was and the lock released (exit %i)', async (signal, status) => {
    const manifest = await readFile(join(out(), 'manifest.json'));
    let sent = false;
    // Once, after its first publication: a second signal would end it at once.
    const onLine = (_line: string, child: ChildProcess) => !sent && (sent = child.kill(signal));
    const run = await roneo(['build'], { epoch: 1_700_000_100 + status, onLine }).done;
    expect(run.code).toBe(status);
    expect(run.stderr).toBe('roneo: stopped before the end; the output folder is as it was\n');
    expect(await readFile(join(out(), 'manifest.json'))).toEqual(manifest);
    expect(await allLeftovers()).toEqual([]);
    await expectComplete();
  }, 60_000);
});
