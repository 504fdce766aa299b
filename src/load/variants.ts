import { posix } from 'node:path';
import type { SourcePoint } from '../diagnostics/diagnostic.ts';
import { at, Diagnostics } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { WorldError } from '../world/world.ts';
import { decodeSource } from './read-source.ts';
import { readCsv } from './variants-csv.ts';
import type { RawTable } from './variants-raw.ts';
import { isReservedSlug, slugify } from './variants-slug.ts';
import { readYaml } from './variants-yaml.ts';

export { slugify } from './variants-slug.ts';

/** One leaflet of a publication with `variants:`: one local group, one row of its data file. */
export interface Variant {
  /** Safe file name for output/<id>/<slug>.pdf: a-z, 0-9 and '-', never empty, never '.' or '..'. */
  slug: string;
  /**
   * Column → value, as written (trimmed), for every column. Plain text, never
   * Markdown or template code. No prototype: a column named `constructor`
   * or `__proto__` is just a column.
   */
  fields: Record<string, string>;
  /** Where the row is, for diagnostics about it: a CSV row's line, a YAML mapping's first key. */
  at: SourcePoint;
}

export interface VariantTable {
  /** Project-relative path of the data file. */
  file: string;
  columns: string[];
  rows: Variant[];
  /** Where each column is declared (CSV header cell / first YAML mapping key), for "missing column" errors. */
  columnAt(name: string): SourcePoint | undefined;
}

export interface VariantsOptions {
  /** Project-relative path of the publication's Markdown file; `variants:` is relative to it. */
  markdownPath: string;
  /** The content folder; the data file must be inside it. */
  contentDir: string;
  /** The front-matter value of `variants:`, as read. */
  value: unknown;
  /** Where `variants:` is written in the Markdown file: errors about the path point there. */
  declaredAt: SourcePoint;
}

/**
 * Reads and checks the variants file named in a publication's front matter:
 * a CSV (`,` or `;`, BOM, CRLF, quoted cells, as spreadsheets export it) or a
 * YAML list of mappings. Every problem is reported to `diagnostics`, with
 * rules `variants-path`, `variants-read`, `variants-encoding`,
 * `variants-syntax`, `variants-header`, `variants-row`, `variants-empty`,
 * `variants-slug` and `variants-duplicate`; returns undefined when there was
 * any, since a leaflet for a misread row would go to print wrong.
 */
export async function loadVariants(world: World, options: VariantsOptions, diagnostics: Diagnostics): Promise<VariantTable | undefined> {
  const { value, declaredAt } = options;
  const path = resolvePath(options);
  if (typeof path !== 'string') {
    diagnostics.error(declaredAt, path.reason, 'variants-path');
    return undefined;
  }
  const written = String(value).trim();
  let bytes: Uint8Array;
  try {
    bytes = await world.readFile(path);
  } catch (error) {
    const reason =
      error instanceof WorldError && error.code === 'ENOENT'
        ? `variants file \`${written}\` not found (looked for ${path})`
        : `cannot read variants file \`${written}\`: ${error instanceof Error ? error.message : String(error)}`;
    diagnostics.error(declaredAt, reason, 'variants-read');
    return undefined;
  }
  const isCsv = /\.csv$/i.test(path);
  const text = decode(path, bytes, isCsv, diagnostics);
  if (text === undefined) return undefined;

  const mark = diagnostics.list.length;
  const raw = isCsv ? readCsv(path, text, diagnostics) : readYaml(path, text, diagnostics);
  if (!raw) return undefined;
  const rows = makeVariants(raw, diagnostics);
  if (diagnostics.countSince(mark) > 0) return undefined;
  const columnPlaces = new Map(raw.columns.map((c) => [c.name, c.at]));
  return { file: path, columns: raw.columns.map((c) => c.name), rows, columnAt: (name) => columnPlaces.get(name) };
}

/**
 * Reports every column a layout or the Markdown uses that the table lacks
 * (`variants-column`): at `usedAt`, where it is used, when given, else at the
 * data file's header (a YAML file's first key). Returns whether all exist.
 */
export function checkColumns(table: VariantTable, used: ReadonlyArray<{ name: string; usedAt?: SourcePoint }>, diagnostics: Diagnostics): boolean {
  let ok = true;
  // At the data file's header, where the column is missing; the message names where it is printed.
  const header = table.columnAt(table.columns[0] ?? '') ?? at(table.file);
  for (const { name, usedAt } of used) {
    if (table.columns.includes(name)) continue;
    const by = usedAt ? `, which ${usedAt.file}:${usedAt.line}:${usedAt.column} prints` : '';
    diagnostics.error(header, `no column \`${name}\`${by} (this file has: ${table.columns.join(', ')}); add it here or correct the name there`, 'variants-column');
    ok = false;
  }
  return ok;
}

/** The data file's project path, or why `variants:` cannot name one: the same confinement as images and includes. */
function resolvePath({ markdownPath, contentDir, value }: VariantsOptions): string | { reason: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    return { reason: 'front matter `variants` must be the path of a .csv, .yaml or .yml file, relative to this file' };
  }
  const written = value.trim();
  const outside = { reason: `variants file \`${written}\` is outside the content folder; put it inside and write its path relative to this file` };
  if (written.startsWith('/') || /^[a-z]:/i.test(written)) return outside;
  if (written.includes('\\')) return { reason: `variants file \`${written}\`: write the path with forward slashes, relative to this file` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) {
    return { reason: `variants file \`${written}\` is not fetched; save it inside the content folder and write its path relative to this file` };
  }
  const root = posix.normalize(contentDir).replace(/\/+$/, '');
  const target = posix.join(posix.dirname(posix.normalize(markdownPath)), written);
  const inside = root === '.' ? !(target === '..' || target.startsWith('../')) : target.startsWith(`${root}/`);
  if (!inside) return outside;
  if (!/\.(csv|ya?ml)$/i.test(written)) {
    return { reason: `variants file \`${written}\` must be a .csv, .yaml or .yml file; export the sheet as CSV (UTF-8)` };
  }
  return target;
}

/**
 * Strict UTF-8, as for Markdown files (decodeSource finds the first bad
 * byte's line and column), reported under the variants rule with advice
 * for spreadsheets, which often default to a local code page.
 */
function decode(path: string, bytes: Uint8Array, isCsv: boolean, diagnostics: Diagnostics): string | undefined {
  const scratch = new Diagnostics();
  const text = decodeSource(path, bytes, scratch);
  const problem = scratch.list[0];
  if (text !== undefined || !problem) return text;
  const advice = isCsv ? 'export it again as CSV with the character set UTF-8' : 'save it as UTF-8';
  diagnostics.error(problem, `file is not valid UTF-8; ${advice}`, 'variants-encoding');
  return undefined;
}

/** Slugs from the `slug` column when there is one, else the first column; each must be usable and unique. */
function makeVariants(raw: RawTable, diagnostics: Diagnostics): Variant[] {
  const names = raw.columns.map((c) => c.name);
  const slugIndex = names.findIndex((name) => name.toLowerCase() === 'slug');
  const source = slugIndex >= 0 ? slugIndex : 0;
  const sourceName = names[source] ?? '';
  const fromSlugColumn = slugIndex >= 0;
  const taken = new Map<string, number>();
  const variants: Variant[] = [];
  for (const row of raw.rows) {
    const cell = row.cells[source];
    if (!cell) continue;
    const slug = slugify(cell.text);
    const problem = slugProblem(cell.text, slug, sourceName, fromSlugColumn, taken.get(slug));
    if (problem) {
      diagnostics.error(cell.at, problem.reason, problem.rule);
      continue;
    }
    taken.set(slug, row.at.line);
    const fields = Object.create(null) as Record<string, string>;
    for (const [index, name] of names.entries()) fields[name] = row.cells[index]?.text ?? '';
    variants.push({ slug, fields, at: row.at });
  }
  return variants;
}

function slugProblem(text: string, slug: string, column: string, fromSlugColumn: boolean, takenAt: number | undefined): { reason: string; rule: string } | undefined {
  const fix = fromSlugColumn ? 'write it with letters a-z, digits and -' : 'add a `slug` column with a name made of a-z, 0-9 and -';
  if (text === '') {
    const fill = fromSlugColumn ? 'fill it in' : 'fill it in, or add a `slug` column';
    return { reason: `column \`${column}\` is empty, so the row has no file name; ${fill}`, rule: 'variants-slug' };
  }
  if (slug === '') return { reason: `\`${text}\` (column \`${column}\`) gives an empty file name; ${fix}`, rule: 'variants-slug' };
  if (isReservedSlug(slug)) {
    const other = fromSlugColumn ? 'write another slug' : 'add a `slug` column with another name';
    return { reason: `\`${text}\` (column \`${column}\`) gives the file name \`${slug}\`, which Windows reserves for a device; ${other}`, rule: 'variants-slug' };
  }
  if (takenAt !== undefined) {
    const differ = fromSlugColumn ? 'give this row another `slug`' : `make the \`${column}\` values differ, or add a \`slug\` column`;
    return { reason: `file name \`${slug}\` is already taken by the row at line ${takenAt}; ${differ}`, rule: 'variants-duplicate' };
  }
  return undefined;
}
