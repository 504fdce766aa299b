/**
 * A fuzz case kept as a file, so that it is built again on every run:
 * tests/fuzz/regressions/<name>.json. Text files are stored as text, to be
 * read and edited; files whose bytes text cannot hold (invalid UTF-8) as
 * base64. Files of the campaign that the case left untouched are named, not
 * copied, and read from content/ when the case is replayed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../src/build.ts';
import { REPO } from '../helpers/project.ts';
import type { FuzzCase } from './fuzz-case.ts';
import type { Flaw } from './invariants.ts';

export interface RegressionFixture {
  /** What the case broke, in a sentence. */
  broke: string;
  /** Set while the bug is open in code this suite does not own: where it is. The case then runs as `it.fails`. */
  bug?: string;
  /**
   * With `bug`: how the fuzz runs recognise the open bug (the invariant it breaks, the rules of the diagnostics
   * that break it, and words of their reason), so that meeting it again is counted rather than failed.
   */
  known?: { flaw: Flaw; rules?: string[]; reason?: string };
  origin?: string;
  profiles?: Profile[];
  check?: boolean;
  files: Record<string, { text: string } | { base64: string }>;
  /** Campaign files used as they are in content/ (project paths). */
  campaign?: string[];
}

const FOLDER = fileURLToPath(new URL('./regressions/', import.meta.url));

/** The regression cases, by name (the file's name without `.json`). */
export function regressionFixtures(): Array<{ name: string; fixture: RegressionFixture }> {
  return readdirSync(FOLDER)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.json'.length), fixture: JSON.parse(readFileSync(join(FOLDER, file), 'utf8')) as RegressionFixture }));
}

export function toFixture(fuzzCase: FuzzCase, broke: string): RegressionFixture {
  const files: RegressionFixture['files'] = {};
  const campaign: string[] = [];
  for (const [path, bytes] of Object.entries(fuzzCase.files)) {
    if (sameAsCampaign(path, bytes)) campaign.push(path);
    else files[path] = asStored(bytes);
  }
  return {
    broke,
    origin: fuzzCase.origin,
    ...(fuzzCase.profiles ? { profiles: fuzzCase.profiles } : {}),
    ...(fuzzCase.check ? { check: true } : {}),
    files,
    ...(campaign.length > 0 ? { campaign } : {}),
  };
}

export function fromFixture(fixture: RegressionFixture, name: string): FuzzCase {
  const files: Record<string, Uint8Array> = {};
  for (const path of fixture.campaign ?? []) files[path] = new Uint8Array(readFileSync(join(REPO, path)));
  for (const [path, stored] of Object.entries(fixture.files)) {
    files[path] = 'text' in stored ? new TextEncoder().encode(stored.text) : new Uint8Array(Buffer.from(stored.base64, 'base64'));
  }
  return {
    origin: fixture.origin ?? `regression ${name}`,
    files,
    ...(fixture.profiles ? { profiles: fixture.profiles } : {}),
    ...(fixture.check ? { check: true } : {}),
  };
}

function asStored(bytes: Uint8Array): { text: string } | { base64: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    // Only when encoding the text gives back the very same bytes.
    if (Buffer.from(new TextEncoder().encode(text)).equals(Buffer.from(bytes))) return { text };
  } catch {
    // Not UTF-8: kept as bytes.
  }
  return { base64: Buffer.from(bytes).toString('base64') };
}

function sameAsCampaign(path: string, bytes: Uint8Array): boolean {
  const original = join(REPO, path);
  return path.startsWith('content/') && existsSync(original) && readFileSync(original).equals(Buffer.from(bytes));
}
