import type { World } from '../world/world.ts';
import { applyJournal, type Journal, type JournalMove, journalPath, stagingDir } from './commit-journal.ts';

/**
 * What a build makes, held in the staging folder until the build has made all of it; then put in place in one
 * short commit. A build stopped before its commit (killed, interrupted, failed) leaves the output folder as it
 * found it.
 *
 * A file is staged only when it differs from what is in its place: a build that changes nothing writes nothing.
 */
export class Staging {
  /** By the path each file goes to, in the order they are to be moved: the last staged goes last. */
  private readonly moves = new Map<string, JournalMove>();
  private count = 0;
  private committing = false;

  constructor(
    private readonly world: World,
    private readonly outDir: string,
  ) {}

  /**
   * Stages `bytes` for the project path `to`. Files are put in place in the order they were last staged, so what
   * describes the others (the manifest, the download page) is staged after them. `optional`: a cache, whose
   * failure to be put in place does not fail the commit.
   */
  async put(to: string, bytes: Uint8Array, options: { optional?: boolean } = {}): Promise<void> {
    const earlier = this.moves.get(to);
    this.moves.delete(to);
    if (earlier) await this.world.remove(earlier.from);
    if (await holds(this.world, to, bytes)) return;
    const name = to.slice(to.lastIndexOf('/') + 1);
    const from = `${stagingDir(this.outDir)}/${++this.count}-${name}`;
    await this.world.writeFileAtomic(from, bytes);
    this.moves.set(to, { from, to, bytes: bytes.byteLength, ...(options.optional ? { optional: true } : {}) });
  }

  /** Whether anything differs from what is in place. */
  get empty(): boolean {
    return this.moves.size === 0;
  }

  /**
   * Puts every staged file in place: the journal first, then one rename per file, then the staging folder
   * removed. Killed at any point after the journal, the next build finishes it. Throws a CommitError when a
   * file cannot be put in place; the journal then stays, for the next build to finish.
   */
  async commit(): Promise<void> {
    if (this.moves.size === 0) return;
    const journal: Journal = { version: 1, moves: [...this.moves.values()] };
    await this.world.writeFileAtomic(journalPath(this.outDir), new TextEncoder().encode(`${JSON.stringify(journal, null, 1)}\n`));
    this.committing = true;
    await applyJournal(this.world, journal);
    this.moves.clear();
    // Every file is in place: a staging folder left now holds only the journal, which the next build finishes at no cost.
    await this.world.remove(stagingDir(this.outDir)).catch(() => undefined);
  }

  /**
   * Throws away what was staged, when the build ends without committing (stopped, or failed). A commit that
   * began is never thrown away: its journal stays for the next build to finish. Never throws.
   */
  async discard(): Promise<void> {
    if (this.committing || this.count === 0) return;
    this.moves.clear();
    await this.world.remove(stagingDir(this.outDir)).catch(() => undefined);
  }
}

/** Whether `path` already holds exactly `bytes` (its size is asked first: most changed files differ in size). */
async function holds(world: World, path: string, bytes: Uint8Array): Promise<boolean> {
  if ((await world.fileSize(path)) !== bytes.byteLength) return false;
  const current = await world.readFile(path).catch(() => undefined);
  return current !== undefined && Buffer.compare(current, bytes) === 0;
}
