/**
 * Documents drawn from the Markdown grammar, each built alone: it builds, or
 * fails with well-formed diagnostics, in time. `npm test` runs a short
 * reproducible run; `npm run fuzz` a long one from a fresh seed.
 */
import { it } from 'vitest';
import { grammarCases } from './grammar-cases.ts';
import { pictureFiles } from './pictures.ts';
import { fuzz } from './run-fuzz.ts';
import { GRAMMAR_RUNS, propertyTimeout } from './settings.ts';

it(`documents from the Markdown grammar build or fail with diagnostics (${GRAMMAR_RUNS} cases)`, async () => {
  await fuzz('grammar', grammarCases(await pictureFiles()), GRAMMAR_RUNS);
}, propertyTimeout(GRAMMAR_RUNS));
