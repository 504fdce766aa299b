import { z } from 'zod';

/**
 * Every typographic rule is a setting: per-language defaults here, which a
 * layout overrides under `roneo: { typography, hyphenation }` and a
 * publication under the same front-matter fields.
 */
export interface TypographySettings {
  enabled: boolean;
  /** What a straight `"` becomes, opening and closing. */
  quotes: [string, string];
  /** What a straight `'` becomes inside or after a word (and, for `en`, what opens a quotation). */
  apostrophe: string;
  /** A straight `'` at the start of a word, or `''` to treat it as an apostrophe. */
  singleOpen: string;
  /** `...` becomes `…`. */
  ellipsis: boolean;
  /** The space set before these marks, replacing any plain space there. */
  spaceBefore: Record<string, string>;
  /** The space set after these marks, replacing any plain space there. */
  spaceAfter: Record<string, string>;
  /** The space between groups of three digits (`3 000`), or `''` to leave them. */
  thousands: string;
}

export interface HyphenationSettings {
  enabled: boolean;
  /** Words shorter than this are never hyphenated. */
  minWord: number;
  /** Letters kept before a hyphen. */
  minLeft: number;
  /** Letters carried to the next line. */
  minRight: number;
  /** Capitalised words, most often names, are left whole unless this is true. */
  capitalized: boolean;
  /** Headings are never hyphenated unless this is true. */
  headings: boolean;
  /** Words never hyphenated, or hyphenated only where written with `-`. */
  exceptions: string[];
}

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const ENGLISH: TypographySettings = {
  enabled: true,
  quotes: ['“', '”'],
  apostrophe: '’',
  singleOpen: '‘',
  ellipsis: true,
  spaceBefore: {},
  spaceAfter: {},
  thousands: '',
};

const TYPOGRAPHY: Record<string, TypographySettings> = {
  en: ENGLISH,
  fr: {
    enabled: true,
    quotes: ['«', '»'],
    apostrophe: '’',
    singleOpen: '',
    ellipsis: true,
    spaceBefore: { ';': NNBSP, '!': NNBSP, '?': NNBSP, ':': NBSP, '»': NNBSP, '%': NNBSP },
    spaceAfter: { '«': NNBSP },
    thousands: NNBSP,
  },
  ru: { ...ENGLISH, quotes: ['«', '»'], singleOpen: '', thousands: NNBSP },
  kk: { ...ENGLISH, quotes: ['«', '»'], singleOpen: '', thousands: NNBSP },
  uk: { ...ENGLISH, quotes: ['«', '»'], singleOpen: '', thousands: NNBSP },
  de: { ...ENGLISH, quotes: ['„', '“'], singleOpen: '‚', thousands: NNBSP },
  tr: ENGLISH,
};

const HYPHENATION: HyphenationSettings = {
  enabled: true,
  minWord: 6,
  minLeft: 2,
  minRight: 3,
  capitalized: false,
  headings: false,
  exceptions: [],
};

export function typographyDefaults(lang: string): TypographySettings {
  const tag = lang.toLowerCase();
  return TYPOGRAPHY[tag] ?? TYPOGRAPHY[tag.split('-')[0]!] ?? { ...ENGLISH, quotes: ['"', '"'], apostrophe: '\'', singleOpen: '', enabled: false };
}

export function hyphenationDefaults(lang: string): HyphenationSettings {
  // French and English both keep two letters before the break and carry three (TeX's defaults).
  return { ...HYPHENATION, exceptions: [], ...(lang.toLowerCase().startsWith('en') ? { minLeft: 2, minRight: 3 } : {}) };
}

const text = z.string();
export const typographyOverrides = z.union([
  z.boolean(),
  z.strictObject({
    enabled: z.boolean().optional(),
    quotes: z.tuple([text, text]).optional(),
    apostrophe: text.optional(),
    singleOpen: text.optional(),
    ellipsis: z.boolean().optional(),
    spaceBefore: z.record(text, text).optional(),
    spaceAfter: z.record(text, text).optional(),
    thousands: text.optional(),
  }),
]);

export const hyphenationOverrides = z.union([
  z.boolean(),
  z.strictObject({
    enabled: z.boolean().optional(),
    minWord: z.number().int().min(2).optional(),
    minLeft: z.number().int().min(1).optional(),
    minRight: z.number().int().min(1).optional(),
    capitalized: z.boolean().optional(),
    headings: z.boolean().optional(),
    exceptions: z.array(text).optional(),
  }),
]);

export type TypographyOverrides = z.infer<typeof typographyOverrides>;
export type HyphenationOverrides = z.infer<typeof hyphenationOverrides>;

export function mergeSettings<T extends { enabled: boolean }>(base: T, ...layers: Array<boolean | Partial<T> | undefined>): T {
  let result = { ...base };
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (typeof layer === 'boolean') result = { ...result, enabled: layer };
    else result = { ...result, ...(Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as Partial<T>) };
  }
  return result;
}
