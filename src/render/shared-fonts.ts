import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/**
 * pdfkit parses a font anew for every PDF it makes, and with the parse it
 * loses what fontkit decoded on the way (the font's substitution and
 * positioning tables) and the shaping of every word (its layout cache).
 * For one dossier that is nothing; for a thousand variants of a leaflet it
 * was most of the time. pdfkit's PDFDocument.font is wrapped: when it opens
 * a font file the FontSet has already parsed (the same Buffer), the font it
 * made is given the parsed font instead, and the words already shaped with
 * it. What a PDF embeds stays its own: each gets a new subset (whose bytes
 * are kept for the next PDF that uses the same glyphs).
 */

type Font = Fontkit.Font;
interface Subset {
  /** Glyph ids in the order first used: they decide the subset's bytes. */
  glyphs: number[];
  encode(): Uint8Array;
}
interface EmbeddedFont {
  font: Font;
  subset: Subset;
  layoutCache?: Record<string, unknown>;
}
interface PdfKitDocument {
  _font?: EmbeddedFont | null;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontSource?: unknown;
  _fontFamily?: unknown;
  font(src: unknown, family?: unknown, size?: unknown): PdfKitDocument;
  fontSize(size: unknown): PdfKitDocument;
}
/** pdfkit's EmbeddedFont: not exported, so taken from the first font pdfkit opens itself. */
type EmbeddedFontClass = new (document: PdfKitDocument, font: Font, id: string) => EmbeddedFont & { name?: string; id: string };

const parsed = new WeakMap<Uint8Array, Font>();
/** Subsets already encoded, by font and glyph list: variants of a leaflet mostly use the same glyphs. */
const encoded = new WeakMap<Font, Map<string, Uint8Array>>();
/** Encoded subsets kept per font; a long watch session must not grow without bound. */
const MAX_SUBSETS = 64;
/** Words shaped with each font, shared by every PDF: fontkit's shaping is a pure function of the text. */
const shaped = new WeakMap<Font, Record<string, unknown>>();
const INSTALLED = Symbol.for('roneo.shared-fonts.installed');

/** The font parsed from these bytes, for pdfkit to use when it opens the same Buffer. */
export function shareParsedFont(bytes: Uint8Array, font: Font): void {
  parsed.set(bytes, font);
}

/**
 * A new subset of the font whose encoding is kept: the same glyphs in the
 * same order give the same bytes, and fontkit's encoding of a subset is a
 * good part of the cost of a small PDF.
 */
function rememberingSubset(font: Font): Subset {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    let known = encoded.get(font);
    if (!known) encoded.set(font, (known = new Map()));
    const key = subset.glyphs.join(',');
    let bytes = known.get(key);
    if (!bytes) {
      bytes = encode();
      if (known.size >= MAX_SUBSETS) known.delete(known.keys().next().value!);
      known.set(key, bytes);
    }
    return bytes;
  };
  return subset;
}

export function installSharedFonts(): void {
  const require = createRequire(import.meta.url);
  const version = (require('pdfkit/package.json') as { version: string }).version;
  const exported = require('pdfkit/js/pdfkit.js') as { default?: { prototype: PdfKitDocument } } & { prototype?: PdfKitDocument };
  const prototype = exported.default?.prototype ?? exported.prototype;
  if (!/^0\.1[5-9]\./.test(version) || typeof prototype?.font !== 'function') {
    throw new Error(`shared fonts (src/render/shared-fonts.ts) wrap PDFDocument.font of pdfkit 0.15–0.19, but pdfkit ${version} is installed`);
  }
  if (Object.prototype.hasOwnProperty.call(prototype, INSTALLED)) return;
  const font = prototype.font;
  let Embedded: EmbeddedFontClass | undefined;
  prototype.font = function (this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) {
    const known = src instanceof Uint8Array && family == null && Embedded ? parsed.get(src) : undefined;
    if (known && Embedded) return openShared(this, Embedded, src as Uint8Array, known, size);
    const result = font.call(this, src, family, size);
    if (this._font && (this._font as { constructor: unknown }).constructor !== Object && src instanceof Uint8Array) Embedded ??= (this._font as unknown as { constructor: EmbeddedFontClass }).constructor;
    const shared = src instanceof Uint8Array && family == null ? parsed.get(src) : undefined;
    const opened = this._font;
    if (shared && opened && opened.font !== shared && opened.font.postscriptName === shared.postscriptName) {
      opened.font = shared;
      opened.subset = rememberingSubset(shared);
      let words = shaped.get(shared);
      if (!words) shaped.set(shared, (words = Object.create(null) as Record<string, unknown>));
      if (opened.layoutCache) opened.layoutCache = words;
    }
    return result;
  };
  Object.defineProperty(prototype, INSTALLED, { value: true });
}

/**
 * pdfkit's own `font()` for a font file already parsed, without parsing it
 * again (fontkit decodes its tables anew for every PDF, some 5 ms a face):
 * the same steps, ids and font table as pdfkit's, with the shared font.
 */
function openShared(document: PdfKitDocument, Embedded: EmbeddedFontClass, src: Uint8Array, shared: Font, size: unknown): PdfKitDocument {
  document._fontSource = src;
  document._fontFamily = undefined;
  if (size != null) document.fontSize(size);
  // pdfkit numbers every font it opens from bytes, even one it then finds it already has: the same ids follow.
  const id = `F${++document._fontCount}`;
  const existing = document._fontFamilies[shared.postscriptName];
  if (existing && existing.font === shared) {
    document._font = existing;
    return document;
  }
  const embedded = new Embedded(document, shared, id);
  embedded.subset = rememberingSubset(shared);
  let words = shaped.get(shared);
  if (!words) shaped.set(shared, (words = Object.create(null) as Record<string, unknown>));
  if (embedded.layoutCache) embedded.layoutCache = words;
  document._font = embedded;
  if (embedded.name && !document._fontFamilies[embedded.name]) document._fontFamilies[embedded.name] = embedded;
  else if (!embedded.name || document._fontFamilies[embedded.name] !== embedded) document._fontFamilies[embedded.id] = embedded;
  return document;
}
