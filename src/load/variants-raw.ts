import type { SourcePoint } from '../diagnostics/diagnostic.ts';

/**
 * What the CSV and YAML readers agree on, before slugs are made: named
 * columns and rows of trimmed text, each with its place in the file so later
 * checks can point at the very cell.
 */
export interface RawTable {
  columns: RawColumn[];
  /** Only rows whose shape matched the columns; the others were reported. */
  rows: RawRow[];
}

export interface RawColumn {
  name: string;
  at: SourcePoint;
}

export interface RawRow {
  at: SourcePoint;
  /** One cell per column, in column order. */
  cells: RawCell[];
}

export interface RawCell {
  text: string;
  at: SourcePoint;
}
