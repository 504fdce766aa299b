import { createRequire } from 'node:module';
import { inheritedValue, isValue, styleKey, type StyleStack } from '../style-lookup.ts';

/**
 * pdfmake's TextBreaker.getBreaks (0.3.x), which cuts a paragraph's inlines
 * into pieces at every break opportunity (Unicode line breaking, from the
 * `linebreak` package pdfmake itself uses), with three changes:
 *
 * - Soft hyphens leave the text, and the pieces of one word that pdfmake
 *   would cut at them stay one piece; where they were is kept in
 *   `_roneoBreaks`, for the line builder to cut there only when a line must
 *   end inside the word. A piece that ends at a soft hyphen where the style
 *   changes is marked (`_roneoSoftHyphen`) as a possible hyphenated line end.
 * - Each piece is created with every property the measure and layout steps
 *   will set, in one order: pdfmake adds twenty-odd properties to each piece
 *   one by one, regrowing its storage every few, and pieces of different
 *   origins ended with different shapes.
 * - `wordBreak` and `noWrap` are resolved once per named style, not by
 *   walking the style stack for every inline.
 */

interface Break {
  position: number;
  required: boolean;
}
type LineBreaker = new (text: string) => { nextBreak(): Break | null };
const LineBreaker = createRequire(import.meta.url)('linebreak') as LineBreaker;


interface Word {
  text: string;
  lineEnd?: boolean;
}

export type Piece = ReturnType<typeof newPiece>;

const SOFT_HYPHEN = '\u00AD';
const NEW_LINE_AT_END = /\r?\n$|\r$/;

/** One piece of text, with room for everything measure and layout add later. */
function newPiece(text: string, lineEnd: boolean | undefined) {
  return {
    text,
    lineEnd,
    noNewLine: undefined as boolean | undefined,
    _roneoBreaks: undefined as number[] | undefined,
    _roneoSoftHyphen: undefined as string | undefined,
    _roneoHyphen: undefined as number | undefined,
    // What Roneo's inlines most often carry, copied from them below.
    _source: undefined as unknown,
    style: undefined as unknown,
    bold: undefined as unknown,
    italics: undefined as unknown,
    font: undefined as unknown,
    alignment: undefined as unknown,
    fontSize: undefined as unknown,
    fontFeatures: undefined as unknown,
    characterSpacing: undefined as unknown,
    color: undefined as unknown,
    decoration: undefined as unknown,
    decorationColor: undefined as unknown,
    decorationStyle: undefined as unknown,
    decorationThickness: undefined as unknown,
    background: undefined as unknown,
    link: undefined as unknown,
    linkToPage: undefined as unknown,
    linkToDestination: undefined as unknown,
    noWrap: undefined as unknown,
    opacity: undefined as unknown,
    sup: undefined as unknown,
    sub: undefined as unknown,
    // Unset, not 0: a field first holding a small integer would change representation at the first fraction.
    width: undefined as unknown as number,
    height: undefined as unknown as number,
    leadingCut: undefined as number | undefined,
    trailingCut: undefined as unknown as number,
    x: undefined as unknown as number,
    justifyShift: undefined as number | undefined,
  };
}

export function getBreaks(texts: unknown, stack: StyleStack | undefined): Piece[] {
  const items = Array.isArray(texts) ? (texts as unknown[]) : [texts];
  const results: Piece[] = [];
  const lookups = new Map<unknown, { breakAll: boolean; noWrap: boolean }>();
  let lastWord: string | null = null;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    const own = isObject(item) ? item : undefined;
    const { breakAll, noWrap } = wrapping(own ?? {}, stack, lookups);
    if (own && isObject(own._textRef) && isObject(own._textRef._textNodeRef) && own._textRef._textNodeRef.text) own.text = own._textRef._textNodeRef.text;
    const words = splitWords(own ? own.text : item, noWrap, breakAll);
    if (lastWord !== null && words.length > 0) {
      const firstWord = noWrap ? (splitWords(words[0]!.text, false)[0]?.text ?? null) : words[0]!.text;
      if (firstWord !== null && splitWords(lastWord + firstWord, false).length === 1) results[results.length - 1]!.noNewLine = true;
    }
    for (const word of joinedAtSoftHyphens(words)) {
      const piece = newPiece(word.text, word.lineEnd || undefined);
      if (own) copyStyle(own, piece);
      takeSoftHyphensOut(piece);
      results.push(piece);
    }
    lastWord = i + 1 < items.length ? lastWordOf(words, noWrap) : null;
  }
  return results;
}

/** pdfmake's copyStyle: every own property of the inline but its text. */
function copyStyle(source: Record<string, unknown>, piece: Piece): void {
  const target = piece as unknown as Record<string, unknown>;
  for (const key in source) {
    if (key !== 'text' && Object.prototype.hasOwnProperty.call(source, key)) target[key] = source[key];
  }
}

function wrapping(item: Record<string, unknown>, stack: StyleStack | undefined, lookups: Map<unknown, { breakAll: boolean; noWrap: boolean }>): { breakAll: boolean; noWrap: boolean } {
  const key = styleKey(item.style);
  let inherited = lookups.get(key);
  if (!inherited) {
    const resolve = (property: string): unknown => inheritedValue(stack, item.style, property);
    inherited = { breakAll: valueOr(resolve('wordBreak'), 'normal') === 'break-all', noWrap: Boolean(valueOr(resolve('noWrap'), false)) };
    lookups.set(key, inherited);
  }
  return {
    breakAll: isValue(item.wordBreak) ? item.wordBreak === 'break-all' : inherited.breakAll,
    noWrap: isValue(item.noWrap) ? Boolean(item.noWrap) : inherited.noWrap,
  };
}

/** pdfmake's splitWords: the text cut after every break opportunity; a forced break ends its piece. */
function splitWords(value: unknown, noWrap: boolean, breakAll = false): Word[] {
  const text = value === undefined || value === null ? '' : String(value);
  if (noWrap) return [{ text }];
  if (breakAll) return text.split('').map((c) => (c === '\n' || c === '\r' ? { text: '', lineEnd: true } : { text: c }));
  if (text.length === 0) return [{ text: '' }];
  const words: Word[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const word = text.slice(last, next.position);
    if (next.required || NEW_LINE_AT_END.test(word)) words.push({ text: word.replace(NEW_LINE_AT_END, ''), lineEnd: true });
    else words.push({ text: word });
    last = next.position;
  }
  return words;
}

function lastWordOf(words: readonly Word[], noWrap: boolean): string | null {
  const word = words[words.length - 1];
  if (!word || word.lineEnd) return null;
  if (!noWrap) return word.text;
  const split = splitWords(word.text, false);
  return split[split.length - 1]?.text ?? null;
}

/** Words of one inline cut at a soft hyphen, put back together (a forced break stays a break). */
function joinedAtSoftHyphens(words: readonly Word[]): Word[] {
  const joined: Word[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous && !previous.lineEnd && previous.text.endsWith(SOFT_HYPHEN)) {
      previous.text += word.text;
      if (word.lineEnd) previous.lineEnd = true;
    } else {
      joined.push({ ...word });
    }
  }
  return joined;
}

/** Soft hyphens out of the text: inside, as break offsets; at the end (no forced break), as a mark. */
function takeSoftHyphensOut(piece: Piece): void {
  if (!piece.text.includes(SOFT_HYPHEN)) return;
  const parts = piece.text.split(SOFT_HYPHEN);
  const text = parts.join('');
  const breaks: number[] = [];
  let offset = 0;
  for (let index = 0; index < parts.length - 1; index += 1) {
    offset += parts[index]!.length;
    if (offset > 0 && offset < text.length && breaks[breaks.length - 1] !== offset) breaks.push(offset);
  }
  piece.text = text;
  // A copy holds just its numbers; the array pushed into keeps room for more.
  if (breaks.length > 0) piece._roneoBreaks = breaks.slice();
  if (parts[parts.length - 1] === '' && !piece.lineEnd) piece._roneoSoftHyphen = text;
}

function isObject(value: unknown): value is Record<string, unknown> & { _textRef?: unknown; text?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const valueOr = (value: unknown, fallback: unknown) => (isValue(value) ? value : fallback);
