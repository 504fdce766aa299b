/**
 * Builds fuzz cases in a worker thread, one at a time, so that the test can
 * stop a build that never ends (a loop that never gives the event loop back
 * cannot be stopped from the same thread) and survive one that kills its
 * thread.
 */
import { parentPort } from 'node:worker_threads';
import { build } from '../../src/build.ts';
import { memoryProject } from '../helpers/project.ts';
import type { BuildReport, BuildRequest, OutputFile, WorkerMessage } from './build-protocol.ts';

const port = parentPort;
if (!port) throw new Error('build-worker.ts runs in a worker thread');

const send = (message: WorkerMessage) => port.postMessage(message);

/**
 * Errors no caller could catch: a promise left to reject on its own, an
 * exception thrown from a callback. Caught here so they are reported with the
 * case that caused them instead of killing the thread.
 */
const strays: string[] = [];
process.on('unhandledRejection', (reason) => strays.push(`unhandled rejection: ${describeThrown(reason)}`));
process.on('uncaughtException', (error) => strays.push(`uncaught exception: ${describeThrown(error)}`));

/**
 * What the build wrote to the console itself (a library's warning): kept for
 * the run's summary, not printed among the test's output. A `roneo build
 * --json` reads stdout, so such lines are worth knowing about.
 */
const consoleLines: string[] = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[method] = (...args: unknown[]) => void consoleLines.push(`console.${method}: ${args.map(String).join(' ')}`);
}

/** The first build loads pdfmake, the fonts and the parser: done once here, so no case is timed with it. */
async function warmUp(): Promise<void> {
  const world = await memoryProject({ 'content/leaflets/warm.md': '---\nlayout: leaflet\ntitle: Échauffement\n---\n\nDu *texte*.\n' });
  const result = await build({ world, site: false, profiles: ['screen'] });
  if (!result.ok) throw new Error(`the warm-up build failed: ${JSON.stringify(result.diagnostics)}`);
}

async function run(request: BuildRequest): Promise<BuildReport> {
  const world = await memoryProject(request.files);
  const inputs = [...world.files.keys()];
  strays.length = 0;
  consoleLines.length = 0;
  const started = performance.now();
  try {
    const result = await build({ world, site: false, ...(request.profiles ? { profiles: request.profiles } : {}), ...(request.check ? { check: true } : {}) });
    const milliseconds = performance.now() - started;
    await afterStrays();
    const outputs: Record<string, OutputFile> = {};
    const publications = result.publications.map((publication) => {
      // Every file the manifest lists for it: reading PDF, home and shop copies, print sheets or booklet.
      const files = [...new Set([publication.path, ...(publication.files ?? []).map((f) => `output/${f.file}`), ...(publication.print ? [`output/${publication.print.file}`] : [])])];
      for (const path of files) outputs[path] = outputFile(world.files.get(path));
      return { id: publication.id, files };
    });
    return { id: request.id, milliseconds, inputs, strays: [...strays], console: [...consoleLines], outcome: { kind: 'resolved', ok: result.ok, diagnostics: result.diagnostics, publications, outputs } };
  } catch (error) {
    const milliseconds = performance.now() - started;
    await afterStrays();
    return { id: request.id, milliseconds, inputs, strays: [...strays], console: [...consoleLines], outcome: { kind: 'rejected', error: describeThrown(error) } };
  }
}

/** Node reports a rejection nobody handled once the microtasks have run: a macrotask later, the build's are in. */
function afterStrays(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function describeThrown(thrown: unknown): string {
  return thrown instanceof Error ? (thrown.stack ?? `${thrown.name}: ${thrown.message}`) : `a non-Error value: ${String(thrown)}`;
}

/** The start and end of a written file, which is all the checks look at. */
function outputFile(bytes: Uint8Array | undefined): OutputFile {
  if (!bytes) return { exists: false, bytes: 0, head: '', tail: '' };
  const latin1 = (part: Uint8Array) => Buffer.from(part).toString('latin1');
  return { exists: true, bytes: bytes.byteLength, head: latin1(bytes.subarray(0, 8)), tail: latin1(bytes.subarray(Math.max(0, bytes.byteLength - 32))) };
}

await warmUp();
port.on('message', (request: BuildRequest) => {
  void run(request).then(send);
});
send({ kind: 'ready' });
