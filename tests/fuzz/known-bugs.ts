/**
 * Bugs the fuzzer found in code this suite does not own, still open: each is
 * a regression case marked `bug` (it runs as `it.fails`) with `known`, which
 * says how to recognise it. A fuzz case that breaks an invariant only the way
 * a known bug does is counted, not failed, so a long run goes on looking for
 * new bugs; once the bug is fixed and its mark removed, meeting it fails again.
 */
import type { Problem } from './invariants.ts';
import { regressionFixtures } from './regression-fixture.ts';

export interface KnownBug {
  /** The regression case that shows it. */
  name: string;
  flaw: Problem['flaw'];
  /** The rules of the diagnostics that show it; unset, any. */
  rules?: readonly string[];
  /** Words their reason contains; unset, any. */
  reason?: string;
}

export const KNOWN_BUGS: readonly KnownBug[] = regressionFixtures().flatMap(({ name, fixture }) =>
  fixture.bug && fixture.known ? [{ name, ...fixture.known }] : [],
);

export function knownBugOf(problem: Problem, bugs: readonly KnownBug[] = KNOWN_BUGS): KnownBug | undefined {
  return bugs.find(
    (bug) =>
      bug.flaw === problem.flaw &&
      (bug.rules === undefined || (problem.rule !== undefined && bug.rules.includes(problem.rule))) &&
      (bug.reason === undefined || (problem.reason !== undefined && problem.reason.includes(bug.reason))),
  );
}
