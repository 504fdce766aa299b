import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { installInlineStyles } from '../../src/render/inline-styles.ts';

const require = createRequire(import.meta.url);

interface Piece {
  text: string;
  [property: string]: unknown;
}
type Measure = (this: unknown, array: Piece[], stack: unknown) => Piece[];
interface StackClass {
  new (styleDictionary: Record<string, unknown>, defaultStyle: Record<string, unknown>): { push(style: unknown): void };
}

const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: { prototype: { measure: Measure } } }).default;
const StyleContextStack = (require('pdfmake/js/StyleContextStack.js') as { default: StackClass }).default;

/** pdfmake's own measure, kept before the fix replaces it (this file runs in its own module context). */
const original = TextInlines.prototype.measure;
installInlineStyles();
const fixed = TextInlines.prototype.measure;

const STYLES = {
  body: { font: 'Serif', fontSize: 10.5, lineHeight: 0.82, alignment: 'justify', color: '#1a1a1a' },
  emphasis: { italics: true },
  strong: { bold: true, color: 'red' },
  kicker: { extends: 'strong', characterSpacing: 0.5, fontSize: 9 },
  note: { fontSize: 8.5, sup: true, link: 'https://example.org' },
};

/** A stand-in for pdfmake's document: fonts are names with a fixed advance per character. */
const lineHeight = (size: number) => size * 1.2;
function documentStub() {
  const provideFont = (font: unknown, bold: unknown, italics: unknown) => ({ name: `${String(font)}/${bold ? 'b' : ''}${italics ? 'i' : ''}`, lineHeight, ascender: 800 });
  return {
    pdfDocument: { provideFont },
    widthOfText: (text: string, inline: { fontSize: number; characterSpacing?: number }) => text.length * inline.fontSize * 0.5 + (inline.characterSpacing ?? 0) * (text.length - 1),
  };
}

function pieces(): Piece[] {
  return [
    { text: '  Les ' },
    { text: 'travailleurs ', style: 'emphasis' },
    { text: 'de ', style: ['strong', 'emphasis'] },
    { text: 'Janaözen ', style: ['strong', 'emphasis'], color: 'blue' },
    { text: '1', style: 'note' },
    { text: 'en ', style: 'kicker', fontSize: 14, preserveTrailingSpaces: true },
    { text: 'grève', style: 'missing', bold: false, opacity: 0.5 },
    { text: ' 2011 ', decoration: 'underline', lineHeight: 2 },
  ];
}

function stack(leadingIndent?: number) {
  const styles = new StyleContextStack(STYLES, { font: 'Default', fontSize: 12 });
  styles.push('body');
  if (leadingIndent !== undefined) styles.push({ leadingIndent, sub: false });
  return styles;
}

describe('styles resolved once per paragraph', () => {
  it('gives every piece the properties pdfmake itself gives it', () => {
    for (const indent of [undefined, 12]) {
      const expected = original.call(documentStub(), pieces(), stack(indent));
      const actual = fixed.call(documentStub(), pieces(), stack(indent));
      expect(actual).toEqual(expected);
      // The comparison must be about something: styles and own properties did differ between pieces.
      expect(new Set(actual.map((piece) => JSON.stringify([piece.font, piece.fontSize, piece.color]))).size).toBeGreaterThan(4);
    }
  });

  it('falls back to pdfmake’s defaults without a style stack', () => {
    expect(fixed.call(documentStub(), pieces(), undefined)).toEqual(original.call(documentStub(), pieces(), undefined));
  });

  it('keeps every piece a fast object, not a dictionary', () => {
    // Dictionary objects cost several times the memory of a word's piece; %HasFastProperties is V8's own test.
    const measured = fixed.call(documentStub(), pieces(), stack());
    v8.setFlagsFromString('--allow-natives-syntax');
    const hasFast = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    for (const piece of measured) expect(hasFast(piece)).toBe(true);
  });
});
