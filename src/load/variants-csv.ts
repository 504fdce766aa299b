import type { Diagnostics, SourcePoint } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { RawCell, RawColumn, RawRow, RawTable } from './variants-raw.ts';

type Separator = ',' | ';';

/**
 * Reads CSV as spreadsheets export it (RFC 4180, with `,` or `;`): the first
 * non-blank row names the columns, every other row gives one group. `text`
 * is already decoded, without BOM, with LF line ends (see decodeSource).
 */
export function readCsv(file: string, text: string, diagnostics: Diagnostics): RawTable | undefined {
  const separator = detectSeparator(text);
  const records = splitRecords(file, text, separator, diagnostics);
  if (!records) return undefined;
  const [header, ...body] = records;
  if (!header) {
    diagnostics.error(at(file), 'variants file is empty; write a header row of column names, then one row per group', 'variants-empty');
    return undefined;
  }
  const columns = readHeader(header, diagnostics);
  if (body.length === 0) {
    diagnostics.error(at(file, header.line, 1), 'variants file has a header but no rows; add one row per group', 'variants-empty');
    return undefined;
  }
  const rows: RawRow[] = [];
  for (const record of body) {
    const found = record.cells.length;
    const expected = columns.length;
    if (found === expected) {
      rows.push({ at: at(file, record.line, 1), cells: record.cells.map(trimmed) });
      continue;
    }
    const advice = found > expected ? `put quotes around a cell that holds \`${separator}\`` : 'add the missing cells, empty if need be';
    diagnostics.error(at(file, record.line, 1), `row has ${found} cells, the header has ${expected} columns; ${advice}`, 'variants-row');
  }
  return { columns, rows };
}

interface CsvRecord {
  line: number;
  cells: RawCell[];
}

function readHeader(header: CsvRecord, diagnostics: Diagnostics): RawColumn[] {
  const columns: RawColumn[] = [];
  const firstAt = new Map<string, number>();
  for (const [index, cell] of header.cells.entries()) {
    const name = cell.text.trim();
    const number = index + 1;
    if (name === '') {
      diagnostics.error(cell.at, `column ${number} of the header has no name; name it or delete the column`, 'variants-header');
    } else if (firstAt.has(name)) {
      diagnostics.error(cell.at, `column \`${name}\` is in the header twice (columns ${firstAt.get(name)} and ${number}); rename or delete one`, 'variants-header');
    } else firstAt.set(name, number);
    columns.push({ name, at: cell.at });
  }
  return columns;
}

function trimmed(cell: RawCell): RawCell {
  return { text: cell.text.trim(), at: cell.at };
}

/** The header decides: a French or German spreadsheet writes `;` because `,` is its decimal mark. */
function detectSeparator(text: string): Separator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  const start = text.search(/[^\s]/);
  for (let i = Math.max(0, start); i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n') break;
    else if (char === ',') commas += 1;
    else if (char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Cuts the text into records of cells, each cell where it starts. Blank
 * lines, and rows whose cells are all empty (what a spreadsheet exports for
 * a blank row), are left out. Returns undefined after an unclosed quote,
 * which swallows the rest of the file.
 */
function splitRecords(file: string, text: string, separator: Separator, diagnostics: Diagnostics): CsvRecord[] | undefined {
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const here = (offset: number): SourcePoint => at(file, line, offset - lineStart + 1);

  while (i <= text.length) {
    const record: CsvRecord = { line, cells: [] };
    for (;;) {
      const opening = skipBlanks(text, i);
      let cell: RawCell;
      if (text[opening] === '"') {
        const where = here(opening);
        let value = '';
        let k = opening + 1;
        for (;;) {
          const close = text.indexOf('"', k);
          if (close < 0) {
            diagnostics.error(where, 'quote opened here is never closed; close it, or double it (`""`) for a quote inside a cell', 'variants-syntax');
            return undefined;
          }
          const part = text.slice(k, close);
          value += part;
          for (let n = part.indexOf('\n'); n >= 0; n = part.indexOf('\n', n + 1)) {
            line += 1;
            lineStart = k + n + 1;
          }
          if (text[close + 1] === '"') {
            value += '"';
            k = close + 2;
          } else {
            k = close + 1;
            break;
          }
        }
        k = skipBlanks(text, k);
        const end = endOfCell(text, k, separator);
        if (end > k) {
          const stray = text.slice(k, end);
          diagnostics.error(here(k), `unexpected \`${stray.trimEnd()}\` after a closing quote; put the whole cell in quotes, and double any quote inside it (\`""\`)`, 'variants-syntax');
          value += stray;
        }
        cell = { text: value, at: where };
        i = end;
      } else {
        const end = endOfCell(text, i, separator);
        cell = { text: text.slice(i, end), at: here(i) };
        i = end;
      }
      record.cells.push(cell);
      if (text[i] === separator) {
        i += 1;
        continue;
      }
      if (text[i] === '\n') {
        line += 1;
        lineStart = i + 1;
      }
      i += 1;
      break;
    }
    if (record.cells.some((cell) => cell.text.trim() !== '')) records.push(record);
  }
  return records;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i += 1;
  return i;
}

function endOfCell(text: string, from: number, separator: Separator): number {
  let i = from;
  while (i < text.length && text[i] !== separator && text[i] !== '\n') i += 1;
  return i;
}
