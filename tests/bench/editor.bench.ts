/**
 * The editor's workflow, timed as editors live it: each build is a fresh
 * `roneo` process on a copy of the campaign (startup, imports and font
 * loading included, as with the Typst figures the issue quotes), next to
 * the engine's floor: a bare pdfmake script setting the same dossier text
 * with the same fonts, run the same way in the same run.
 *
 * - cold, like for like: the dossier's reading PDF alone (no print files, no
 *   download page, nothing kept between builds), against the floor;
 * - cold, everything: the dossier, then the whole campaign, as `roneo build`
 *   makes them by default (print files, previews, the download page);
 * - no change: `roneo build` again on a project already built;
 * - warm: `roneo watch`'s rebuild after an edit, the command running in its own process that has built
 *   once (fonts parsed, templates compiled): a leaflet edited, and an article
 *   (which rebuilds the dossier and the pamphlet that include it). Timed from
 *   the write to the line the command prints, chokidar's notice and the 15 ms
 *   gathering of changes included; the download page and previews follow it.
 *   The rebuild's own time, as the line gives it, is printed beside.
 *
 * Targets (issue 9, reported, never asserted): cold dossier ≤ 1.1× the
 * floor; whole campaign ≤ 2× the cold dossier; no-change build ≤ 300 ms;
 * warm leaflet ≤ 80 ms; warm dossier ≤ 250 ms.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { bench, describe } from 'vitest';
import { bundle } from '../../src/cli/compiled.js';
import { REPO } from '../helpers/project.ts';

const run = promisify(execFile);
/** Before each warm edit: the previous rebuild's download page and its look at the file again are done by then. */
const SETTLE_MS = 400;
const ROneo = join(REPO, 'src/cli/roneo.js');

async function project(config: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'roneo-bench-'));
  for (const dir of ['content', 'templates', 'fonts']) await cp(join(REPO, dir), join(root, dir), { recursive: true });
  await writeFile(join(root, 'roneo.config.json'), JSON.stringify(config));
  return root;
}

const roneo = (cwd: string, ...args: string[]) => run(process.execPath, [ROneo, ...args], { cwd, env: { ...process.env, CI: '1' } });

// vitest's bench runner does not run beforeAll hooks: set up in the describe body.
describe('the editor’s workflow, one process per build', async () => {
  const readingOnly = await project({ cache: false, site: false, profiles: ['screen'] });
  const everything = await project({ cache: false });
  const incremental = await project({});
  const floor = await bundle('tests/bench/scale/plain-pdfmake.ts', ['tests/bench/scale', 'tests/helpers'], 'bench-floor');
  // The command's own bundle is made by its first run, not timed.
  await roneo(readingOnly, '--help');
  await roneo(incremental, 'build', '--quiet');
  const options = { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 };

  bench('floor: bare pdfmake script, the dossier’s text and fonts', async () => {
    await run(process.execPath, [floor, '--campaign', '--write', join(readingOnly, 'floor.pdf')], { cwd: REPO });
  }, options);
  bench('cold: roneo build, the dossier’s reading PDF alone', async () => {
    await roneo(readingOnly, 'build', '--only', 'dossier', '--quiet');
  }, options);
  bench('cold: roneo build, the dossier with every file (print files, preview, page)', async () => {
    await roneo(everything, 'build', '--only', 'dossier', '--quiet');
  }, options);
  bench('cold: roneo build, the whole campaign with every file', async () => {
    await roneo(everything, 'build', '--quiet');
  }, options);
  bench('no change: roneo build on a project already built', async () => {
    await roneo(incremental, 'build', '--quiet');
  }, options);
});

describe('the editor’s workflow, warm: roneo watch', async () => {
  const root = await project({});
  // The command itself, as an editor runs it (bundled, in its own process), printing a plain line per rebuild.
  const child = spawn(process.execPath, [ROneo, 'watch'], { cwd: root, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const waiting: Array<{ match: RegExp; resolve(line: string): void }> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.find((w) => w.match.test(line));
    if (waiter) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const line = (match: RegExp) => new Promise<string>((resolve) => waiting.push({ match, resolve }));
  await line(/^watching /);
  let edits = 0;
  /**
   * By file edited: the time from the write to the rebuild's line, and the rebuild's own time as the line
   * gives it (to the hundredth of a second). The bench's own figure also counts the pause before each
   * edit, which lets the previous one settle (its download page, and the look at the file 60 ms after).
   */
  const times = new Map<string, { latency: number[]; own: number[] }>();
  /** Edits a file with new text each time (a return to an earlier text would be found unchanged) and waits for the rebuild it causes. */
  const rebuild = async (file: string, expected: readonly string[]) => {
    const original = await readFile(join(root, file), 'utf8');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rebuilt = line(/^rebuilt |^not rebuilt/);
    edits += 1;
    const written = performance.now();
    await writeFile(join(root, file), `${original}\nÉdition ${edits}.\n`);
    const printed = await rebuilt;
    const latency = performance.now() - written;
    const own = /^rebuilt (.*) in ([\d.]+) s$/.exec(printed);
    if (!own || own[1] !== expected.join(', ')) throw new Error(`unexpected rebuild: ${printed}`);
    const seen = times.get(file) ?? { latency: [], own: [] };
    seen.latency.push(latency);
    seen.own.push(Number(own[2]) * 1000);
    times.set(file, seen);
  };
  const options = { time: 0, iterations: 7, warmupTime: 0, warmupIterations: 1 };
  bench('warm: a leaflet edited, rebuilt by roneo watch (with the pause before the edit)', async () => {
    await rebuild('content/leaflets/solidarite-janvier-2022.md', ['leaflets/solidarite-janvier-2022']);
  }, options);
  let articleRuns = 0;
  bench('warm: an article edited, the dossier and its pamphlet rebuilt by roneo watch (with the pause)', async () => {
    await rebuild('content/articles/janaozen-2011.md', ['dossier', 'pamphlets/janaozen-2011']);
    // The bench runner runs no hooks: the command is stopped after the last run.
    articleRuns += 1;
    if (articleRuns === options.warmupIterations + options.iterations) {
      child.kill('SIGINT');
      const summary = (all: number[]) => {
        const timed = all.slice(options.warmupIterations).sort((a, b) => a - b);
        return `mean ${(timed.reduce((sum, t) => sum + t, 0) / timed.length).toFixed(0)} ms (${timed[0]!.toFixed(0)}–${timed.at(-1)!.toFixed(0)})`;
      };
      for (const [file, { latency, own }] of times) console.log(`warm, ${file}: write to line ${summary(latency)}; the rebuild itself ${summary(own)}`);
    }
  }, options);
});
