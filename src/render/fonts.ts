import { sha256Of } from '../world/content-hash.ts';
import type * as Fontkit from 'fontkit';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { fontkit } from './fontkit.ts';
import { fixMarkAnchors } from './mark-anchors.ts';
import { shareParsedFont } from './shared-fonts.ts';

export const VARIANTS = ['normal', 'bold', 'italics', 'bolditalics'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface FontFace {
  family: string;
  variant: Variant;
  /** Project-relative path of the TTF/OTF file. */
  path: string;
  /** The file; render-pdf hands this very Buffer to pdfmake, no copy. */
  bytes: Buffer;
  hasGlyph(codePoint: number): boolean;
}

/**
 * The fonts a project ships in `fonts/`, declared in `fonts/fonts.json` as
 * family → {normal, bold, italics, bolditalics}. pdfmake never falls back to
 * another font, so coverage is checked here before anything is drawn.
 */
export class FontSet {
  private constructor(
    readonly faces: Map<string, Record<Variant, FontFace>>,
    /** Where the families are declared, for messages. */
    readonly manifestPath: string,
  ) {}

  static async load(world: World, fontsDir: string, diagnostics: Diagnostics): Promise<FontSet> {
    const manifestPath = `${fontsDir}/fonts.json`;
    const families = new Map<string, Record<Variant, FontFace>>();
    let manifest: unknown;
    try {
      manifest = JSON.parse(new TextDecoder().decode(await world.readFile(manifestPath)));
    } catch (error) {
      diagnostics.error(at(manifestPath), `cannot read the font list: ${(error as Error).message}`, 'fonts');
      return new FontSet(families, manifestPath);
    }
    if (typeof manifest !== 'object' || manifest === null) {
      diagnostics.error(at(manifestPath), 'the font list must map family names to their four files', 'fonts');
      return new FontSet(families, manifestPath);
    }
    // Failures are remembered too: one bad file listed for four variants is one problem.
    const loaded = new Map<string, FontFace | null>();
    for (const [family, files] of Object.entries(manifest as Record<string, Record<string, unknown>>)) {
      const faces: Partial<Record<Variant, FontFace>> = {};
      for (const variant of VARIANTS) {
        const file = files?.[variant];
        if (typeof file !== 'string') {
          diagnostics.error(at(manifestPath), `font family "${family}" has no ${variant} file`, 'fonts');
          continue;
        }
        const path = `${fontsDir}/${file}`;
        let face = loaded.get(path);
        if (face === undefined) {
          face = (await loadFace(world, family, variant, path, diagnostics)) ?? null;
          loaded.set(path, face);
        }
        if (face) faces[variant] = { ...face, family, variant };
      }
      if (VARIANTS.every((v) => faces[v])) families.set(family, faces as Record<Variant, FontFace>);
    }
    return new FontSet(families, manifestPath);
  }

  face(family: string, variant: Variant): FontFace | undefined {
    return this.faces.get(family)?.[variant];
  }

  families(): string[] {
    return [...this.faces.keys()];
  }
}

/** A font file as parsed, with the glyphs already asked about: the same bytes give the same font. */
interface ParsedFace {
  /** The bytes it was parsed from: handed to pdfmake, and the key pdfkit finds the parsed font by (shared-fonts.ts). */
  bytes: Buffer;
  font: Fontkit.Font;
  glyphs: Map<number, boolean>;
}

/**
 * Fonts parsed in this process, by the SHA-256 of their bytes, most recently used last. A process that builds
 * again (`roneo watch`, a test) parses each font once: a file whose bytes are unchanged is not parsed again, and
 * its Buffer is the very one of the last build, so pdfmake's copy and pdfkit's parsed font are reused as well. A
 * changed file has new bytes, and so is parsed anew. Bounded, so that a long session editing fonts does not
 * keep every version.
 */
const parsedFaces = new Map<string, ParsedFace>();
const MAX_PARSED_FACES = 32;
let parses = 0;

/** How many font files this process parsed: a test proves a second build parses none. */
export function fontParseCount(): number {
  return parses;
}

async function loadFace(world: World, family: string, variant: Variant, path: string, diagnostics: Diagnostics): Promise<FontFace | undefined> {
  let read: Uint8Array;
  try {
    read = await world.readFile(path);
  } catch {
    diagnostics.error(at(path), `font file for "${family}" (${variant}) not found`, 'fonts');
    return undefined;
  }
  const key = sha256Of(read);
  let parsed = parsedFaces.get(key);
  if (parsed) {
    parsedFaces.delete(key);
  } else {
    const bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    try {
      parses++;
      const created = fontkit.create(bytes);
      if (!('hasGlyphForCodePoint' in created)) throw new Error('font collections are not supported; use a single TTF/OTF file');
      fixMarkAnchors(created);
      shareParsedFont(bytes, created);
      parsed = { bytes, font: created, glyphs: new Map() };
    } catch (error) {
      // Not kept: a file that cannot be read is reported again at every build, until it is replaced.
      diagnostics.error(at(path), `cannot read font: ${(error as Error).message}`, 'fonts');
      return undefined;
    }
    if (parsedFaces.size >= MAX_PARSED_FACES) parsedFaces.delete(parsedFaces.keys().next().value!);
  }
  parsedFaces.set(key, parsed);
  const { bytes, font, glyphs } = parsed;
  return {
    family,
    variant,
    path,
    bytes,
    hasGlyph(codePoint) {
      let has = glyphs.get(codePoint);
      if (has === undefined) {
        has = font.hasGlyphForCodePoint(codePoint);
        glyphs.set(codePoint, has);
      }
      return has;
    },
  };
}
