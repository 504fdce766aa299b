/** A slug is used as a file name; longer names only get cut by file systems and archivers. */
export const MAX_SLUG_LENGTH = 60;

/**
 * Letters NFKD leaves whole. Cyrillic follows common Russian, Ukrainian,
 * Kazakh and Serbian romanisations; a table cannot know the language, so a
 * group that wants another spelling writes a `slug` column.
 */
const LETTERS: Readonly<Record<string, string>> = {
  // Cyrillic. й, ё and ї would decompose into и, е and і with a mark, so they are listed too.
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u',
  ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  // Latin letters that are not a base letter plus marks.
  ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ħ: 'h', ŧ: 't',
};

/** `ъ` is a vowel in Bulgarian (България → balgariya) but a silent hard sign in Russian (подъезд → podezd), where only a vowel follows it. */
const HARD_SIGN_VOWEL = /ъ(?=[бвгджзйклмнпрстфхцчшщ])/g;

/** Names Windows keeps for devices: `con.pdf` cannot be created or copied there. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * A file name made of a-z, 0-9 and '-' from any text: lowercased,
 * transliterated, accents dropped, everything else a single '-', no '-' at
 * either end, at most 60 characters. Returns '' when nothing is left, so the
 * caller reports it; the result can never hold '/', '\', '.' or '..'.
 */
export function slugify(text: string): string {
  const lower = text.normalize('NFC').toLowerCase().replace(HARD_SIGN_VOWEL, 'a').replace(/ъ/g, '');
  const latin = Array.from(lower, (char) => LETTERS[char] ?? char).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    // NFKD can bring capitals back (ℌ, Ⅻ): lowercase again.
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** Whether a slug names a Windows device, so the leaflet would be lost when the folder is copied there. */
export function isReservedSlug(slug: string): boolean {
  return WINDOWS_DEVICES.test(slug);
}
