import type { Root } from 'mdast';
import { hyphenation } from './hyphenation.ts';
import type { HyphenationSettings, TypographySettings } from './settings.ts';
import { typography, typographyOfText } from './typography.ts';

export interface Typesetting {
  lang: string;
  typography: TypographySettings;
  hyphenation: HyphenationSettings;
}

/**
 * A copy of the tree with the language's typography and hyphenation
 * applied. A copy, because one article can be set in several publications
 * whose layouts ask for different rules.
 */
export function typesetTree(tree: Root, settings: Typesetting): Root {
  const copy = structuredClone(tree);
  typography(copy, settings.typography);
  hyphenation(copy, settings.lang, settings.hyphenation);
  return copy;
}

/** Front-matter text a layout prints (title, subtitle, names): the same rules, no hyphenation. */
export function typesetFields<T extends Record<string, unknown>>(fields: T, settings: Typesetting, skip: ReadonlySet<string>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (skip.has(key)) out[key] = value;
    else if (typeof value === 'string') out[key] = typographyOfText(value, settings.typography);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = typesetFields(value as Record<string, unknown>, settings, new Set(['url']));
    else out[key] = value;
  }
  return out as T;
}

export { hyphenationDefaults, typographyDefaults, mergeSettings, hyphenationOverrides, typographyOverrides } from './settings.ts';
export type { HyphenationSettings, TypographySettings } from './settings.ts';
