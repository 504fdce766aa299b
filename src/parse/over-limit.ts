import type { Node } from 'unist';

/**
 * What stands in the tree where a part past one of the limits was cut out
 * at parse time, so later stages never see it; it prints nothing. The root's
 * `data.overLimits` lists those to report, which layoutPublication does
 * before it sets the text.
 */
export interface OverLimit extends Node {
  type: 'overLimit';
  rule: string;
  reason: string;
  /** Another cut of the same kind in the same file: only the first is reported. */
  quiet?: boolean;
}

declare module 'mdast' {
  interface RootData {
    /** The parts cut for going past a limit that are to be reported, in the order found. */
    overLimits?: OverLimit[];
  }
  interface BlockContentMap {
    overLimit: OverLimit;
  }
  interface PhrasingContentMap {
    overLimit: OverLimit;
  }
  interface RootContentMap {
    overLimit: OverLimit;
  }
}

export function overLimit(point: { line: number; column: number; offset?: number }, rule: string, reason: string, quiet = false): OverLimit {
  const start = { line: point.line, column: point.column, ...(point.offset !== undefined ? { offset: point.offset } : {}) };
  return { type: 'overLimit', rule, reason, ...(quiet ? { quiet } : {}), position: { start, end: { ...start } } };
}

/** `32` → `32`, `50000` → `50,000`: counts as the messages print them. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
