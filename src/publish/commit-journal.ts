import type { World } from '../world/world.ts';

/**
 * Inside the output folder, a dot-name: the manifest, the site, `roneo serve` and the watch pass it by. A build
 * writes everything it makes here first, and puts it in place only once it has made all of it.
 */
export const STAGING_DIR = '.roneo-staging';
const JOURNAL_FILE = 'journal.json';

/** One file to put in place: renamed from the staging folder onto its place. */
export interface JournalMove {
  from: string;
  to: string;
  /** Its size, to tell that a move finished by a later build put the right file in place. */
  bytes: number;
  /** A cache (the build records), not an output: when it cannot be put in place, the old one is removed instead, and the commit goes on. */
  optional?: boolean;
}

/**
 * The commit of a build, written (atomically) once every file is staged: the moves, in the order they are made.
 * Its presence is the commit: a build killed after writing it is finished by the next build, a staging folder
 * without it is thrown away.
 */
export interface Journal {
  version: 1;
  moves: JournalMove[];
}

export function stagingDir(outDir: string): string {
  return `${outDir}/${STAGING_DIR}`;
}

export function journalPath(outDir: string): string {
  return `${stagingDir(outDir)}/${JOURNAL_FILE}`;
}

/** A move that could not be made: where to, and why. */
export class CommitError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Makes the journal's moves, in order. A move whose staged file is gone was made before (by a build killed
 * half-way through): making them again is harmless, so a commit can be finished any number of times.
 */
export async function applyJournal(world: World, journal: Journal): Promise<void> {
  for (const move of journal.moves) {
    if (!(await world.exists(move.from))) continue;
    try {
      await world.rename(move.from, move.to);
    } catch (error) {
      if (!move.optional) throw new CommitError(move.to, error instanceof Error ? error.message : String(error));
      // A cache that cannot be replaced must not stay to describe files it no longer matches.
      await world.remove(move.to).catch(() => undefined);
    }
  }
}

export type Recovery = { kind: 'none' } | { kind: 'discarded' } | { kind: 'finished'; files: number; intact: boolean };

/**
 * What a build does first, holding the lock: a staging folder left by a build that was killed is finished (its
 * journal complete: the commit had begun) or removed (no journal: it was still making its files, and the
 * output folder is as the build before it left it). Throws a CommitError when a move cannot be made.
 */
export async function recoverStaging(world: World, outDir: string): Promise<Recovery> {
  const dir = stagingDir(outDir);
  if (!(await world.exists(dir))) return { kind: 'none' };
  const journal = await readJournal(world, outDir);
  if (!journal) {
    await world.remove(dir);
    return { kind: 'discarded' };
  }
  await applyJournal(world, journal);
  // Every output where the journal put it, at its size; else the records, which would call the outputs intact, go.
  const sizes = await Promise.all(journal.moves.filter((move) => !move.optional).map(async (move) => (await world.fileSize(move.to)) === move.bytes));
  const intact = sizes.every(Boolean);
  if (!intact) for (const move of journal.moves) if (move.optional) await world.remove(move.to).catch(() => undefined);
  await world.remove(dir);
  return { kind: 'finished', files: journal.moves.length, intact };
}

async function readJournal(world: World, outDir: string): Promise<Journal | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(await world.readFile(journalPath(outDir))));
  } catch {
    return undefined;
  }
  const journal = value as Partial<Journal> | null;
  if (journal?.version !== 1 || !Array.isArray(journal.moves)) return undefined;
  const inside = `${stagingDir(outDir)}/`;
  // Only files of the staging folder are ever moved, whatever a damaged journal says.
  const valid = journal.moves.every((move: Partial<JournalMove> | null) => typeof move?.from === 'string' && move.from.startsWith(inside) && !move.from.slice(inside.length).split('/').includes('..') && typeof move.to === 'string' && typeof move.bytes === 'number');
  return valid ? (journal as Journal) : undefined;
}
