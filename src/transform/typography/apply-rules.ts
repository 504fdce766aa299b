import { segments } from './protected-spans.ts';
import type { TypographySettings } from './settings.ts';

/** The character before the text being processed, carried across inline nodes of one block. */
export interface Context {
  previous: string;
}

/** Plain spaces a rule may replace; the typographic ones are kept, which makes the rules idempotent. */
const SPACE = /[ \t\u00A0\u202F\u2009]/;
const OPENERS = /[\s([{\u2014\u2013«“‘„‚/-]/;

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

function rewrite(text: string, settings: TypographySettings, context: Context): string {
  let source = settings.ellipsis ? text.replace(/(?<!\.)\.\.\.(?!\.)/g, '…') : text;
  if (settings.thousands) source = source.replace(/(?<=\d)[ \u00A0](?=\d{3}(?!\d))/g, settings.thousands);
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    let char = source[i]!;
    const previous = out.length > 0 ? out.at(-1)! : context.previous;
    if (char === '"') char = previous === '' || OPENERS.test(previous) ? settings.quotes[0] : settings.quotes[1];
    else if (char === '\'') char = settings.singleOpen && (previous === '' || OPENERS.test(previous)) ? settings.singleOpen : settings.apostrophe;

    const before = settings.spaceBefore[char];
    if (before !== undefined && before !== '') out = spaceBefore(out, before, context);
    out += char;

    const after = settings.spaceAfter[char];
    if (after !== undefined && after !== '') {
      // Swallow the plain spaces that follow, then set the right one (the words may be in the next inline node).
      let j = i + 1;
      while (j < source.length && SPACE.test(source[j]!)) j += 1;
      out += after;
      i = j - 1;
    }
  }
  context.previous = out.at(-1) ?? context.previous;
  return out;
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
