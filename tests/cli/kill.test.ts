/**
 * `roneo build` killed with SIGKILL, the real command on a copy of the campaign whose output folder holds a
 * complete build: at points told by its output (after its 1st, 3rd and 6th line, one per publication made) and
 * at fixed delays from its start. Each build is given another SOURCE_DATE_EPOCH, so that every PDF it makes
 * differs from the one in place. After each kill every PDF of the output folder passes `qpdf --check` and the
 * manifest agrees with the files (sizes, SHA-256, `sha256sum -c SHA256SUMS`); then a normal build succeeds,
 * leaves the output complete and consistent, and nothing of staging, lock or temporary files behind.
 *
 * A kill that lands in the commit itself (a few milliseconds; the journal is then in the staging folder)
 * leaves PDFs that are each whole, and the manifest consistent only once the next build has finished the
 * commit: that is checked instead. The commit is tested point by point, without timing, in
 * tests/publish/commit-recovery.test.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCompleteCampaign, leftoversIn, outputProblems } from '../helpers/output-consistency.ts';
import { tempProject } from '../helpers/project.ts';
import { type Outcome, startRoneo } from '../helpers/roneo-process.ts';


let project: Awaited<ReturnType<typeof tempProject>>;
const children = new Set<ChildProcess>();
let epoch = 1_700_000_000;

/** The real command, in plain-line mode; `killAt` says when to SIGKILL it: after that many lines, or that many ms. */
function roneoBuild(killAt?: { lines: number } | { ms: number }): Promise<Outcome> {
  const { child, done } = startRoneo(project.root, ['build'], {
    epoch,
    children,
    onLine: (_line, running, count) => {
      if (killAt && 'lines' in killAt && count >= killAt.lines) running.kill('SIGKILL');
    },
  });
  const timer = killAt && 'ms' in killAt ? setTimeout(() => child.kill('SIGKILL'), killAt.ms) : undefined;
  return done.finally(() => clearTimeout(timer));
}

const out = () => join(project.root, 'output');
const allLeftovers = () => leftoversIn(project.root);
/** A complete, consistent build is in place, with nothing left beside it. */
const expectComplete = () => expectCompleteCampaign(project.root);

beforeAll(async () => {
  project = await tempProject({ content: true });
  const first = await roneoBuild();
  expect([first.code, first.stderr.trim()]).toEqual([0, '8 publications built']);
  await expectComplete();
}, 120_000);

afterEach(() => {
  // Never left running, whatever failed.
  for (const child of children) child.kill('SIGKILL');
});
afterAll(() => project?.cleanup());

/** What each kill found: where it landed, as told by what the build left. */
const landed: string[] = [];

describe('roneo build killed with SIGKILL', () => {
  const points: Array<[string, { lines: number } | { ms: number }]> = [
    ['after its 1st line', { lines: 1 }],
    ['after its 3rd line', { lines: 3 }],
    ['after its 6th line', { lines: 6 }],
    ['250 ms after its start', { ms: 250 }],
    ['1000 ms after its start', { ms: 1000 }],
    ['2000 ms after its start', { ms: 2000 }],
  ];

  it.each(points)('%s: the output folder stays consistent, and the next build completes it', async (name, killAt) => {
    epoch += 1;
    const manifestBefore = await readFile(join(out(), 'manifest.json'));
    const killed = await roneoBuild(killAt);
    const staging = join(out(), '.roneo-staging');
    const committed = !(await readFile(join(out(), 'manifest.json'))).equals(manifestBefore);
    const phase =
      killed.signal !== 'SIGKILL' ? 'finished before the kill'
      : existsSync(join(staging, 'journal.json')) ? 'in the commit'
      : existsSync(staging) ? 'while making its files'
      : committed ? 'after its commit'
      : 'before making any file';
    landed.push(`${name}: ${phase} (${killed.lines.length} lines)`);

    const problems = await outputProblems(out());
    if (phase === 'in the commit') {
      // Each file is whole; the manifest is made consistent by the next build, which finishes the commit.
      expect(problems.filter((line) => line.includes('qpdf'))).toEqual([]);
    } else {
      expect(problems).toEqual([]);
      // Killed before its commit: the previous build, untouched.
      if (phase === 'while making its files' || phase === 'before making any file') expect(committed).toBe(false);
    }

    const next = await roneoBuild();
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toMatch(/waiting for/);
    await expectComplete();
    // The next build made the new files (or found them made): the manifest is no longer the one before.
    expect(await readFile(join(out(), 'manifest.json'))).not.toEqual(manifestBefore);
  }, 60_000);

  afterAll(() => {
    // Where each kill landed, for whoever reads the run.
    console.log(`SIGKILL points tested: ${landed.length}\n  ${landed.join('\n  ')}`);
  });
});
