import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { ParsedDocument } from '../layout/layout-publication.ts';
import { type FieldUse, templateFieldUses, variantDirectives } from '../transform/variant-fields.ts';
import type { World } from '../world/world.ts';
import type { SourceDocument } from './load-document.ts';
import { checkColumns, loadVariants, type VariantTable } from './variants.ts';

/**
 * A publication's `variants:` table, checked against every field its
 * Markdown (`:variant[city]`) and its layout (`{{variant.city}}`) print.
 * `undefined`: it has none, and uses none; `null`: a problem was reported.
 */
export async function variantsOf(
  publication: SourceDocument,
  documents: readonly ParsedDocument[],
  templateSources: ReadonlyMap<string, string>,
  contentDir: string,
  world: World,
  diagnostics: Diagnostics,
): Promise<VariantTable | undefined | null> {
  const inMarkdown: FieldUse[] = documents.flatMap((parsed) => variantDirectives(parsed.tree, parsed.document.path));
  if (publication.meta.variants === undefined) {
    for (const use of inMarkdown) {
      diagnostics.error(use.usedAt, `\`:variant[${use.name}]\` prints a field of a local group, but this publication has no \`variants:\` table in its front matter`, 'variant-field');
    }
    return inMarkdown.length > 0 ? null : undefined;
  }
  const declaredAt = publication.frontMatter.locate(['variants']);
  const table = await loadVariants(world, { markdownPath: publication.path, contentDir, value: publication.meta.variants, declaredAt }, diagnostics);
  if (!table) return null;
  return checkColumns(table, [...inMarkdown, ...templateFieldUses(templateSources)], diagnostics) ? table : null;
}
