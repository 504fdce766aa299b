import { segments } from './protected-spans.ts';
import type { TypographySettings } from './settings.ts';

/** The character before the text being processed, carried across inline nodes of one block. */
export interface Context {
  previous: string;
}

/** Plain spaces a rule may replace; the typographic ones are kept, which makes the rules idempotent. */
const SPACE = /[ \t\u00A0\u202F\u2009]/;
const OPENERS = /[\s([{\u2014\u2013«“‘„‚/-]/;
const ELLIPSIS = /(?<!\.)\.\.\.(?!\.)/g;
const THOUSANDS = /(?<=\d)[ \u00A0](?=\d{3}(?!\d))/g;
/** What every THOUSANDS match needs around it; most text has none, and this test is cheaper than the lookarounds. */
const MAY_GROUP_THOUSANDS = /\d[ \u00A0]\d/;

/**
 * Applies one language's rules to prose, outside protected spans. Running it
 * twice gives the same text: every space it sets is one it would keep.
 */
export function applyTypography(text: string, settings: TypographySettings, context: Context): string {
  if (!settings.enabled) return text;
  let out = '';
  for (const segment of segments(text)) {
    if (segment.protected) {
      out += segment.text;
      context.previous = segment.text.at(-1) ?? context.previous;
      continue;
    }
    out += rewrite(segment.text, settings, context);
  }
  return out;
}

/**
 * Characters are handled one at a time only where a rule applies (a
 * quote, an apostrophe, a mark with a space before or after it); the runs
 * between them are copied whole, since no rule changes them.
 */
function rewrite(text: string, settings: TypographySettings, context: Context): string {
  const source = replaceSequences(text, settings);
  const marks = marksOf(settings);
  let out = '';
  // The character before the one being set: out's last, or the context's while out is empty.
  let previous = context.previous;
  let i = 0;
  for (;;) {
    marks.lastIndex = i;
    const found = marks.exec(source);
    const at = found ? found.index : source.length;
    if (at > i) {
      out += source.slice(i, at);
      previous = source[at - 1]!;
    }
    if (!found) break;
    const set = setMark(source, at, out, previous, settings, context);
    out = set.out;
    previous = out.at(-1) ?? previous;
    i = set.next;
  }
  context.previous = previous;
  return out;
}

/** `...` and the spaces in `3 000`: rules on sequences, applied before the character rules. */
function replaceSequences(text: string, settings: TypographySettings): string {
  let source = settings.ellipsis && text.includes('...') ? text.replace(ELLIPSIS, '…') : text;
  if (settings.thousands && MAY_GROUP_THOUSANDS.test(source)) source = source.replace(THOUSANDS, settings.thousands);
  return source;
}

/** Sets the character at `at`, and the spaces its rules put around it; `next` is where the text resumes. */
function setMark(source: string, at: number, before: string, previous: string, settings: TypographySettings, context: Context): { out: string; next: number } {
  let char = source[at]!;
  if (char === '"') char = previous === '' || OPENERS.test(previous) ? settings.quotes[0] : settings.quotes[1];
  else if (char === '\'') char = settings.singleOpen && (previous === '' || OPENERS.test(previous)) ? settings.singleOpen : settings.apostrophe;

  let out = before;
  const spaceBeforeChar = settings.spaceBefore[char];
  if (spaceBeforeChar !== undefined && spaceBeforeChar !== '') out = spaceBefore(out, spaceBeforeChar, context);
  out += char;

  const after = settings.spaceAfter[char];
  if (after === undefined || after === '') return { out, next: at + 1 };
  // Swallow the plain spaces that follow, then set the right one (the words may be in the next inline node).
  let next = at + 1;
  while (next < source.length && SPACE.test(source[next]!)) next += 1;
  return { out: out + after, next };
}

/** Replaces the spaces before a mark with `space`, or inserts it after a word; not at the start of a block. */
function spaceBefore(out: string, space: string, context: Context): string {
  let end = out.length;
  while (end > 0 && SPACE.test(out[end - 1]!)) end -= 1;
  const trimmed = out.slice(0, end);
  // Only spaces before the mark in this node: they are replaced whatever came before.
  const previous = end > 0 ? trimmed.at(-1)! : out.length > 0 ? ' ' : context.previous;
  // At the start of a block, after a line break, an opening bracket or another mark (`?!`), no space.
  if (previous === '' || /[\n([{«!?;:\u202F\u00A0]/.test(previous)) return out;
  return trimmed + space;
}

/**
 * The characters some rule changes or sets a space around, as one pattern
 * per settings object (settings are never changed once made). Matched by
 * UTF-16 unit, without the `u` flag, as the rules look characters up.
 */
const MARKS = new WeakMap<TypographySettings, RegExp>();

function marksOf(settings: TypographySettings): RegExp {
  let marks = MARKS.get(settings);
  if (!marks) {
    const spaced = [settings.spaceBefore, settings.spaceAfter].flatMap((table) => Object.keys(table).filter((key) => key.length === 1 && table[key] !== ''));
    const units = [...new Set(['"', '\'', ...spaced])].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
    marks = new RegExp(`[${units.join('')}]`, 'g');
    MARKS.set(settings, marks);
  }
  return marks;
}
