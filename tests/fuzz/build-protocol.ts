/** What the test thread and the build worker say to each other. */
import type { Profile } from '../../src/build.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

export interface BuildRequest {
  id: number;
  files: Record<string, Uint8Array>;
  profiles?: Profile[];
  check?: boolean;
}

/** The start and end of a file the build wrote: enough to tell a whole PDF from a cut or empty one. */
export interface OutputFile {
  exists: boolean;
  bytes: number;
  /** The first 8 bytes, as Latin-1. */
  head: string;
  /** The last 32 bytes, as Latin-1. */
  tail: string;
}

export type BuildOutcome =
  | {
      kind: 'resolved';
      ok: boolean;
      diagnostics: Diagnostic[];
      /** Each publication built, with the project paths of the files it lists. */
      publications: Array<{ id: string; files: string[] }>;
      outputs: Record<string, OutputFile>;
    }
  | { kind: 'rejected'; error: string };

export interface BuildReport {
  id: number;
  /** build()'s own time, from the call to its settling. */
  milliseconds: number;
  /** The project's files before the build: every path a diagnostic may name. */
  inputs: string[];
  /** Errors during the build that no caller could catch (unhandled rejections, exceptions from callbacks). */
  strays: string[];
  /** Lines the build wrote to the console. */
  console: string[];
  outcome: BuildOutcome;
}

export type WorkerMessage = { kind: 'ready' } | (BuildReport & { kind?: undefined });
