import type { Inline } from 'pdfmake/js/TextInlines.js';

interface FontkitFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

const advances = new WeakMap<FontkitFont, Map<number, number>>();

/**
 * A text's width from its characters' own advances, without the font's
 * shaping (kerning, ligatures): the shaping of each new string costs about a
 * tenth of a millisecond with these fonts, and hyphenation asks for the width
 * of many word parts that are never drawn. Within a fraction of a point of
 * the shaped width; used to rule out places to break and to size table
 * columns, never to place text. `undefined` when the inline's font is not
 * one fontkit parsed.
 */
export function plainWidth(text: string, inline: Inline): number | undefined {
  const font = (inline as { font?: { font?: FontkitFont } }).font?.font;
  const size = (inline as { fontSize?: unknown }).fontSize;
  if (!font || typeof font.glyphForCodePoint !== 'function' || typeof size !== 'number') return undefined;
  let table = advances.get(font);
  if (!table) advances.set(font, (table = new Map()));
  let units = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    let advance = table.get(codePoint);
    if (advance === undefined) {
      advance = font.glyphForCodePoint(codePoint).advanceWidth;
      table.set(codePoint, advance);
    }
    units += advance;
  }
  const spacing = (inline as { characterSpacing?: number }).characterSpacing ?? 0;
  return (units * size) / font.unitsPerEm + spacing * (text.length - 1);
}
