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
import { fromFixture, regressionFixtures } from './regression-fixture.ts';
import { CASE_LIMIT_MS } from './settings.ts';

const fixtures = regressionFixtures();

describe('fuzz regressions: inputs that once broke the build', () => {
  const builder = new IsolatedBuilder();
  afterAll(() => builder.close());

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
      const fuzzCase = fromFixture(fixture, name);
      const outcome = await builder.build(fuzzCase, CASE_LIMIT_MS);
      expect(problemsOf(outcome, fuzzCase, CASE_LIMIT_MS).map((problem) => problem.message)).toEqual([]);
    }, CASE_LIMIT_MS + 150_000);
  }
});
