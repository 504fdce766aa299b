import { temporaryOwner } from './node-world.ts';
import type { World } from './world.ts';

/** Past this, a temporary file is abandoned whoever wrote it: one lives for the time of one write. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files under `dir` that a killed process left half-written (writeFileAtomic's, named
 * with their writer's pid): those whose process no longer runs, or that are an hour old. Run when a build finds
 * that the one before it was killed, on folders written outside the staging folder (the caches). Never throws.
 */
export async function removeAbandonedTemporaries(world: World, dir: string): Promise<void> {
  const files = await world.listFiles(dir).catch(() => []);
  for (const file of files) {
    const pid = temporaryOwner(file);
    if (pid === undefined) continue;
    const abandoned = !world.processAlive(pid) || ((await world.fileAge(file)) ?? 0) > ABANDONED_AFTER_MS;
    if (abandoned) await world.remove(file).catch(() => undefined);
  }
}
