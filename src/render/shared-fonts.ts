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
 * it. What a PDF embeds stays its own: each gets a new subset.
 */

type Font = Fontkit.Font;
interface EmbeddedFont {
  font: Font;
  subset: unknown;
  layoutCache?: Record<string, unknown>;
}
interface PdfKitDocument {
  _font?: EmbeddedFont;
  font(src: unknown, family?: unknown, size?: unknown): PdfKitDocument;
}

const parsed = new WeakMap<Uint8Array, Font>();
/** Words shaped with each font, shared by every PDF: fontkit's shaping is a pure function of the text. */
const shaped = new WeakMap<Font, Record<string, unknown>>();
const INSTALLED = Symbol.for('roneo.shared-fonts.installed');

/** The font parsed from these bytes, for pdfkit to use when it opens the same Buffer. */
export function shareParsedFont(bytes: Uint8Array, font: Font): void {
  parsed.set(bytes, font);
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
  prototype.font = function (this: PdfKitDocument, src: unknown, family?: unknown, size?: unknown) {
    const result = font.call(this, src, family, size);
    const shared = src instanceof Uint8Array && family == null ? parsed.get(src) : undefined;
    const opened = this._font;
    if (shared && opened && opened.font !== shared && opened.font.postscriptName === shared.postscriptName) {
      opened.font = shared;
      opened.subset = shared.createSubset();
      let words = shaped.get(shared);
      if (!words) shaped.set(shared, (words = Object.create(null) as Record<string, unknown>));
      if (opened.layoutCache) opened.layoutCache = words;
    }
    return result;
  };
  Object.defineProperty(prototype, INSTALLED, { value: true });
}
