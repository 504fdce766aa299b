/**
 * Runs a property over generated cases: each is built in the worker and
 * checked against the invariants. Prints what the run covered and its
 * slowest case; on a failure, writes the shrunk case where it can be copied
 * into tests/fuzz/regressions/ and fails with fast-check's report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type FuzzCase, described } from './fuzz-case.ts';
import { problemsOf } from './invariants.ts';
import { knownBugOf } from './known-bugs.ts';
import { IsolatedBuilder } from './isolated-builder.ts';
import { toFixture } from './regression-fixture.ts';
import { CASE_LIMIT_MS, FULL_RUN, SEED } from './settings.ts';

/** FUZZ_KEEP=rule,rule: every case that reports one of these rules is saved, to look at what brings a rare diagnostic. */
const KEEP_RULES = new Set((process.env.FUZZ_KEEP ?? '').split(',').filter(Boolean));

interface Tally {
  cases: number;
  built: number;
  failedWithDiagnostics: number;
  rules: Map<string, number>;
  /** Cases that met each known bug, by its regression case's name. */
  knownBugs: Map<string, number>;
  /** Cases whose build wrote each line (its start) to the console. */
  consoleLines: Map<string, number>;
  slowest: { milliseconds: number; origin: string };
}

export async function fuzz(name: string, cases: fc.Arbitrary<FuzzCase>, runs: number): Promise<void> {
  const builder = new IsolatedBuilder();
  const tally: Tally = { cases: 0, built: 0, failedWithDiagnostics: 0, rules: new Map(), knownBugs: new Map(), consoleLines: new Map(), slowest: { milliseconds: 0, origin: '' } };
  const started = performance.now();
  let shrinking = false;
  console.log(`${name}: ${runs} cases from seed ${SEED}, ${CASE_LIMIT_MS} ms each at most`);
  const property = fc.asyncProperty(cases.map(described), async (fuzzCase) => {
    const outcome = await builder.build(fuzzCase, CASE_LIMIT_MS);
    // After the first failure, fast-check is shrinking it: those cases are not the run's.
    const counted = !shrinking;
    if (counted) tally.cases += 1;
    if (outcome.kind === 'report') {
      const { milliseconds, outcome: result } = outcome.report;
      if (milliseconds > tally.slowest.milliseconds) tally.slowest = { milliseconds, origin: fuzzCase.origin };
      if (counted && result.kind === 'resolved') {
        if (result.ok) tally.built += 1;
        else tally.failedWithDiagnostics += 1;
        for (const rule of new Set(result.diagnostics.map((d) => d.rule))) {
          count(tally.rules, rule);
          if (KEEP_RULES.has(rule)) console.log(`${name}: a case reporting ${rule} is saved as ${saveCase(`${name}-${rule}`, fuzzCase, `reported ${rule}`)}`);
        }
        for (const line of new Set(outcome.report.console.map((l) => l.slice(0, 100)))) count(tally.consoleLines, line);
      }
    }
    if (counted && FULL_RUN && tally.cases % 1000 === 0) {
      const mb = Math.round(process.memoryUsage().rss / 2 ** 20);
      console.log(`${name}: ${tally.cases} cases, ${Math.round((performance.now() - started) / 1000)} s, ${mb} MB resident`);
    }
    const problems = problemsOf(outcome, fuzzCase, CASE_LIMIT_MS);
    const met = new Set(problems.map((problem) => knownBugOf(problem)).flatMap((bug) => (bug ? [bug.name] : [])));
    for (const bug of met) count(tally.knownBugs, bug);
    const open = problems.filter((problem) => !knownBugOf(problem));
    if (open.length > 0) {
      shrinking = true;
      throw new Error(open.map((problem) => problem.message).join('\n'));
    }
  });
  try {
    const details = await fc.check(property, { numRuns: runs, seed: SEED });
    console.log(summary(name, tally, performance.now() - started));
    if (details.failed) {
      const broke = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const saved = details.counterexample ? saveCase(name, details.counterexample[0], broke.split('\n')[0]!) : undefined;
      const report = fc.defaultReportMessage(details) ?? 'the property failed';
      throw new Error(`${report}\n\nWhat broke:\n${broke}${saved ? `\n\nThe shrunk case is saved as ${saved}: copy it into tests/fuzz/regressions/ and say what it broke.` : ''}`);
    }
  } finally {
    await builder.close();
  }
}

function summary(name: string, tally: Tally, milliseconds: number): string {
  const counts = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ${count}`).join(', ') || 'none';
  return [
    `${name}: ${tally.cases} cases in ${(milliseconds / 1000).toFixed(1)} s, seed ${SEED}: ${tally.built} built, ${tally.failedWithDiagnostics} stopped by errors`,
    `${name}: slowest case ${Math.round(tally.slowest.milliseconds)} ms (${tally.slowest.origin})`,
    `${name}: cases reporting each rule: ${counts(tally.rules)}`,
    `${name}: cases meeting a known bug (tests/fuzz/regressions/): ${counts(tally.knownBugs)}`,
    `${name}: cases whose build wrote to the console: ${counts(tally.consoleLines)}`,
  ].join('\n');
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function saveCase(name: string, fuzzCase: FuzzCase, broke: string): string {
  const folder = join(tmpdir(), 'roneo-fuzz');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}-${SEED}-${Date.now()}.json`);
  writeFileSync(path, `${JSON.stringify(toFixture(fuzzCase, broke), null, 2)}\n`);
  return path;
}
