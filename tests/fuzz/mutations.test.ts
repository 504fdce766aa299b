/**
 * The campaign's files, damaged: each case builds one campaign publication
 * with some of its files mutated, and it builds or fails with well-formed
 * diagnostics, in time. `npm test` runs a short reproducible run; `npm run
 * fuzz` a long one from a fresh seed.
 */
import { it } from 'vitest';
import { mutationCases } from './mutations.ts';
import { fuzz } from './run-fuzz.ts';
import { MUTATION_RUNS, propertyTimeout } from './settings.ts';

it(`mutations of the campaign's files build or fail with diagnostics (${MUTATION_RUNS} cases)`, async () => {
  await fuzz('mutations', mutationCases, MUTATION_RUNS);
}, propertyTimeout(MUTATION_RUNS));
