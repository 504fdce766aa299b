/**
 * The test thread's side of build-worker.ts: sends one case at a time and
 * waits for its report, but no longer than the case's limit. A build that
 * does not answer in time, or whose thread dies, costs the worker: it is
 * stopped, and the next case starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { BuildReport, BuildRequest, WorkerMessage } from './build-protocol.ts';
import type { FuzzCase } from './fuzz-case.ts';

export type IsolatedOutcome =
  | { kind: 'report'; report: BuildReport }
  /** No answer within the limit: the build hung or was far too slow. */
  | { kind: 'hung'; waitedMs: number }
  /** The worker thread died during the build (an uncaught error, a crash, running out of memory). */
  | { kind: 'crashed'; error: string };

const WORKER_URL = new URL('./build-worker.ts', import.meta.url).href;
/** Workers run TypeScript through tsx, as the test thread does through Vitest. */
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;
/** Starting a worker loads and warms up Roneo, which is not the case's time. */
const START_LIMIT_MS = 120_000;
/** Time for the report to come back across threads once the build has settled. */
const MESSAGE_SLACK_MS = 1_000;

export class IsolatedBuilder {
  private worker: Promise<Worker> | undefined;
  private nextId = 1;

  /**
   * Builds the case; one that finishes but over its limit is built once
   * more, and keeps its faster time. The limit guards against hangs and
   * blow-ups, not against a busy machine: a case is slow if it is slow twice.
   */
  async build(fuzzCase: FuzzCase, limitMs: number): Promise<IsolatedOutcome> {
    const first = await this.buildOnce(fuzzCase, limitMs);
    if (first.kind !== 'report' || first.report.milliseconds <= limitMs) return first;
    const second = await this.buildOnce(fuzzCase, limitMs);
    return second.kind === 'report' && second.report.milliseconds < first.report.milliseconds ? second : first;
  }

  private async buildOnce(fuzzCase: FuzzCase, limitMs: number): Promise<IsolatedOutcome> {
    const worker = await (this.worker ??= startWorker());
    const request: BuildRequest = {
      id: this.nextId++,
      files: fuzzCase.files,
      ...(fuzzCase.profiles ? { profiles: fuzzCase.profiles } : {}),
      ...(fuzzCase.check ? { check: true } : {}),
    };
    const waitMs = limitMs + MESSAGE_SLACK_MS;
    const outcome = await new Promise<IsolatedOutcome>((resolve) => {
      const done = (result: IsolatedOutcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.kind === undefined && message.id === request.id) done({ kind: 'report', report: message });
      };
      const onError = (error: Error) => done({ kind: 'crashed', error: error.stack ?? String(error) });
      const onExit = (code: number) => done({ kind: 'crashed', error: `the worker exited with code ${code}` });
      const timer = setTimeout(() => done({ kind: 'hung', waitedMs: waitMs }), waitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
    if (outcome.kind !== 'report') await this.close();
    return outcome;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker.catch(() => undefined))?.terminate();
  }
}

function startWorker(): Promise<Worker> {
  const worker = new Worker(BOOTSTRAP, { eval: true });
  return new Promise<Worker>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the build worker did not start within ${START_LIMIT_MS / 1000} s`)), START_LIMIT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(error);
    };
    worker.once('error', fail);
    worker.once('message', (message: WorkerMessage) => {
      clearTimeout(timer);
      worker.off('error', fail);
      if (message.kind === 'ready') resolve(worker);
      else fail(new Error('the build worker answered before it was ready'));
    });
  });
}
