import { bench, describe } from 'vitest';
import { measureVariants } from './variants/measure.ts';

/**
 * A leaflet for 1,000 local groups against a cold build of one (the
 * leaflets issue's target: each variant beyond the first costs at most a
 * tenth of the cold build). Each build is a `roneo build` process of its
 * own on a temporary project; the figures are printed, never asserted. The
 * same without vitest: `node --import tsx tests/bench/variants/report.ts`.
 */
describe('leaflet variants', () => {
  bench(
    '1,000 local groups vs one, each a roneo build process',
    async () => {
      console.log(`\n${(await measureVariants(1000, 1)).join('\n')}\n`);
    },
    { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 0 },
  );
});
