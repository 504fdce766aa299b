import { at, type Diagnostics } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { CommitError, recoverStaging, STAGING_DIR } from './commit-journal.ts';
import { describeHolder, isRefused, LOCK_FILE, lockOutput, type LockHolder, type OutputLock } from './output-lock.ts';

export interface Waiting {
  /** Who holds the output folder; undefined when its lock cannot be read yet. */
  holder: LockHolder | undefined;
  /** `waiting for the build in process 1234 (started 12:03:05) to finish with output/` */
  message: string;
}

export interface TakeOptions {
  wait?: boolean | number;
  signal?: AbortSignal;
  onWaiting?: (waiting: Waiting) => void;
}

export interface TakenFolder extends OutputLock {
  /** The build before was killed (its lock taken over, or its staging folder found): it may have left temporary files elsewhere too. */
  afterKill: boolean;
}

/**
 * The output folder, for this build alone: its lock taken (waiting for another build as asked), then whatever
 * a killed build left in it finished or thrown away. Undefined, with the reason reported, when the folder
 * cannot be had; the lock is then not held.
 */
export async function takeOutputFolder(world: World, outDir: string, options: TakeOptions, diagnostics: Diagnostics): Promise<TakenFolder | undefined> {
  const lockPath = `${outDir}/${LOCK_FILE}`;
  const folder = `${outDir}/`;
  let lock;
  try {
    lock = await lockOutput(world, outDir, {
      wait: options.wait ?? true,
      ...(options.signal ? { signal: options.signal } : {}),
      onWaiting: (holder) => options.onWaiting?.({ holder, message: `waiting for ${describeHolder(holder, world)} to finish with ${folder}` }),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    diagnostics.error(at(lockPath), `cannot lock the output folder: ${reasonOf(error)}`, 'write-output');
    return undefined;
  }
  if (isRefused(lock)) {
    const who = describeHolder(lock.holder, world);
    const elsewhere = lock.holder !== undefined && lock.holder.hostname !== world.thisProcess().hostname;
    const hint = elsewhere ? `; if no build runs there any more, delete ${lockPath}` : '';
    const reason = options.wait === false || options.wait === 0 ? `${folder} is being written by ${who}; build again once it has finished` : `gave up waiting for ${who} to finish with ${folder}`;
    diagnostics.error(at(lockPath), `${reason}${hint}`, 'output-locked');
    return undefined;
  }
  let recovery;
  try {
    recovery = await recoverStaging(world, outDir);
    if (recovery.kind === 'finished') {
      diagnostics.warn(at(`${outDir}/${STAGING_DIR}`), `the last build was stopped while putting its ${recovery.files} files in place; this build finished doing so before anything else`, 'interrupted-build');
    }
  } catch (error) {
    const where = error instanceof CommitError ? error.path : `${outDir}/${STAGING_DIR}`;
    diagnostics.error(at(where), `cannot finish putting in place the files of the last build, which was stopped: ${reasonOf(error)}`, 'write-output');
    await lock.release();
    return undefined;
  }
  return { ...lock, afterKill: lock.tookOver || recovery.kind !== 'none' };
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
