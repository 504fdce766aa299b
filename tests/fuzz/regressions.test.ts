/**
 * Every case the fuzzer once broke Roneo with, built again on every run
 * (tests/fuzz/regressions/*.json, see the README there). A case marked `bug`
 * is a known bug in code this suite does not own: it runs as `it.fails`, so
 * the suite stays green while the bug is open and turns red, asking for the
 * mark to be removed, once it is fixed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { problemsOf } from './invariants.ts';
import { IsolatedBuilder } from './isolated-builder.ts';
import { KNOWN_BUGS, knownBugOf } from './known-bugs.ts';
import { fromFixture, regressionFixtures } from './regression-fixture.ts';
import { CASE_LIMIT_MS } from './settings.ts';

const fixtures = regressionFixtures();
const TIMEOUT = CASE_LIMIT_MS + 150_000;

describe('fuzz regressions: inputs that once broke the build', () => {
  const builder = new IsolatedBuilder();
  afterAll(() => builder.close());
  const problems = async (name: string) => {
    const fuzzCase = fromFixture(fixtures.find((f) => f.name === name)!.fixture, name);
    return problemsOf(await builder.build(fuzzCase, CASE_LIMIT_MS), fuzzCase, CASE_LIMIT_MS);
  };

  it('every fixture says what it broke', () => {
    for (const { name, fixture } of fixtures) {
      expect(typeof fixture.broke === 'string' && fixture.broke.length > 0, name).toBe(true);
      expect(Object.keys(fixture.files).length + (fixture.campaign?.length ?? 0), name).toBeGreaterThan(0);
      // Only an open bug is recognised in fuzz runs: a fixed one must fail them again.
      if (fixture.known) expect(fixture.bug, `${name} has \`known\` without \`bug\``).toBeTruthy();
    }
  });

  for (const { name, fixture } of fixtures) {
    const test = fixture.bug ? it.fails : it;
    test(`${name}: ${fixture.bug ? `[known bug: ${fixture.bug}] ` : ''}${fixture.broke}`, async () => {
      expect((await problems(name)).map((problem) => problem.message)).toEqual([]);
    }, TIMEOUT);
    // While the bug is open, the case breaks the invariants only the way the bug is known to: what was fixed around it stays fixed.
    const bug = KNOWN_BUGS.find((known) => known.name === name);
    if (bug) {
      it(`${name}: fails only by its known bug`, async () => {
        const others = (await problems(name)).filter((problem) => !knownBugOf(problem, [bug]));
        expect(others.map((problem) => problem.message)).toEqual([]);
      }, TIMEOUT);
    }
  }
});
