/**
 * Every case the fuzzer once broke Roneo with, built again on every run
 * (tests/fuzz/regressions/*.json, see the README there). A case marked `bug`
 * is a known bug in code this suite does not own: it runs as `it.fails`, so
 * the suite stays green while the bug is open and turns red, asking for the
 * mark to be removed, once it is fixed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { problemsOf } from './invariants.ts';
import { IsolatedBuilder } from './isolated-builder.ts';
import { fromFixture, type RegressionFixture } from './regression-fixture.ts';
import { CASE_LIMIT_MS } from './settings.ts';

const FOLDER = fileURLToPath(new URL('./regressions/', import.meta.url));
const fixtures = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ name: file.slice(0, -'.json'.length), fixture: JSON.parse(readFileSync(`${FOLDER}${file}`, 'utf8')) as RegressionFixture }));

describe('fuzz regressions: inputs that once broke the build', () => {
  const builder = new IsolatedBuilder();
  afterAll(() => builder.close());

  it('every fixture says what it broke', () => {
    for (const { name, fixture } of fixtures) {
      expect(typeof fixture.broke === 'string' && fixture.broke.length > 0, name).toBe(true);
      expect(Object.keys(fixture.files).length + (fixture.campaign?.length ?? 0), name).toBeGreaterThan(0);
    }
  });

  for (const { name, fixture } of fixtures) {
    const test = fixture.bug ? it.fails : it;
    test(`${name}: ${fixture.bug ? `[known bug: ${fixture.bug}] ` : ''}${fixture.broke}`, async () => {
      const fuzzCase = fromFixture(fixture, name);
      const outcome = await builder.build(fuzzCase, CASE_LIMIT_MS);
      expect(problemsOf(outcome, fuzzCase, CASE_LIMIT_MS)).toEqual([]);
    }, CASE_LIMIT_MS + 150_000);
  }
});
