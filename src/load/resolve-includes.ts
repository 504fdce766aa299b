import { posix } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { SourceDocument } from './load-document.ts';

export type DocumentLoader = (path: string) => Promise<SourceDocument | undefined>;

/**
 * Flattens a publication's `include` list, depth first, into the chapters
 * that follow its own body. Each entry must be an article inside the content
 * folder; cycles and self-inclusion are reported with the chain that loops.
 */
export async function resolveIncludes(
  publication: SourceDocument,
  contentDir: string,
  load: DocumentLoader,
  diagnostics: Diagnostics,
): Promise<SourceDocument[]> {
  const chapters: SourceDocument[] = [];
  await walk(publication, [publication.path]);
  return chapters;

  async function walk(document: SourceDocument, chain: string[]): Promise<void> {
    const entries = document.meta.include ?? [];
    for (const [index, entry] of entries.entries()) {
      const where = document.frontMatter.locate(['include', index]);
      const target = resolveEntry(contentDir, entry);
      if (typeof target !== 'string') {
        diagnostics.error(where, `cannot include \`${entry}\`: ${target.reason}`, 'include-path');
        continue;
      }
      if (chain.includes(target)) {
        const loop = [...chain.slice(chain.indexOf(target)), target].map((p) => posix.relative(contentDir, p)).join(' → ');
        const reason = target === document.path ? `\`${entry}\` includes itself` : `circular include: ${loop}`;
        diagnostics.error(where, reason, 'include-cycle');
        continue;
      }
      const included = await load(target);
      if (!included) {
        const reason = diagnostics.hasErrorsFor(target) ? 'it has errors of its own' : 'no such file in the content folder';
        diagnostics.error(where, `cannot include \`${entry}\`: ${reason}`, 'include-missing');
        continue;
      }
      if (included.meta.layout !== undefined) {
        diagnostics.error(where, `cannot include \`${entry}\`: it is a publication (it has \`layout:\`); include articles only`, 'include-publication');
        continue;
      }
      chapters.push(included);
      await walk(included, [...chain, target]);
    }
  }
}

function resolveEntry(contentDir: string, entry: string): string | { reason: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(entry)) return { reason: 'only files inside the content folder can be included' };
  if (!/\.md$/i.test(entry)) return { reason: 'only .md files can be included' };
  if (entry.startsWith('/') || entry.includes('\\')) return { reason: 'write a content-relative path with forward slashes' };
  const normalised = posix.normalize(entry);
  if (normalised.startsWith('../') || normalised === '..') return { reason: 'the path leaves the content folder' };
  return posix.join(contentDir, normalised);
}
