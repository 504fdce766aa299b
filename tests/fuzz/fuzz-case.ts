import fc from 'fast-check';
import type { Profile } from '../../src/build.ts';

/** One generated input: a project's content (beside the repo's templates and fonts) and how it is built. */
export interface FuzzCase {
  /** Where it comes from, for the report: the grammar and its layout, or the campaign file and its mutations. */
  origin: string;
  /** Project paths (`content/…`) and their bytes. */
  files: Record<string, Uint8Array>;
  /** What to make besides the reading PDF; unset, Roneo's default (screen and home: print sheets and booklets). */
  profiles?: Profile[];
  /** `build({ check: true })`: every validation, nothing rendered. */
  check?: boolean;
}

export type BuildMode = Pick<FuzzCase, 'profiles' | 'check'>;

/**
 * Mostly the screen profile alone, which is the cheapest; a fifth with the
 * default profiles, so leaflets' print sheets and pamphlets' booklets are
 * imposed; a few for the print shop (bleed and crop marks); a few checks only.
 */
export const buildMode: fc.Arbitrary<BuildMode> = fc.oneof(
  { arbitrary: fc.constant<BuildMode>({ profiles: ['screen'] }), weight: 14 },
  { arbitrary: fc.constant<BuildMode>({}), weight: 4 },
  { arbitrary: fc.constant<BuildMode>({ profiles: ['home', 'shop'] }), weight: 1 },
  { arbitrary: fc.constant<BuildMode>({ profiles: ['screen'], check: true }), weight: 1 },
);

/** Gives a case the readable form fast-check prints for a counterexample. */
export function described(fuzzCase: FuzzCase): FuzzCase {
  return Object.defineProperty(fuzzCase, fc.toStringMethod, { value: () => describeCase(fuzzCase), enumerable: false });
}

const SHOWN_CHARS = 3_000;

/** The case as a person reads it: its origin, its options, and each text file (escaped where it is not printable). */
export function describeCase(fuzzCase: FuzzCase): string {
  const lines = [`${fuzzCase.origin}`, `build options: ${JSON.stringify({ profiles: fuzzCase.profiles ?? 'default', ...(fuzzCase.check ? { check: true } : {}) })}`];
  for (const [path, bytes] of Object.entries(fuzzCase.files)) {
    if (/\.(png|jpe?g|svg)$/i.test(path)) {
      lines.push(`--- ${path} (${bytes.byteLength} bytes)`);
      continue;
    }
    const text = new TextDecoder().decode(bytes);
    const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}… (${text.length - SHOWN_CHARS} more characters)` : text;
    lines.push(`--- ${path} (${bytes.byteLength} bytes)`, visible(shown));
  }
  return lines.join('\n');
}

/** Invisible and control characters as `\u{…}`, so a report shows what the file holds; line breaks kept as they are. */
function visible(text: string): string {
  return text.replace(/[\0-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff\ufffd]/g, (c) => (c === '\r' ? '\\r' : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`));
}
