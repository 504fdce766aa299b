import { bench, describe } from 'vitest';
import type { Measurement } from './scale/measurement.ts';
import { formatTable, measure, SIZES, summarise, TOOLS } from './scale/measure.ts';

/**
 * The dossier at scale (the "Scale" section): about 300 and 600
 * A5 pages of the campaign's chapters with a footnote every three pages,
 * built by Roneo, and the same text set by plain pdfmake as the baseline.
 * Every build runs in its own process (tests/bench/scale/), so that its
 * peak memory is its own and Roneo's changes to pdfmake's prototypes never
 * reach the baseline.
 *
 * vitest's figures are whole child processes (node, the bundled build, making the
 * project); the table printed at the end gives the build alone as each
 * child timed it, and its peak memory. The targets (300 pages within 1.3×
 * the baseline, peak ≤ 250 MB, 600 pages ≤ 2.1× the 300-page time) are
 * reported there, never asserted. The same table without vitest:
 * `node --import tsx tests/bench/scale/report.ts`.
 */
const RUNS = 3;

// vitest's bench runner runs no beforeAll/afterAll hooks; nothing needs setting up, and the
// table is printed by the last benchmark's teardown, once its runs are done.
describe('dossier at scale, each build in its own process', () => {
  const measurements: Measurement[] = [];
  const options = { time: 0, iterations: RUNS, warmupTime: 0, warmupIterations: 0 };
  const last = `${TOOLS.at(-1)}, ~${SIZES.at(-1)} pages`;
  for (const size of SIZES) {
    for (const tool of TOOLS) {
      const name = `${tool}, ~${size} pages`;
      bench(
        name,
        async () => {
          measurements.push(await measure(tool, size));
        },
        {
          ...options,
          teardown: (_task, mode) => {
            if (name === last && mode === 'run') console.log(`\n${formatTable(summarise(measurements))}\n`);
          },
        },
      );
    }
  }
});
