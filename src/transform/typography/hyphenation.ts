import { createRequire } from 'node:module';
import type { Nodes, Root } from 'mdast';
import { segments } from './protected-spans.ts';
import type { HyphenationSettings } from './settings.ts';

const require = createRequire(import.meta.url);
const SHY = '\u00AD';

type Hyphenate = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Liang's patterns from the hyphen package, by language; the packages are CommonJS, one per language. */
const PATTERNS: Record<string, string> = {
  fr: 'fr',
  en: 'en-us',
  'en-gb': 'en-gb',
  'en-us': 'en-us',
  ru: 'ru',
  uk: 'uk',
  de: 'de',
  tr: 'tr',
  es: 'es',
  it: 'it',
  pt: 'pt',
  nl: 'nl',
  pl: 'pl',
  bg: 'bg',
};

const loaded = new Map<string, Hyphenate | null>();

/** The hyphenator for a BCP 47 tag, loaded once; `undefined` when the language has no patterns. */
export function hyphenatorFor(lang: string): Hyphenate | undefined {
  const tag = lang.toLowerCase();
  const name = PATTERNS[tag] ?? PATTERNS[tag.split('-')[0]!];
  if (!name) return undefined;
  let hyphenate = loaded.get(name);
  if (hyphenate === undefined) {
    hyphenate = (require(`hyphen/${name}/index.js`) as { hyphenateSync: Hyphenate }).hyphenateSync;
    loaded.set(name, hyphenate);
  }
  return hyphenate ?? undefined;
}

const WORD = /[\p{L}\p{M}]+/gu;
const VERBATIM = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition']);

/**
 * Marks where words may break with soft hyphens (U+00AD); the render stage
 * draws a visible hyphen where a line actually breaks. Code, addresses,
 * words in capitals, names (`:name[…]`, and capitalised words unless the
 * settings say otherwise) and, by default, headings stay whole.
 */
export function hyphenation(tree: Root, lang: string, settings: HyphenationSettings): void {
  const hyphenate = hyphenatorFor(lang);
  if (!settings.enabled || !hyphenate) return;
  const words = wordSetter(hyphenate, settings, exceptionMap(settings.exceptions));
  const work: Nodes[] = [tree];
  while (work.length > 0) {
    const node = work.pop()!;
    if (VERBATIM.has(node.type)) continue;
    if (node.type === 'heading' && !settings.headings) continue;
    if (node.type === 'textDirective' && node.name === 'name') continue;
    if (node.type === 'text') {
      node.value = hyphenateSegments(node.value, words);
      continue;
    }
    if ('children' in node) for (const child of node.children) work.push(child as Nodes);
  }
}

export function hyphenateText(text: string, hyphenate: Hyphenate, settings: HyphenationSettings, exceptions = exceptionMap(settings.exceptions)): string {
  return hyphenateSegments(text, wordSetter(hyphenate, settings, exceptions));
}

function hyphenateSegments(text: string, setWord: (word: string) => string): string {
  return segments(text)
    .map((segment) => (segment.protected ? segment.text : segment.text.replace(WORD, setWord)))
    .join('');
}

/** One word, hyphenated: the exceptions first, then the patterns, whose results are remembered. */
function wordSetter(hyphenate: Hyphenate, settings: HyphenationSettings, exceptions: Map<string, string>): (word: string) => string {
  const memo = memoFor(hyphenate, settings);
  return (word) => {
    if (exceptions.size > 0) {
      const exception = exceptions.get(word.toLowerCase());
      if (exception !== undefined) return restoreCase(word, exception);
    }
    // Fewer UTF-16 units than minWord means fewer letters too: no need to count them.
    if (word.length < settings.minWord) return word;
    let marked = memo.get(word);
    if (marked === undefined) {
      marked = byPatterns(word, hyphenate, settings);
      // Cleared rather than evicted one by one: simple, and a build refills it with its own words at once.
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, marked);
    }
    return marked;
  };
}

function byPatterns(word: string, hyphenate: Hyphenate, settings: HyphenationSettings): string {
  if ([...word].length < settings.minWord) return word;
  if (word === word.toUpperCase()) return word;
  if (!settings.capitalized && word[0] !== word[0]!.toLowerCase()) return word;
  const marked = hyphenate(word, { hyphenChar: SHY, minWordLength: settings.minWord });
  return keepFragments(marked, settings.minLeft, settings.minRight);
}

/**
 * Words repeat, in any prose and the more so in a long dossier, and the
 * patterns cost far more than a lookup. Results are kept per hyphenator and
 * per the settings that change them, so publications with other settings
 * never share them; words and settings are both bounded, so a long-running
 * process (a watch mode) cannot grow without limit.
 */
const MEMO_LIMIT = 50_000;
const SETTINGS_LIMIT = 8;
const memos = new WeakMap<Hyphenate, Map<string, Map<string, string>>>();

function memoFor(hyphenate: Hyphenate, settings: HyphenationSettings): Map<string, string> {
  let bySettings = memos.get(hyphenate);
  if (!bySettings) {
    bySettings = new Map();
    memos.set(hyphenate, bySettings);
  }
  // Exceptions are looked up before the memo, so they are not part of the key.
  const key = `${settings.minWord} ${settings.minLeft} ${settings.minRight} ${settings.capitalized}`;
  let memo = bySettings.get(key);
  if (!memo) {
    if (bySettings.size >= SETTINGS_LIMIT) bySettings.clear();
    memo = new Map();
    bySettings.set(key, memo);
  }
  return memo;
}

/** Drops break points that would leave fewer letters than the settings allow on either side. */
function keepFragments(marked: string, minLeft: number, minRight: number): string {
  const parts = marked.split(SHY);
  const total = parts.join('').length;
  let out = parts[0]!;
  let done = parts[0]!.length;
  for (const part of parts.slice(1)) {
    if (done >= minLeft && total - done >= minRight) out += SHY;
    out += part;
    done += part.length;
  }
  return out;
}

/** `anti-constitutionnel` in the exceptions allows a break only there; a word written without `-` never breaks. */
function exceptionMap(exceptions: readonly string[]): Map<string, string> {
  return new Map(exceptions.map((e) => [e.replaceAll('-', '').toLowerCase(), e.toLowerCase().replaceAll('-', SHY)]));
}

function restoreCase(word: string, marked: string): string {
  let out = '';
  let index = 0;
  for (const char of marked) {
    if (char === SHY) out += SHY;
    else out += word[index++] ?? char;
  }
  return out;
}
