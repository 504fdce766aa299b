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
  project: { typography?: unknown; hyphenation?: unknown } = {},
): (lang: string) => Typesetting {
  const projectTypography = project.typography as z.infer<typeof typographyOverrides> | undefined;
  const projectHyphenation = project.hyphenation as z.infer<typeof hyphenationOverrides> | undefined;
  const fromLayout = (layoutSettings ?? {}) as { typography?: unknown; hyphenation?: unknown };
  const inLayout = () => at(templatePath);
  const inFrontMatter = (path: PropertyKey[]) => publication.frontMatter.locate(path);
  const layoutTypography = check(typographyOverrides, fromLayout.typography, inLayout, 'roneo.typography', diagnostics);
  const layoutHyphenation = check(hyphenationOverrides, fromLayout.hyphenation, inLayout, 'roneo.hyphenation', diagnostics);
  const meta = publication.meta as { typography?: unknown; hyphenation?: unknown };
  const ownTypography = check(typographyOverrides, meta.typography, (path) => inFrontMatter(['typography', ...path]), 'typography', diagnostics);
  const ownHyphenation = check(hyphenationOverrides, meta.hyphenation, (path) => inFrontMatter(['hyphenation', ...path]), 'hyphenation', diagnostics);

  const cache = new Map<string, Typesetting>();
  return (lang) => {
    let settings = cache.get(lang);
    if (!settings) {
      settings = {
        lang,
        typography: mergeSettings(typographyDefaults(lang), projectTypography, layoutTypography, ownTypography),
        hyphenation: mergeSettings(hyphenationDefaults(lang), projectHyphenation, layoutHyphenation, ownHyphenation),
      };
      cache.set(lang, settings);
    }
    return settings;
  };
}

/** Settings are `true`, `false` or a mapping; a mapping is checked key by key for a message that says which. */
function check<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: (path: PropertyKey[]) => ReturnType<typeof at>,
  field: string,
  diagnostics: Diagnostics,
): z.infer<T> | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const options = (schema as unknown as { options?: z.ZodType[] }).options ?? [];
  const detailed = typeof value === 'object' && value !== null ? options.at(-1)?.safeParse(value) : undefined;
  const issue = (detailed && !detailed.success ? detailed.error : parsed.error).issues[0]!;
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const name = [field, ...path.map(String)].join('.');
  const reason =
    issue.code === 'unrecognized_keys'
      ? `has no setting ${issue.keys.map((k) => `\`${k}\``).join(', ')}`
      : issue.code === 'invalid_type'
        ? `must be ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`}${path.length === 0 ? ', true or false' : ''}`
        : issue.message;
  diagnostics.error(where(path), `\`${name}\` ${reason}`, 'typesetting-settings');
  return undefined;
}
