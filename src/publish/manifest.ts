export interface ManifestEntry {
  id: string;
  layout: string;
  title: string;
  lang: string;
  /** Path of the PDF inside the output folder. */
  file: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  generator: string;
  publications: ManifestEntry[];
}

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
  for (const entry of previous?.publications ?? []) if (knownIds.has(entry.id)) entries.set(entry.id, entry);
  for (const entry of built) entries.set(entry.id, entry);
  const publications = [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { generator, publications };
}

export function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    return Array.isArray(value.publications) ? (value as Manifest) : undefined;
  } catch {
    return undefined;
  }
}
