import { describe, expect, it } from 'vitest';
import { hyphenatorFor, hyphenateText } from '../../src/transform/typography/hyphenation.ts';
import { hyphenationDefaults } from '../../src/transform/typography/settings.ts';

const SHY = '\u00AD';
const show = (s: string) => s.replaceAll(SHY, '|');
const fr = hyphenationDefaults('fr');

/** The French patterns behind a new function, so each test starts with an empty memo, counting the words sent to them. */
function countingHyphenator() {
  const patterns = hyphenatorFor('fr')!;
  const sent: string[] = [];
  const hyphenate: typeof patterns = (text, options) => {
    sent.push(text);
    return patterns(text, options);
  };
  return { hyphenate, sent };
}

describe('hyphenation memo', () => {
  it('sets repeated words as the patterns do, sending each word to them once', () => {
    const { hyphenate, sent } = countingHyphenator();
    const text = 'organisation révolutionnaire, organisation ouvrière et organisation révolutionnaire';
    const first = hyphenateText(text, hyphenate, fr);
    expect(show(first)).toBe('or|ga|ni|sa|tion ré|vo|lu|tion|naire, or|ga|ni|sa|tion ou|vrière et or|ga|ni|sa|tion ré|vo|lu|tion|naire');
    expect(sent).toEqual(['organisation', 'révolutionnaire', 'ouvrière']);
    // Remembered words give the same text as words seen for the first time.
    expect(hyphenateText(text, hyphenate, fr)).toBe(first);
    expect(hyphenateText(text, hyphenate, { ...fr })).toBe(first);
    expect(sent).toHaveLength(3);
  });

  it('keeps results apart for settings that change them', () => {
    const { hyphenate, sent } = countingHyphenator();
    const set = (text: string, settings: typeof fr) => show(hyphenateText(text, hyphenate, settings));
    expect(set('organisation', fr)).toBe('or|ga|ni|sa|tion');
    expect(set('organisation', { ...fr, minLeft: 4, minRight: 4 })).toBe('orga|ni|sa|tion');
    expect(set('organisation', { ...fr, minWord: 13 })).toBe('organisation');
    expect(set('Organisation', fr)).toBe('Organisation');
    expect(set('Organisation', { ...fr, capitalized: true })).toBe('Or|ga|ni|sa|tion');
    // Back to the first settings: their own result, not the last one computed.
    expect(set('organisation', fr)).toBe('or|ga|ni|sa|tion');
    expect(set('Organisation', fr)).toBe('Organisation');
    expect(sent).toEqual(['organisation', 'organisation', 'Organisation']);
  });

  it('applies the exceptions of each call, whatever the memo holds', () => {
    const { hyphenate } = countingHyphenator();
    expect(show(hyphenateText('révolutionnaire', hyphenate, fr))).toBe('ré|vo|lu|tion|naire');
    expect(show(hyphenateText('révolutionnaire', hyphenate, { ...fr, exceptions: ['révo-lutionnaire'] }))).toBe('révo|lutionnaire');
    expect(show(hyphenateText('Révolutionnaire', hyphenate, { ...fr, exceptions: ['révolutionnaire'] }))).toBe('Révolutionnaire');
    expect(show(hyphenateText('révolutionnaire', hyphenate, fr))).toBe('ré|vo|lu|tion|naire');
  });

  it('gives each language its own results', () => {
    const en = hyphenateText('international', hyphenatorFor('en')!, fr);
    const french = hyphenateText('international', hyphenatorFor('fr')!, fr);
    expect(show(en)).toBe('in|ter|na|tional');
    expect(show(french)).toBe('in|ter|na|tio|nal');
  });
});
