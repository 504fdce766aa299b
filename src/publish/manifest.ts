export interface ManifestEntry {
  id: string;
  layout: string;
  title: string;
  subtitle?: string;
  lang: string;
  /** The publication's date, YYYY-MM-DD. */
  date?: string;
  /** Path of the PDF inside the output folder. */
  file: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** One leaflet of a publication with `variants:`: which publication, which row, and its sheet in the print file. */
  variant?: { of: string; slug: string; sheet: number };
  /** The print sheets holding this leaflet n-up on A4, with cut marks. */
  print?: PrintFile;
  /** Every file made for it, with the profile it is for: `screen` (the reading PDF), `home`, `shop`. */
  files?: OutputFile[];
  /** Page 1 of the reading PDF as a picture, for the download page. */
  preview?: Preview;
}

export interface Preview {
  /** Path inside the output folder. */
  file: string;
  /** Pixels. */
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

export interface OutputFile {
  profile: 'screen' | 'home' | 'shop';
  /** `reading`: the publication page by page; `print-sheets`: leaflets n-up on A4; `booklet`: imposed for folding; `shop`: with bleed, crop marks and page boxes. */
  kind: 'reading' | 'print-sheets' | 'booklet' | 'shop';
  /** Path inside the output folder. */
  file: string;
  bytes: number;
  sha256: string;
  /** How to print it, for print files. */
  instructions?: string;
}

export interface PrintFile {
  /** Path inside the output folder. */
  file: string;
  /** Sheets of paper: one per leaflet. */
  sheets: number;
  /** Copies per side of a sheet. */
  up: number;
  /** Printed on both sides (flipped on the long edge for leaflet sheets, on the short edge for a booklet). */
  duplex: boolean;
  /** How to print it, in the publication's language: paper, sides, flipping, scale, what to do after. */
  instructions: string;
  /** A saddle-stitched booklet: its pages once padded to a multiple of 4, the blank pages added (before the back cover), its signatures. */
  booklet?: { pages: number; blanks: number; signatures: number };
  bytes: number;
  sha256: string;
}

export interface Manifest {
  /** The JSON Schema this file follows, written beside it. */
  $schema?: string;
  generator: string;
  publications: ManifestEntry[];
}

/** Where the manifest's schema is written in the output folder, so `$schema` resolves on any static host. */
export const SCHEMA_FILE = 'manifest.schema.json';

/**
 * Publications not rebuilt this time (filtered out with --only, or failed)
 * keep their previous entry: their previous PDF is still in place.
 */
export function mergeManifest(
  previous: Manifest | undefined,
  built: readonly ManifestEntry[],
  knownIds: ReadonlySet<string>,
  generator: string,
): Manifest {
  const entries = new Map<string, ManifestEntry>();
  // A variant's entry stays as long as its publication does.
  for (const entry of previous?.publications ?? []) if (knownIds.has(entry.variant?.of ?? entry.id)) entries.set(entry.id, entry);
  // A publication rebuilt replaces all its leaflets: rows gone from its table are gone from the manifest.
  const rebuilt = new Set(built.map((entry) => entry.variant?.of ?? entry.id));
  for (const [id, entry] of entries) if (rebuilt.has(entry.variant?.of ?? entry.id)) entries.delete(id);
  for (const entry of built) entries.set(entry.id, entry);
  const publications = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { $schema: SCHEMA_FILE, generator, publications };
}

export function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    return Array.isArray(value.publications) ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}
