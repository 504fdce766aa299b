import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { readFrontMatter } from '../../src/load/front-matter.ts';
import { loadVariants, type VariantTable } from '../../src/load/variants.ts';
import { createMemoryWorld } from '../../src/world/memory-world.ts';
import type { World } from '../../src/world/world.ts';

export const TRACT = 'content/leaflets/tract.md';

/**
 * A leaflet whose front matter has `variants: <written>` on line 4, the value
 * at column 11, so path errors land at `content/leaflets/tract.md:4:11`.
 */
export function leaflet(written: string): string {
  return `---\nlayout: leaflet\ntitle: Tract\nvariants: ${written}\n---\n\nTexte.\n`;
}

export interface Loaded {
  table: VariantTable | undefined;
  /** Every diagnostic, formatted as the CLI prints it. */
  messages: string[];
}

/**
 * Loads the variants of `markdownPath` the way the build would: the value
 * and its place come from the real front-matter reader.
 */
export async function loadFrom(
  files: Record<string, string | Uint8Array>,
  options: { markdownPath?: string; contentDir?: string; world?: World } = {},
): Promise<Loaded> {
  const markdownPath = options.markdownPath ?? TRACT;
  const world = options.world ?? createMemoryWorld(files);
  const markdown = files[markdownPath];
  if (typeof markdown !== 'string') throw new Error(`test project has no ${markdownPath}`);
  const diagnostics = new Diagnostics();
  const frontMatter = readFrontMatter(markdownPath, markdown, diagnostics);
  if (!frontMatter) throw new Error('test front matter does not parse');
  const table = await loadVariants(
    world,
    {
      markdownPath,
      contentDir: options.contentDir ?? 'content',
      value: frontMatter.data.variants,
      declaredAt: frontMatter.locate(['variants']),
    },
    diagnostics,
  );
  return { table, messages: diagnostics.list.map(formatDiagnostic) };
}

/** Loads `content/leaflets/<name>` named by `variants: <name>` in the leaflet beside it. */
export function loadData(name: string, data: string | Uint8Array): Promise<Loaded> {
  return loadFrom({ [TRACT]: leaflet(name), [`content/leaflets/${name}`]: data });
}

/** Rows as plain objects (fields have no prototype), for toEqual. */
export function rowsOf(table: VariantTable | undefined): Array<{ slug: string; fields: Record<string, string>; line: number; column: number }> {
  return (table?.rows ?? []).map((row) => ({ slug: row.slug, fields: { ...row.fields }, line: row.at.line, column: row.at.column }));
}
