/**
 * How many cases, from which seed, and how long one may take.
 *
 * `npm test` leaves FUZZ_RUNS unset: a short run from a fixed seed, so CI
 * sees the same cases every time, with a time limit loose enough that a busy
 * 2-core machine does not fail a case for being slow. `npm run fuzz` sets
 * FUZZ_RUNS: a long run from a fresh seed, printed so a failure can be
 * replayed (`FUZZ_SEED=<seed> npm run fuzz`), and the real limit of 2 s.
 */
const env = process.env;

/** A full fuzz run (`npm run fuzz`), as opposed to the short one of `npm test`. */
export const FULL_RUN = env.FUZZ_RUNS !== undefined;

const TOTAL_RUNS = positive(env.FUZZ_RUNS, 500);

/** The runs are split between the Markdown grammar and the mutations of the campaign. */
export const GRAMMAR_RUNS = Math.ceil(TOTAL_RUNS / 2);
export const MUTATION_RUNS = Math.floor(TOTAL_RUNS / 2);

/** The seed of this test file's run. */
export const SEED = env.FUZZ_SEED !== undefined ? Math.trunc(Number(env.FUZZ_SEED)) : FULL_RUN ? (Math.random() * 2 ** 31) | 0 : 20111216;

/** The longest one build may take: over it, the case fails (a hang guard, not a benchmark). */
export const CASE_LIMIT_MS = positive(env.FUZZ_LIMIT_MS, FULL_RUN ? 2_000 : 15_000);

/**
 * Vitest's limit for a whole property: every case at its limit still fits, so
 * only the per-case guard ever stops a run (the config's 60 s would stop a
 * 10,000-case run half-way).
 */
export function propertyTimeout(runs: number): number {
  return runs * CASE_LIMIT_MS + 120_000;
}

function positive(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`expected a positive integer, got ${JSON.stringify(text)}`);
  return value;
}
