import { printable } from './printable.ts';

export type Severity = 'error' | 'warning';

/** A point in a source file, 1-based like unist positions. */
export interface SourcePoint {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends SourcePoint {
  severity: Severity;
  reason: string;
  /** Stable identifier users can search for, printed in brackets. */
  rule: string;
}

/**
 * Collects every problem of a build so the user sees all of them at once;
 * stages add to it and keep going wherever they can.
 */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  /** A reason may quote what was written (a cell, a column's name, a path): it is kept one printable line. */
  error(at: SourcePoint, reason: string, rule: string): void {
    this.add({ ...pointOf(at), severity: 'error', reason: printable(reason), rule });
  }

  warn(at: SourcePoint, reason: string, rule: string): void {
    this.add({ ...pointOf(at), severity: 'warning', reason: printable(reason), rule });
  }

  /** A problem found before and kept (by a cache of what was loaded), reported again as it was. */
  repeat(diagnostic: Diagnostic): void {
    this.add({ ...diagnostic });
  }

  /** An article shared by several publications is checked for each; its problems are reported once. */
  private add(diagnostic: Diagnostic): void {
    const key = JSON.stringify(diagnostic);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(diagnostic);
  }

  /** Whether any error was reported in one of these files. */
  hasErrorsIn(files: ReadonlySet<string>): boolean {
    return this.list.some((d) => d.severity === 'error' && files.has(d.file));
  }

  hasErrorsFor(file: string): boolean {
    return this.list.some((d) => d.severity === 'error' && d.file === file);
  }

  countSince(mark: number, severity: Severity = 'error'): number {
    return this.list.slice(mark).filter((d) => d.severity === severity).length;
  }
}

function pointOf(at: SourcePoint): SourcePoint {
  return { file: at.file, line: Math.max(1, at.line), column: Math.max(1, at.column) };
}

export function at(file: string, line = 1, column = 1): SourcePoint {
  return { file, line, column };
}
