import type { Diagnostic } from './diagnostic.ts';
import { printable } from './printable.ts';

/** `path:line:column: severity: reason [rule]`, the shape editors and CI annotators parse: always one line. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column}: ${d.severity}: ${printable(d.reason)} [${d.rule}]`;
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.rule, b.rule),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
