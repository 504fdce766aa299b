import { createRequire } from 'node:module';
import type { Line } from 'pdfmake/js/Line.js';
import type { Inline } from 'pdfmake/js/TextInlines.js';
import { describe, expect, it } from 'vitest';
import { breakInsideWord, hasEnoughSpace, minWidthWithHyphens, type MeasureText } from '../../src/render/line-layout/soft-hyphens.ts';
import { getBreaks } from '../../src/render/line-layout/text-breaker.ts';

const require = createRequire(import.meta.url);
const LineClass = (require('pdfmake/js/Line.js') as { default: new (width: number) => Line }).default;
/** pdfmake's own breaker, as shipped: this file never installs the fix. */
const TextBreaker = (require('pdfmake/js/TextBreaker.js') as { default: new () => { getBreaks(texts: unknown, stack: unknown): Array<{ text: string; noNewLine?: boolean; lineEnd?: boolean }> } }).default;

const SHY = '\u00AD';
/** Every character 1 pt wide: widths are lengths. */
const measure: MeasureText = (text) => text.length;

type Piece = { text: string; lineEnd?: boolean; noNewLine?: boolean; style?: string; _roneoBreaks?: number[]; _roneoSoftHyphen?: string };

function inline(piece: Piece): Inline {
  const trailing = /\s+$/.exec(piece.text)?.[0].length ?? 0;
  return { ...piece, x: 0, width: piece.text.length, leadingCut: 0, trailingCut: trailing };
}

describe('the pieces of a word cut at its soft hyphens', () => {
  /** The pieces' text and marks, without the properties measure fills in later. */
  const marks = (texts: unknown) =>
    getBreaks(texts, undefined).map(({ text, lineEnd, noNewLine, _roneoBreaks, _roneoSoftHyphen }) =>
      Object.fromEntries(Object.entries({ text, lineEnd, noNewLine, _roneoBreaks, _roneoSoftHyphen }).filter(([, value]) => value !== undefined)),
    );

  it('stay one piece in one style, with the places it may break', () => {
    expect(marks(`dis${SHY}po${SHY}sitions an${SHY}ti`)).toEqual([{ text: 'dispositions ', _roneoBreaks: [3, 5] }, { text: 'anti', _roneoBreaks: [2] }]);
  });

  it('stay apart where the style changes, the first marked as a hyphenated line end', () => {
    const pieces = getBreaks([{ text: `ex${SHY}tra${SHY}`, bold: true }, { text: `or${SHY}di${SHY}naire ` }], undefined);
    expect(marks([{ text: `ex${SHY}tra${SHY}`, bold: true }, { text: `or${SHY}di${SHY}naire ` }])).toEqual([
      { text: 'extra', _roneoBreaks: [2], _roneoSoftHyphen: 'extra' },
      { text: 'ordinaire ', _roneoBreaks: [2, 4] },
    ]);
    expect(pieces[0]).toMatchObject({ bold: true });
  });

  it('keep a forced line end, where no hyphen shows', () => {
    expect(marks(`fin${SHY}\nsuite`)).toEqual([{ text: 'fin', lineEnd: true }, { text: 'suite' }]);
  });

  it('are cut where pdfmake cuts them, and marked where a word continues in another style', () => {
    const stock = new TextBreaker();
    const texts = ['Les travailleurs, disait-on, ', { text: 'ré', bold: true }, 'clamaient\nla grève.'];
    expect(getBreaks(texts, undefined).map((piece) => [piece.text, piece.noNewLine, piece.lineEnd])).toEqual(
      stock.getBreaks(texts, undefined).map((piece) => [piece.text, piece.noNewLine, piece.lineEnd]),
    );
    expect(getBreaks(texts, undefined).find((piece) => piece.text === 'ré')?.noNewLine).toBe(true);
  });
});

describe('a line that must end inside a word', () => {
  it('cuts the word at its last soft hyphen where the line still fits with the hyphen', () => {
    const line = new LineClass(15);
    line.addInline(inline({ text: 'les ' }));
    const queue = [inline({ text: 'dispositions ', _roneoBreaks: [3, 5] }), inline({ text: 'adoptées' })];
    expect(hasEnoughSpace(line, queue, 0, measure)).toBe(false);
    expect(breakInsideWord(line, queue, measure)).toBe(true);
    // "les dispo-" is 10 wide; "les dispositions" would be 16.
    expect(queue.map((piece) => piece.text)).toEqual(['dispo', 'sitions ', 'adoptées']);
    expect(queue[0]).toMatchObject({ width: 5, trailingCut: 0, _roneoSoftHyphen: 'dispo', _roneoBreaks: [3] });
    expect(queue[1]).toMatchObject({ width: 8, trailingCut: 1, _roneoBreaks: [] });
    expect(hasEnoughSpace(line, queue, 0, measure)).toBe(true);
  });

  it('leaves the word whole when not even its first part fits', () => {
    const line = new LineClass(7);
    line.addInline(inline({ text: 'les ' }));
    const queue = [inline({ text: 'dispositions', _roneoBreaks: [3, 5] })];
    expect(breakInsideWord(line, queue, measure)).toBe(false);
    expect(queue.map((piece) => piece.text)).toEqual(['dispositions']);
  });

  it('looks inside every piece of a word set in several styles', () => {
    const line = new LineClass(12);
    line.addInline(inline({ text: 'une ' }));
    const queue = [inline({ text: 'extra', style: 'strong', noNewLine: true, _roneoBreaks: [2], _roneoSoftHyphen: 'extra' }), inline({ text: 'ordinaire', _roneoBreaks: [2, 4] })];
    expect(breakInsideWord(line, queue, measure)).toBe(true);
    // "une extraor-" is 12 wide; "une extradi-" would need 13.
    expect(queue.map((piece) => piece.text)).toEqual(['extra', 'or', 'dinaire']);
  });
});

describe('the narrowest a text can be set, for table columns', () => {
  it('is its widest part of a word, with the hyphen', () => {
    const items = [inline({ text: 'anticonstitutionnellement ', _roneoBreaks: [2, 4, 7, 9, 11, 16, 19, 21, 23] }), inline({ text: 'adopté' })];
    // "tionnel" + "-" is the widest part; "adopté" is 6.
    expect(minWidthWithHyphens(items, 25, measure)).toBe(6);
  });

  it('is pdfmake’s own when no word has a soft hyphen', () => {
    expect(minWidthWithHyphens([inline({ text: 'court ' }), inline({ text: 'adopté' })], 6, measure)).toBe(6);
  });
});
