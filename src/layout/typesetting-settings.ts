import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { SourceDocument } from '../load/load-document.ts';
import {
  hyphenationDefaults,
  hyphenationOverrides,
  mergeSettings,
  type Typesetting,
  typographyDefaults,
  typographyOverrides,
} from '../transform/typography/index.ts';
import type { z } from 'zod';

/**
 * The rules text is set with, per language: Roneo's defaults for the
 * language, then the layout's `roneo: { typography, hyphenation }`, then the
 * publication's own `typography:` and `hyphenation:` front matter. Chapters
 * in another language get that language's defaults under the same overrides.
 */
export function typesettingFor(
  layoutSettings: unknown,
  publication: SourceDocument,
  templatePath: string,
  diagnostics: Diagnostics,
): (lang: string) => Typesetting {
  const fromLayout = (layoutSettings ?? {}) as { typography?: unknown; hyphenation?: unknown };
  const layoutTypography = check(typographyOverrides, fromLayout.typography, () => at(templatePath), 'roneo.typography', diagnostics);
  const layoutHyphenation = check(hyphenationOverrides, fromLayout.hyphenation, () => at(templatePath), 'roneo.hyphenation', diagnostics);
  const meta = publication.meta as { typography?: unknown; hyphenation?: unknown };
  const ownTypography = check(typographyOverrides, meta.typography, () => publication.frontMatter.locate(['typography']), 'typography', diagnostics);
  const ownHyphenation = check(hyphenationOverrides, meta.hyphenation, () => publication.frontMatter.locate(['hyphenation']), 'hyphenation', diagnostics);

  const cache = new Map<string, Typesetting>();
  return (lang) => {
    let settings = cache.get(lang);
    if (!settings) {
      settings = {
        lang,
        typography: mergeSettings(typographyDefaults(lang), layoutTypography, ownTypography),
        hyphenation: mergeSettings(hyphenationDefaults(lang), layoutHyphenation, ownHyphenation),
      };
      cache.set(lang, settings);
    }
    return settings;
  };
}

function check<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: () => ReturnType<typeof at>,
  field: string,
  diagnostics: Diagnostics,
): z.infer<T> | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [field, ...issue.path.map(String)].join('.');
  diagnostics.error(where(), `\`${path}\` ${issue.message}`, 'typesetting-settings');
  return undefined;
}
