import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostics, SourcePoint } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { RawCell, RawColumn, RawRow, RawTable } from './variants-raw.ts';
import { MAX_YAML_NESTING, tooDeepYaml } from './yaml-nesting.ts';

/**
 * Reads a YAML list of mappings, one per group; the first mapping's keys are
 * the columns and every other mapping must have the same keys. The failsafe
 * schema keeps every value as written: `06000` stays a postcode, `no` and
 * `null` stay words, as they would in a spreadsheet cell.
 */
export function readYaml(file: string, text: string, diagnostics: Diagnostics): RawTable | undefined {
  const deep = tooDeepYaml(text);
  if (deep) {
    diagnostics.error(at(file, deep.line, deep.column), `variants file nests lists and mappings more than ${MAX_YAML_NESTING} deep here; a table needs two, a list of groups and a mapping for each`, 'variants-syntax');
    return undefined;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'failsafe' });
  const point = (node: { range?: [number, number, number] | null } | null | undefined): SourcePoint => {
    const offset = node?.range?.[0];
    if (offset === undefined) return at(file);
    const { line, col } = lineCounter.linePos(offset);
    return at(file, line, col);
  };

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      diagnostics.error(at(file, line, col), `invalid YAML: ${firstSentence(error.message)}`, 'variants-syntax');
    }
    return undefined;
  }
  const list = document.contents;
  if (list === null || (isSeq(list) && list.items.length === 0)) {
    diagnostics.error(point(list), 'variants file is empty; write a list with one mapping per group, such as `- city: Paris`', 'variants-empty');
    return undefined;
  }
  if (!isSeq(list)) {
    diagnostics.error(point(list), 'variants file must be a list of groups, one mapping each, such as `- city: Paris`', 'variants-syntax');
    return undefined;
  }

  let columns: RawColumn[] | undefined;
  let firstLine = 0;
  const rows: RawRow[] = [];
  for (const item of list.items) {
    const node = resolve(item, document);
    const entry = readMapping(node, document, point, diagnostics);
    if (!entry) continue;
    const rowAt = point(item as YamlNode | null);
    if (!columns) {
      columns = entry.map(({ name, keyAt }) => ({ name, at: keyAt }));
      firstLine = rowAt.line;
    }
    const row = alignRow(entry, columns, firstLine, rowAt, diagnostics);
    if (row) rows.push(row);
  }
  return columns ? { columns, rows } : undefined;
}

interface Entry {
  name: string;
  keyAt: SourcePoint;
  cell: RawCell;
}

type Locate = (node: YamlNode | null | undefined) => SourcePoint;

/** One group's pairs, or undefined once its problems are reported. */
function readMapping(node: YamlNode | null | undefined, document: Document, point: Locate, diagnostics: Diagnostics): Entry[] | undefined {
  if (!isMap(node)) {
    diagnostics.error(point(node), 'each group must be a mapping of column: value, such as `city: Paris`', 'variants-syntax');
    return undefined;
  }
  const entries: Entry[] = [];
  let ok = true;
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = resolve(pair.key, document);
    // An alias's value is used, but its place is where the alias is written.
    const written = pair.value as YamlNode | null;
    const value = resolve(written, document);
    if (!isScalar(key)) {
      diagnostics.error(point(key ?? node), 'a column name must be plain text', 'variants-syntax');
      ok = false;
      continue;
    }
    const name = String(key.value).trim();
    if (name === '') {
      diagnostics.error(point(key), 'a column name is empty; name it', 'variants-header');
      ok = false;
      continue;
    }
    if (value !== null && value !== undefined && !isScalar(value)) {
      diagnostics.error(point(value), `\`${name}\` must be plain text, not a list or mapping`, 'variants-syntax');
      ok = false;
      continue;
    }
    // `city:` with nothing after it is an empty cell; its place is the key's.
    const text = value === null || value === undefined ? '' : String(value.value).trim();
    const empty = !written?.range || written.range[0] === written.range[1];
    entries.push({ name, keyAt: point(key), cell: { text, at: empty ? point(key) : point(written) } });
  }
  return ok ? entries : undefined;
}

/** The row's cells in column order; a missing key is reported at the row, an extra one at itself. */
function alignRow(entries: Entry[], columns: RawColumn[], firstLine: number, rowAt: SourcePoint, diagnostics: Diagnostics): RawRow | undefined {
  let ok = true;
  const names = columns.map((c) => c.name);
  const cells: RawCell[] = [];
  for (const name of names) {
    const entry = entries.find((e) => e.name === name);
    if (entry) cells.push(entry.cell);
    else {
      diagnostics.error(rowAt, `group lacks \`${name}\`, a column of the first group (line ${firstLine}); add it, empty if need be (\`${name}: ""\`)`, 'variants-row');
      ok = false;
    }
  }
  for (const entry of entries) {
    if (names.includes(entry.name)) continue;
    const listed = names.join(', ');
    diagnostics.error(entry.keyAt, `\`${entry.name}\` is not a column: the first group (line ${firstLine}) has ${listed}; correct it, or add it to the first group`, 'variants-row');
    ok = false;
  }
  return ok ? { at: rowAt, cells } : undefined;
}

/**
 * An alias stands for the group or value it names. Only mappings of scalars
 * are accepted, so resolving one level never expands an alias bomb.
 */
function resolve(item: unknown, document: Document): YamlNode | null | undefined {
  if (isAlias(item)) return item.resolve(document) as YamlNode | undefined;
  return item as YamlNode | null;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').trim();
}
