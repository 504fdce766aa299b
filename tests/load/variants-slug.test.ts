import { describe, expect, it } from 'vitest';
import { isReservedSlug, MAX_SLUG_LENGTH, slugify } from '../../src/load/variants-slug.ts';

describe('slugify', () => {
  it('drops accents and transliterates Turkish and Cyrillic names', () => {
    const cases: Record<string, string> = {
      Janaözen: 'janaozen',
      'Saint-Étienne': 'saint-etienne',
      Bolşevik: 'bolsevik',
      Diyarbakır: 'diyarbakir',
      İstanbul: 'istanbul',
      'Çağlayan Gümüşsuyu': 'caglayan-gumussuyu',
      Българска: 'balgarska',
      Жаңаөзен: 'zhanaozen',
      Қазақстан: 'qazaqstan',
      Щёлково: 'shchelkovo',
      Подъезд: 'podezd',
      Українська: 'ukrayinska',
      Straße: 'strasse',
      'Łódź Œuvre Ærø': 'lodz-oeuvre-aero',
      // Compatibility forms: full-width letters, ligatures, a decomposed é.
      'Ａｋｔａｕ ﬁn Be\u0301ziers': 'aktau-fin-beziers',
    };
    for (const [text, slug] of Object.entries(cases)) expect(slugify(text), text).toBe(slug);
  });

  it('turns punctuation and spaces into single dashes, none at either end', () => {
    expect(slugify('  --Paris 11e (Nord) !!  ')).toBe('paris-11e-nord');
    expect(slugify('CGT / FO — Lyon & Villeurbanne')).toBe('cgt-fo-lyon-villeurbanne');
    expect(slugify('groupe.local_2024')).toBe('groupe-local-2024');
  });

  it('never names another folder', () => {
    expect(slugify('../x')).toBe('x');
    expect(slugify('..\\..\\x')).toBe('x');
    expect(slugify('a/../../b')).toBe('a-b');
    expect(slugify('..')).toBe('');
    expect(slugify('.')).toBe('');
    expect(slugify('/')).toBe('');
  });

  it('is empty when nothing is left, so the caller reports it', () => {
    expect(slugify('')).toBe('');
    expect(slugify('—')).toBe('');
    expect(slugify('北京')).toBe('');
  });

  it('keeps at most 60 characters and ends on a letter or digit', () => {
    const long = 'Comité de solidarité avec les travailleurs du pétrole de Janaözen et d’Aktau';
    expect(slugify(long)).toBe('comite-de-solidarite-avec-les-travailleurs-du-petrole-de-jan');
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    expect(slugify('x'.repeat(200))).toHaveLength(MAX_SLUG_LENGTH);
  });

  it('only ever gives a-z, 0-9 and inner dashes, on any text', () => {
    const pool = ['a', 'Z', '9', '.', '..', '/', '\\', '-', ' ', '\u0301', 'é', 'ı', 'İ', 'ъ', 'Щ', 'ß', '😀', '\u0000', '\uD800', '北', 'Ⅻ', 'ﬁ', ':', '%2e'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 2000; n += 1) {
      const text = Array.from({ length: next() % 40 }, () => pool[next() % pool.length]).join('');
      const slug = slugify(text);
      expect(slug, JSON.stringify(text)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    }
  });

  it('knows the file names Windows keeps for devices', () => {
    for (const slug of ['con', 'prn', 'aux', 'nul', 'com1', 'lpt9']) expect(isReservedSlug(slug), slug).toBe(true);
    for (const slug of ['console', 'aux-lilas', 'com10', 'nul1x']) expect(isReservedSlug(slug), slug).toBe(false);
  });
});
