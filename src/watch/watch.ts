import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type FSWatcher, watch as watchFiles } from 'chokidar';
import { build, type BuildOptions, type BuildResult } from '../build.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { createNodeWorld } from '../world/node-world.ts';
import { createRememberingWorld } from '../world/remembering-world.ts';
import { ignores, type Places, placesOf, projectPath, watchList, within } from './places.ts';

/** One build of a watch: the first, or a rebuild after changes. */
export interface RebuildEvent {
  /** 0 for the first build, then 1, 2, … */
  sequence: number;
  /** The paths whose change started this build, project-relative and sorted; empty for the first build. */
  trigger: string[];
  /** The publications built (variants by their own id, `leaflets/tract/lyon`), sorted. */
  built: string[];
  /** The publications skipped because nothing they are made from changed, sorted. */
  unchanged: string[];
  /** Every problem of the project as it now stands, sorted by file and position, as `build()` gives them. */
  diagnostics: Diagnostic[];
  /** False when any error was reported, or the build failed. */
  ok: boolean;
  /** How long the build took. */
  milliseconds: number;
  /** What `build()` returned; absent when it threw. */
  result?: BuildResult;
  /** Set when `build()` threw: a bug in Roneo, not a problem of the content. The watch goes on. */
  error?: Error;
}

export interface WatchOptions extends BuildOptions {
  /** Called after the first build and after every rebuild; what it throws goes to `onWatchError`. */
  onRebuild?(event: RebuildEvent): void;
  /** A problem of the watching itself (the system's limit on watched files reached, a folder that cannot be read). */
  onWatchError?(error: Error): void;
  /** Stops the watch when it aborts, as `close()` does. */
  signal?: AbortSignal;
  /**
   * How long to wait after a change for more before rebuilding, in milliseconds (default 15):
   * an editor saving several files at once gives one rebuild.
   */
  debounceMs?: number;
}

export interface Watcher {
  /**
   * The next event emitted after this call, or with `filter`, the next that satisfies it. Ask before making
   * the change it should report: `const rebuilt = watcher.next(); await writeFile(…); await rebuilt`.
   * Rejects if the watch is closed first.
   */
  next(filter?: (event: RebuildEvent) => boolean): Promise<RebuildEvent>;
  /** Resolves when no build is running, waiting or due (changes seen and not yet built). */
  idle(): Promise<void>;
  /** Stops watching; resolves once the build under way, if any, has finished. */
  close(): Promise<void>;
  readonly closed: boolean;
  /** The last event: the first build's once `watch()` has resolved (none if it was stopped before). */
  readonly last: RebuildEvent | undefined;
  /** What is watched, project-relative: the content, templates and fonts folders (`content/`), and the settings file. */
  readonly watching: string[];
}

const DEFAULT_DEBOUNCE_MS = 15;

/** Why a build that had not begun was stopped. */
class WatchClosed extends Error {
  constructor() {
    super('the watch was closed');
  }
}

/**
 * chokidar drops a second change to a file within 50 ms of the first. A file changed is therefore read
 * again this long after its change, and built again if it differs from what the build was given: a file
 * saved in several writes is never left half-built.
 */
const RECHECK_MS = 60;
/**
 * A file found empty after a change is given this long, this many times, to be written: an editor that saves
 * by emptying the file first is not reported as an empty file at each save. A file really emptied is built then.
 */
const EMPTY_WAIT_MS = 25;
const EMPTY_WAITS = 8;

/**
 * Builds once, then watches what the build reads (content and its pictures, templates, fonts, the settings
 * file) and builds again after each change. build() is incremental: a rebuild makes exactly the publications
 * whose inputs changed and reports the others unchanged. The process keeps what it parsed (fonts,
 * compiled templates) for the next build.
 *
 * Changes are gathered for `debounceMs` after the last one, then built together. Changes during a build
 * are built once more after it: there is never more than one build at a time. A build that fails (a file
 * saved half-way, a syntax error) is reported like any other, and the next change builds again; a build
 * that throws is reported as the event's `error`, and the watch goes on.
 *
 * Resolves once the first build is done, with its event already given to `onRebuild`.
 */
export async function watch(options: WatchOptions = {}): Promise<Watcher> {
  const { onRebuild, onWatchError, signal, debounceMs, force, ...buildOptions } = options;
  const root = resolve(options.root ?? process.cwd());
  const debounce = Math.max(0, debounceMs ?? DEFAULT_DEBOUNCE_MS);
  let places: Places = await placesOf(root, buildOptions);
  const disk = buildOptions.world ?? createNodeWorld(root);
  // What the build reads from the watched folders is kept between builds, and read again once changed.
  const world = createRememberingWorld(disk, (path) => {
    const at = resolve(root, path);
    return (places.folders.some((folder) => within(at, folder)) || at === places.config) && !places.written.some((written) => within(at, written));
  });
  const rechecks = new Map<string, NodeJS.Timeout>();
  let emptyWaits = 0;

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** Whether a build is under way, and the promise of the builds in a row it belongs to. */
  let building = false;
  let builds: Promise<void> = Promise.resolve();
  let closing: Promise<void> | undefined;
  let sequence = 0;
  let last: RebuildEvent | undefined;
  const waiting: Array<{ filter: (event: RebuildEvent) => boolean; resolve(event: RebuildEvent): void; reject(error: Error): void }> = [];
  const idlers: Array<() => void> = [];
  /**
   * Each build takes the output folder's lock for itself (never the watch for its whole life), so a build run
   * beside the watch waits only for the rebuild under way. A build still waiting for the lock, or not yet at
   * its first publication, is stopped by close(); one under way finishes.
   */
  let notYetUnderWay: AbortController | undefined;
  const lockedBuild = async (options: BuildOptions): Promise<BuildResult> => {
    const controller = new AbortController();
    notYetUnderWay = controller;
    try {
      return await build({
        ...options,
        signal: controller.signal,
        onStart: (start) => {
          if (notYetUnderWay === controller) notYetUnderWay = undefined;
          options.onStart?.(start);
        },
      });
    } finally {
      if (notYetUnderWay === controller) notYetUnderWay = undefined;
    }
  };

  const reportWatchError = (error: unknown) => onWatchError?.(error instanceof Error ? error : new Error(String(error)));

  const files: FSWatcher = watchFiles(watchList(places), { ignoreInitial: true, ignored: (path: string) => ignores(places, path) });
  files.on('error', reportWatchError);
  files.on('all', (event, path) => {
    world.forget(projectPath(root, path), event !== 'change');
    if (event === 'change') recheckLater(path);
    changed(path);
  });
  // chokidar may say ready more than once (once per path that does not exist yet): the first is enough.
  await new Promise<void>((ready) => files.once('ready', () => ready()));

  function changed(path: string): void {
    if (closing) return;
    pending.add(projectPath(root, path));
    clearTimeout(timer);
    emptyWaits = 0;
    timer = setTimeout(due, debounce);
  }

  function recheckLater(path: string): void {
    clearTimeout(rechecks.get(path));
    rechecks.set(
      path,
      setTimeout(() => {
        void world
          .recheck(projectPath(root, path))
          .then((differs) => {
            rechecks.delete(path);
            if (differs) {
              recheckLater(path);
              changed(path);
            } else settle();
          })
          .catch((error: unknown) => {
            rechecks.delete(path);
            reportWatchError(error);
            settle();
          });
      }, RECHECK_MS),
    );
  }

  function due(): void {
    const waiting = timer;
    // The timer stays set while the files are looked at: the watch is not idle, and a new change restarts it.
    void anyEmptied().then((empty) => {
      if (timer !== waiting || closing) return;
      if (empty && emptyWaits < EMPTY_WAITS) {
        emptyWaits += 1;
        timer = setTimeout(due, EMPTY_WAIT_MS);
        return;
      }
      timer = undefined;
      emptyWaits = 0;
      // A build under way takes the changes when it ends.
      start(false);
    });
  }

  /** Whether a file just changed is now empty: most likely a save caught between emptying the file and writing it. */
  async function anyEmptied(): Promise<boolean> {
    const sizes = await Promise.all([...pending].map((path) => disk.fileSize(path).catch(() => undefined)));
    return sizes.includes(0);
  }

  function start(first: boolean): void {
    if (building) return;
    building = true;
    builds = run(first);
  }

  /** Builds while changes are waiting and no more are arriving. */
  async function run(first: boolean): Promise<void> {
    try {
      if (first) await rebuild([], true);
      while (pending.size > 0 && timer === undefined && !closing) {
        const trigger = [...pending].sort();
        pending.clear();
        await rebuild(trigger, false);
      }
    } finally {
      building = false;
      settle();
    }
  }

  /** One build; never throws. */
  /**
   * The download page and the previews of what was just rebuilt: a build in which every publication is unchanged
   * draws only the missing previews and writes the page. Its problems were the rebuild's, already reported.
   */
  async function refreshSite(): Promise<void> {
    try {
      // The caller's progress callbacks are about rebuilds, not this.
      const { onStart: _onStart, onPublication: _onPublication, ...quiet } = buildOptions;
      await lockedBuild({ ...quiet, world, root, siteOnly: true });
    } catch (error) {
      if (!(error instanceof WatchClosed)) reportWatchError(error);
    }
  }

  async function rebuild(trigger: string[], first: boolean): Promise<void> {
    const started = performance.now();
    let event: RebuildEvent;
    try {
      if (places.config !== undefined && trigger.includes(projectPath(root, places.config))) await follow();
      // After a change the PDFs come first: the download page and its previews follow, once the rebuild is reported.
      const result = await lockedBuild({ ...buildOptions, world, root, ...(first && force ? { force } : {}), ...(first ? {} : { site: false }) });
      const ids = (unchanged: boolean) => result.publications.filter((p) => (p.unchanged === true) === unchanged).map((p) => p.id).sort();
      event = { sequence, trigger, built: ids(false), unchanged: ids(true), diagnostics: result.diagnostics, ok: result.ok, milliseconds: performance.now() - started, result };
    } catch (error) {
      // Stopped by close() before it began: no build to report.
      if (error instanceof WatchClosed) return;
      event = { sequence, trigger, built: [], unchanged: [], diagnostics: [], ok: false, milliseconds: performance.now() - started, error: error instanceof Error ? error : new Error(String(error)) };
    }
    sequence++;
    last = event;
    try {
      onRebuild?.(event);
    } catch (error) {
      reportWatchError(error);
    }
    for (const waiter of [...waiting]) {
      let matches: boolean;
      try {
        matches = waiter.filter(event);
      } catch (error) {
        // The caller's filter failed: its promise says so, and the watch goes on.
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (!matches) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(event);
    }
    if (!first && event.result) await refreshSite();
  }

  /** The settings changed: the folders they name may have too. */
  async function follow(): Promise<void> {
    if (closing) return;
    const before = new Set([...places.folders, ...watchList(places)]);
    places = await placesOf(root, buildOptions);
    world.forgetAll();
    const after = new Set([...places.folders, ...watchList(places)]);
    const removed = [...before].filter((path) => !after.has(path));
    if (removed.length > 0) files.unwatch(removed);
    // Added by name: a folder inside the project that was not watched was passed over when the project was read.
    const added = [...after].filter((path) => !before.has(path));
    if (added.length > 0) files.add(added);
  }

  function settle(): void {
    if (building || timer !== undefined || (pending.size > 0 && !closing) || (rechecks.size > 0 && !closing)) return;
    for (const idle of idlers.splice(0)) idle();
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      signal?.removeEventListener('abort', abort);
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      rechecks.clear();
      notYetUnderWay?.abort(new WatchClosed());
      await files.close().catch(reportWatchError);
      await builds;
      for (const waiter of waiting.splice(0)) waiter.reject(new Error('the watch was closed'));
      settle();
    })();
    return closing;
  }

  const abort = () => void close();
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) await close();
  else {
    start(true);
    await builds;
  }

  return {
    next(filter = () => true) {
      if (closing) return Promise.reject(new Error('the watch was closed'));
      return new Promise((resolve, reject) => waiting.push({ filter, resolve, reject }));
    },
    idle() {
      return new Promise<void>((resolve) => {
        idlers.push(resolve);
        settle();
      });
    },
    close,
    get closed() {
      return closing !== undefined;
    },
    get last() {
      return last;
    },
    get watching() {
      return [...places.folders.map((folder) => `${projectPath(root, folder)}/`), ...(places.config ? [projectPath(root, places.config)] : [])];
    },
  };
}
