/**
 * Prints the leaflet-variants figures (see measure.ts):
 *
 *   node --import tsx tests/bench/variants/report.ts [--groups 1000] [--runs 3]
 */
import { measureVariants } from './measure.ts';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

process.stdout.write(`${(await measureVariants(argument('--groups', 1000), argument('--runs', 3))).join('\n')}\n`);
