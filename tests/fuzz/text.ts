/**
 * Words and runs of text for generated documents.
 *
 * "Clean" text stays within what the campaign writes and the fonts cover
 * (French, Cyrillic with Kazakh letters, Turkish, combining accents, the
 * spaces French typography uses, words too long for any line), so most clean
 * documents get as far as rendering. "Wild" text adds what an editor pastes
 * by accident or an attacker on purpose: NUL, line and paragraph separators,
 * bidi overrides, zero-width characters, lone surrogates, piles of combining
 * marks, and now and then emoji, other scripts and control characters. A
 * character the fonts lack stops a build before rendering (a `missing-glyph`
 * error), so those are rare.
 */
import fc from 'fast-check';

const FRENCH = [
  'grève', 'travailleurs', 'pétrole', 'l’äkimat', 'Janaözen', 'ÖzenMunayGaz', 'solidarité', 'répression', 'Œuvre', 'cœur', 'ça',
  'aujourd\'hui', '"citation"', '« guillemets »', '...', '3 000', '12h45', '10:55', 'manifestant.e.s', 'l’OMON', 'Tokaïev', 'À',
  'Noël', 'naïve', 'façade', 'déjà', '!', '?', ';', ':', '%', '—', '–', '(ML)', 'n°', '1er', '50 %', 'www.socialismkz.info',
];
const CYRILLIC = ['Българска', 'Комунистическа', 'Партия', 'Жаңаөзен', 'Қазақстан', 'ОМОН', 'рабочих', 'ёлка', 'Ўзбекистон', 'забастовка', 'Үкімет', 'іс'];
const TURKISH = ['Bolşevik', 'Komünist', 'Türkiye', 'Kürdistan', 'İşçi', 'ığdır', 'Şırnak', 'Partisi', 'Marksist-Leninist', 'ğ', 'I', 'ı'];
const LATIN = ['the', 'strike', 'Straße', 'Ünïcödé', 'and', 'de', 'la', 'le', 'et', 'des', 'un', 'a', 'x', '0', '42', '2011', '-', '&', '#', '@'];
/** Spaces and invisible marks that line breaking and hyphenation must respect. */
const SPACING = ['\u00AD', '\u202F', '\u00A0', '\u2009', '\u200B', '\u2060', '\u200D', '\uFEFF', '\t'];
const COMBINING = ['e\u0301', 'n\u0303', 'a\u0308\u0304', 'c\u0327', 'i\u0307', 'o\u0302\u0323'];

/** Odd characters the fonts accept (or that never reach them): they get as far as setting the text. */
const ODDITIES = [
  '\u0000', '\u2028', '\u2029', '\u202E', '\u202C', '\u200F', '\uFFFD', '\u200B', '\u2060', '\u200D', '\uFEFF', '\uFE0F',
  'e\u0300\u0336\u034E', '\r', '\u00AD\u00AD', '\u202F\u202F',
];
/** Written to a file as UTF-8, a lone surrogate becomes U+FFFD; the mutations make the invalid bytes themselves. */
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D', '\uDE00b'];
/** Characters the fonts lack: each is a `missing-glyph` error, and the build stops before rendering. */
const EMOJI = ['✊', '🚩', '👩🏽‍🏭', '🇰🇿', '❤️', '☭', '🏳️‍🌈'];
const OTHER_SCRIPTS = ['سلام', 'שלום', '罢工', 'ज़िंदाबाद', 'ストライキ', '한국어', 'ΑΘΗΝΑ', 'ⲁⲃ'];
const CONTROLS = ['\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\uFFFE', '\u0322', '\u2066'];

const word = (list: readonly string[]) => fc.constantFrom(...list);

/** A word longer than any line: a pasted address, a German compound, a run of one letter. */
const longWord = fc.oneof(
  fc.integer({ min: 40, max: 240 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 2, max: 8 }).map((n) => `anti${'constitutionnellement'.repeat(n)}`),
  fc.integer({ min: 5, max: 30 }).map((n) => `https://example.org/${'chemin/'.repeat(n)}`),
  fc.integer({ min: 5, max: 20 }).map((n) => 'soli\u00ADda\u00ADri\u00ADté'.repeat(n)),
  fc.integer({ min: 5, max: 15 }).map((n) => 'Жаңаөзен'.repeat(n)),
);

/** A letter under a pile of combining marks (the "zalgo" text some fonts and shapers choke on). */
const stackedMarks = fc.integer({ min: 2, max: 30 }).map((n) => `Z${'\u0336\u034E\u0301'.repeat(n)}`);

const cleanWord = fc.oneof(
  { arbitrary: word(FRENCH), weight: 40 },
  { arbitrary: word(LATIN), weight: 16 },
  { arbitrary: word(CYRILLIC), weight: 10 },
  { arbitrary: word(TURKISH), weight: 10 },
  { arbitrary: fc.tuple(word(FRENCH), word(SPACING), word(FRENCH)).map((parts) => parts.join('')), weight: 6 },
  { arbitrary: word(COMBINING), weight: 3 },
  { arbitrary: longWord, weight: 1 },
);

/**
 * Mostly clean words still, and odd characters that get to rendering; the
 * unprintable ones seldom enough that about half the wild documents have none.
 */
const wildWord = fc.oneof(
  { arbitrary: cleanWord, weight: 170 },
  { arbitrary: word(ODDITIES), weight: 16 },
  { arbitrary: word(LONE_SURROGATES), weight: 4 },
  { arbitrary: stackedMarks, weight: 4 },
  { arbitrary: fc.oneof(word(EMOJI), word(OTHER_SCRIPTS), word(CONTROLS), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })), weight: 2 },
);

export type Flavour = 'clean' | 'wild';

export function wordOf(flavour: Flavour): fc.Arbitrary<string> {
  return flavour === 'clean' ? cleanWord : wildWord;
}

/** A few words separated by spaces: text without Markdown in it (though wild text may happen to be some). */
export function phrase(flavour: Flavour, maxWords = 8): fc.Arbitrary<string> {
  return fc.array(wordOf(flavour), { minLength: 1, maxLength: maxWords }).map((words) => words.join(' '));
}

/** A single line of text: a phrase with its line breaks turned into spaces, for places where a newline ends the construct. */
export function oneLine(flavour: Flavour, maxWords = 6): fc.Arbitrary<string> {
  return phrase(flavour, maxWords).map((text) => text.replace(/[\r\n]/g, ' '));
}
