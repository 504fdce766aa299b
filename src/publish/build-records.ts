import type { BuiltPublication } from '../build.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import type { Staging } from './staging.ts';

/** What a publication's last good build was made from, and what it wrote. */
export interface BuildRecord {
  /** The hash of every input: see fingerprint.ts. */
  fingerprint: string;
  /** Files read besides the Markdown, layouts and fonts (pictures, the variants table), by project path. */
  files: string[];
  /** Its manifest entries, one per variant, as written. */
  publications: BuiltPublication[];
  /** The warnings its build gave: reported again when it is skipped, since its inputs still give them. */
  warnings: Diagnostic[];
}

/**
 * Whether every file a record lists is still in the output folder, at the
 * size it was written: a file deleted, cut short or replaced by another
 * build is built again. (Previews are not inputs: a missing one is drawn
 * again from its PDF.) (Reading every PDF back to hash it would cost a
 * no-change build more than the rest of it.)
 */
export async function outputsIntact(world: World, outDir: string, publications: readonly BuiltPublication[]): Promise<boolean> {
  const expected = new Map<string, number>();
  for (const entry of publications) {
    expected.set(entry.file, entry.bytes);
    for (const file of entry.files ?? []) expected.set(file.file, file.bytes);
    if (entry.print) expected.set(entry.print.file, entry.print.bytes);
  }
  const sizes = await Promise.all([...expected].map(async ([file, bytes]) => (await world.fileSize(`${outDir}/${file}`)) === bytes));
  return sizes.every(Boolean);
}

/**
 * The last good build of each publication, kept in the cache folder
 * (`builds.json`), so that an unchanged publication is not built again. The
 * file is safe to delete: everything is then built once more.
 */
export class BuildRecords {
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly records: Record<string, BuildRecord>,
  ) {}

  static async load(world: World, cacheDir: string): Promise<BuildRecords> {
    const path = `${cacheDir}/builds.json`;
    let records: Record<string, BuildRecord> = {};
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await world.readFile(path)));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) records = parsed as Record<string, BuildRecord>;
    } catch {
      // No record, or one damaged: everything is built.
    }
    return new BuildRecords(path, records);
  }

  get(id: string): BuildRecord | undefined {
    const record = this.records[id];
    return record && typeof record.fingerprint === 'string' && Array.isArray(record.publications) && Array.isArray(record.files) && Array.isArray(record.warnings) ? record : undefined;
  }

  set(id: string, record: BuildRecord): void {
    if (JSON.stringify(this.records[id]) === JSON.stringify(record)) return;
    this.records[id] = record;
    this.changed = true;
  }

  /**
   * Staged with the outputs they describe, and put in place after them, in the same commit: the records never
   * tell of files that are not in place. Staged only when a record changed: a build that changed nothing writes
   * nothing. A cache: if it cannot be staged or put in place, only time is lost.
   */
  async stage(staging: Staging): Promise<void> {
    if (!this.changed) return;
    const sorted = Object.fromEntries(Object.entries(this.records).sort(([a], [b]) => (a < b ? -1 : 1)));
    await staging.put(this.path, new TextEncoder().encode(`${JSON.stringify(sorted)}\n`), { optional: true }).catch(() => undefined);
    this.changed = false;
  }
}
