/**
 * Prints the scale table: Roneo and plain pdfmake on the ~300- and
 * ~600-page dossiers, each build in its own process.
 *
 *   node --import tsx tests/bench/scale/report.ts [--runs 3]
 */
import { formatTable, measureScale, summarise } from './measure.ts';

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: node --import tsx tests/bench/scale/report.ts [--runs N]\n');
  process.exit(2);
}
const measurements = await measureScale(runs, (m) => {
  process.stderr.write(`${m.tool.padEnd(7)} ~${m.size}: ${m.pages} pages, ${(m.ms / 1000).toFixed(2)} s (CPU ${(m.cpuMs / 1000).toFixed(2)} s), peak ${m.peakMB} MB (${m.startMB} MB before the build)\n`);
});
process.stdout.write(`${formatTable(summarise(measurements))}\n`);
