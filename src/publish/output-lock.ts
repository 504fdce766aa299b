import type { World } from '../world/world.ts';

/** Inside the output folder, a dot-name: the manifest, the site, `roneo serve` and the watch pass it by. */
export const LOCK_FILE = '.roneo-lock';

/** Who holds an output folder: what the lock file says, as JSON. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When that build started, ISO 8601. */
  started: string;
}

export interface LockOptions {
  /** While another build holds the folder: wait for it (true), give up at once (false), or wait at most this many milliseconds. */
  wait: boolean | number;
  /** Gives up waiting when it aborts: the promise rejects with its reason. */
  signal?: AbortSignal;
  /** Called once, when this build starts waiting; the holder is undefined when its lock cannot be read yet. */
  onWaiting?: (holder: LockHolder | undefined) => void;
}

export interface OutputLock {
  /** Removes the lock, if it is still this build's; never throws (a lock left behind by a failure here is taken over as stale). */
  release(): Promise<void>;
  /** Taken over from a build that was gone: what that build was writing may be left half-done. */
  tookOver: boolean;
}

/** The folder is someone else's, and this build would not wait (any longer). */
export interface LockRefused {
  holder: LockHolder | undefined;
}

/** How often a waiting build looks at the lock again. */
const POLL_MS = 100;
/**
 * A lock file that cannot be read (empty, or not JSON) is one being made (a process writes it just after
 * creating it) or one whose maker died in between: after this long, the latter.
 */
export const HALF_MADE_STALE_MS = 5000;

/**
 * Takes the output folder for this build, by creating `<out>/.roneo-lock` exclusively with who holds it.
 * A lock whose owner is gone is taken over: a process of this machine that no longer runs, or a file that
 * has stayed unreadable for {@link HALF_MADE_STALE_MS}. A lock held from another machine (a shared disk) is
 * waited for, since whether its process runs cannot be told from here.
 */
export async function lockOutput(world: World, outDir: string, options: LockOptions): Promise<OutputLock | LockRefused> {
  const path = `${outDir}/${LOCK_FILE}`;
  const mine: LockHolder = { ...world.thisProcess(), started: new Date(world.wallClock()).toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  const limit = options.wait === true ? Infinity : options.wait === false ? 0 : options.wait;
  let waitingSince: number | undefined;
  let vanished = 0;
  let tookOver = false;
  for (;;) {
    options.signal?.throwIfAborted();
    if (await world.createExclusive(path, new TextEncoder().encode(text))) return { release: () => releaseIfMine(world, path, text), tookOver };
    const found = await readLock(world, path);
    if (found === undefined) {
      // Released in between: tried again at once, unless that keeps happening.
      if (++vanished % 10 === 0) await world.sleep(POLL_MS, options.signal);
      continue;
    }
    if (await abandoned(world, path, found)) {
      await removeIfUnchanged(world, path, found);
      tookOver = true;
      continue;
    }
    if (!(limit > 0)) return { holder: found.holder };
    if (waitingSince === undefined) {
      waitingSince = world.now();
      options.onWaiting?.(found.holder);
    } else if (world.now() - waitingSince >= limit) return { holder: found.holder };
    await world.sleep(POLL_MS, options.signal);
  }
}

export function isRefused(result: OutputLock | LockRefused): result is LockRefused {
  return 'holder' in result;
}

interface FoundLock {
  text: string;
  holder: LockHolder | undefined;
}

/** What the lock says; undefined when it is gone. One that is there but cannot be read says nothing, and is judged by its age. */
async function readLock(world: World, path: string): Promise<FoundLock | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await world.readFile(path));
  } catch {
    if (!(await world.exists(path))) return undefined;
    text = '';
  }
  return { text, holder: parseHolder(text) };
}

export function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | null;
    const { pid, hostname, started } = value ?? {};
    // A pid of 0 or below names a process group, never a build.
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0 || typeof hostname !== 'string' || typeof started !== 'string') return undefined;
    return { pid, hostname, started };
  } catch {
    return undefined;
  }
}

async function abandoned(world: World, path: string, found: FoundLock): Promise<boolean> {
  if (found.holder) return found.holder.hostname === world.thisProcess().hostname && !world.processAlive(found.holder.pid);
  return ((await world.fileAge(path)) ?? 0) >= HALF_MADE_STALE_MS;
}

/**
 * Two builds may find the same abandoned lock: the second must not remove the fresh lock the first has just
 * made in its place. So the lock is removed only if it still says the same, and (when it said nothing
 * readable) is still old: a lock just made is young, whatever it says.
 */
async function removeIfUnchanged(world: World, path: string, stale: FoundLock): Promise<void> {
  const now = await readLock(world, path);
  if (now?.text !== stale.text) return;
  if (!stale.holder && ((await world.fileAge(path)) ?? 0) < HALF_MADE_STALE_MS) return;
  await world.remove(path);
}

async function releaseIfMine(world: World, path: string, text: string): Promise<void> {
  try {
    const now = await readLock(world, path);
    if (now?.text === text) await world.remove(path);
  } catch {
    // Left for the next build to take over: this process's id is then no longer running.
  }
}

/** `process 1234 (started 12:03:05)`, with the machine's name when it is another's, and the day when not today. */
export function describeHolder(holder: LockHolder | undefined, world: World): string {
  if (!holder) return 'another build';
  const started = new Date(holder.started);
  const today = new Date(world.wallClock());
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(started.getHours())}:${pad(started.getMinutes())}:${pad(started.getSeconds())}`;
  const sameDay = started.toDateString() === today.toDateString();
  const when = Number.isNaN(started.getTime()) ? '' : ` (started ${sameDay ? '' : `${started.getFullYear()}-${pad(started.getMonth() + 1)}-${pad(started.getDate())} `}${time})`;
  const where = holder.hostname === world.thisProcess().hostname ? '' : ` on ${holder.hostname}`;
  return `the build in process ${holder.pid}${where}${when}`;
}
