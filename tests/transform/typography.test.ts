import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';
import { hyphenatorFor, hyphenateText } from '../../src/transform/typography/hyphenation.ts';
import { hyphenationDefaults, mergeSettings, typographyDefaults } from '../../src/transform/typography/settings.ts';
import { typesetTree } from '../../src/transform/typography/index.ts';
import { typographyOfText } from '../../src/transform/typography/typography.ts';
import { toString } from 'mdast-util-to-string';

const NNBSP = '\u202F';
const NBSP = '\u00A0';
const SHY = '\u00AD';
const fr = typographyDefaults('fr');
const en = typographyDefaults('en');
const show = (s: string) => s.replaceAll(NNBSP, '⍽').replaceAll(NBSP, '°').replaceAll(SHY, '|');

describe('French typography', () => {
  it.each([
    ['Vraiment ? Oui ! Non ; peut-être.', 'Vraiment⍽? Oui⍽! Non⍽; peut-être.'],
    ['Vraiment? Oui! Non;', 'Vraiment⍽? Oui⍽! Non⍽;'],
    ['Note : voir', 'Note°: voir'],
    ['Note: voir', 'Note°: voir'],
    ['« Organisation du traité »', '«⍽Organisation du traité⍽»'],
    ['«Organisation»', '«⍽Organisation⍽»'],
    ['Il dit "bonjour" et "au revoir".', 'Il dit «⍽bonjour⍽» et «⍽au revoir⍽».'],
    ["l'armée d'Aqtau", 'l’armée d’Aqtau'],
    ['Et puis...', 'Et puis…'],
    ['Quoi ?! Non !!', 'Quoi⍽?! Non⍽!!'],
    ['3 000 arrestations, 50 %', '3⍽000 arrestations, 50⍽%'],
  ])('%s', (input, expected) => {
    expect(show(typographyOfText(input, fr))).toBe(expected);
  });

  it.each([
    ['À 10:55, au ratio 3:2.', 'À 10:55, au ratio 3:2.'],
    ['Voir https://example.org/a?b=1;c=2 ou www.icor.info.', 'Voir https://example.org/a?b=1;c=2 ou www.icor.info.'],
    ['Écrire à contact@example.org?', 'Écrire à contact@example.org⍽?'],
  ])('leaves times, ratios, addresses alone: %s', (input, expected) => {
    expect(show(typographyOfText(input, fr))).toBe(expected);
  });

  it('is idempotent', () => {
    for (const input of ['Il dit "oui" ! « Non » : 10:55... l\'OTSC ; 3 000 ?', '«\u202Fdéjà\u202F» prêt\u202F!']) {
      const once = typographyOfText(input, fr);
      expect(typographyOfText(once, fr)).toBe(once);
    }
  });

  it('never touches code, and carries context across inline nodes', () => {
    const tree = parseMarkdown('La **grève**! Le code `a ; b` reste. "*Vive* la lutte"\n\n```\nx ; y !\n```\n');
    const set = typesetTree(tree, { lang: 'fr', typography: fr, hyphenation: { ...hyphenationDefaults('fr'), enabled: false } });
    const [paragraph, code] = set.children;
    expect(show(toString(paragraph))).toBe('La grève⍽! Le code a ; b reste. «⍽Vive la lutte⍽»');
    expect(code).toMatchObject({ type: 'code', value: 'x ; y !' });
  });
});

describe('English and Russian typography', () => {
  it('sets curly quotes and apostrophes, no spaces', () => {
    expect(typographyOfText('She said "it\'s \'fine\'"... Really?', en)).toBe('She said “it’s ‘fine’”… Really?');
  });
  it('sets « » without spaces in Russian', () => {
    expect(show(typographyOfText('Он сказал "нет" !', typographyDefaults('ru')))).toBe('Он сказал «нет» !');
  });
});

describe('hyphenation', () => {
  const settings = hyphenationDefaults('fr');
  const frHyphenate = hyphenatorFor('fr')!;

  it('marks break points in long words with soft hyphens', () => {
    expect(show(hyphenateText('organisation révolutionnaire', frHyphenate, settings))).toBe('or|ga|ni|sa|tion ré|vo|lu|tion|naire');
  });

  it('leaves short words, capitals, capitalised names and addresses whole', () => {
    expect(show(hyphenateText('le petit OMON Janaözen https://www.socialismkz.info', frHyphenate, settings))).toBe(
      'le petit OMON Janaözen https://www.socialismkz.info',
    );
  });

  it('honours the minimum word length and fragment lengths', () => {
    const strict = { ...settings, minLeft: 4, minRight: 4 };
    // Patterns allow or|ga|ni|sa|tion; four letters each side leave only the inner points.
    expect(show(hyphenateText('organisation', frHyphenate, strict))).toBe('orga|ni|sa|tion');
    expect(show(hyphenateText('grévistes', frHyphenate, { ...settings, minWord: 10 }))).toBe('grévistes');
  });

  it('uses the exceptions as written', () => {
    const withExceptions = { ...settings, exceptions: ['Nazarbaïev', 'révo-lutionnaire'] };
    expect(show(hyphenateText('révolutionnaire', frHyphenate, withExceptions))).toBe('révo|lutionnaire');
  });

  it('has patterns for French, English and Russian', () => {
    expect(show(hyphenateText('international', hyphenatorFor('en')!, hyphenationDefaults('en')))).toContain('|');
    expect(show(hyphenateText('промышленности', hyphenatorFor('ru')!, hyphenationDefaults('ru')))).toContain('|');
    expect(hyphenatorFor('kk')).toBeUndefined();
  });

  it('skips headings, code and names marked with :name[…]', () => {
    const tree = parseMarkdown('## Organisation révolutionnaire\n\nLe président :name[Tokaïevovitchenko] et `organisation` et organisation.\n');
    const set = typesetTree(tree, { lang: 'fr', typography: fr, hyphenation: { ...settings, capitalized: true } });
    expect(toString(set.children[0])).toBe('Organisation révolutionnaire');
    expect(show(toString(set.children[1]))).toBe('Le pré|sident Tokaïevovitchenko et organisation et or|ga|ni|sa|tion.');
  });
});

describe('settings', () => {
  it('merge defaults, layout and publication in that order; a boolean switches a rule set', () => {
    const merged = mergeSettings(hyphenationDefaults('fr'), { minWord: 8 }, { minLeft: 3 });
    expect(merged).toMatchObject({ enabled: true, minWord: 8, minLeft: 3, minRight: 3 });
    expect(mergeSettings(typographyDefaults('fr'), false).enabled).toBe(false);
  });
});
