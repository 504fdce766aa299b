/**
 * Child process: builds the big dossier with Roneo, in memory, once, and
 * prints one line of JSON (see measurement.ts). Run on its own so that its
 * peak memory is its own:
 *
 *   node --import tsx tests/bench/scale/roneo.ts --pages 300
 */
import { build } from '../../../src/build.ts';
import { bigDossier } from '../../helpers/big-dossier.ts';
import { memoryProject } from '../../helpers/project.ts';
import { report, rssMB, sizeArgument, stopwatch } from './measurement.ts';

const size = sizeArgument(process.argv);
const dossier = await bigDossier({ pages: size });
// The repository's templates and fonts and the generated content, read before the clock starts.
const world = await memoryProject(dossier.files);
const startMB = rssMB();
const elapsed = stopwatch();
// The PDF alone, as plain pdfmake makes it: no download page, nothing kept between builds.
const result = await build({ world, only: [dossier.id], cache: false, site: false });
const time = elapsed();
const built = result.publications[0];
if (!result.ok || !built) {
  process.stderr.write(`the dossier did not build: ${JSON.stringify(result.diagnostics.slice(0, 5), null, 2)}\n`);
  process.exit(1);
}
report({ tool: 'roneo', size, pages: built.pages, bytes: built.bytes, ...time, startMB });
