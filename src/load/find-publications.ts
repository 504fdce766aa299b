import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import type { SourceDocument } from './load-document.ts';
import { loadDocument } from './load-document.ts';
import { outputNameProblem } from './output-name.ts';

export interface ContentIndex {
  /** Every publication id found in the content folder, whether or not it was loaded. */
  ids: string[];
  publications: SourceDocument[];
  /** Loads any content file once, however many publications include it. */
  load(path: string): Promise<SourceDocument | undefined>;
}

/**
 * Every Markdown file with `layout:` in its front matter is a publication.
 * With `only`, just those files are read, so a broken file elsewhere does
 * not fail a build that never asked for it.
 */
export async function findPublications(
  world: World,
  contentDir: string,
  only: readonly string[] | undefined,
  diagnostics: Diagnostics,
): Promise<ContentIndex> {
  const cache = new Map<string, Promise<SourceDocument | undefined>>();
  const load = (path: string) => {
    let pending = cache.get(path);
    if (!pending) {
      pending = world.exists(path).then((exists) => (exists ? loadDocument(world, contentDir, path, diagnostics) : undefined));
      cache.set(path, pending);
    }
    return pending;
  };

  let files: string[];
  try {
    files = (await world.listFiles(contentDir)).filter((f) => /\.md$/i.test(f) && !/(^|\/)README\.md$/i.test(f));
  } catch {
    diagnostics.error(at(contentDir), 'content folder not found', 'content-folder');
    return { ids: [], publications: [], load };
  }
  const prefix = contentDir === '.' ? '' : `${contentDir}/`;
  const selected = only && only.length > 0 ? selectFiles(files, only, prefix, contentDir, diagnostics) : files;

  const publications: SourceDocument[] = [];
  for (const path of selected) {
    const document = await load(path);
    const unnameable = document?.meta.layout !== undefined ? outputNameProblem(document.id) : undefined;
    if (unnameable) diagnostics.error(at(path), unnameable, 'output-name');
    else if (document?.meta.layout !== undefined) publications.push(document);
    else if (document && only && only.length > 0) {
      diagnostics.error(at(path), `\`${document.id}\` is an article (it has no \`layout:\`), not a publication`, 'unknown-publication');
    }
  }
  const ids = files.map((f) => f.slice(prefix.length).replace(/\.md$/i, ''));
  return { ids, publications, load };
}

function selectFiles(files: string[], only: readonly string[], prefix: string, contentDir: string, diagnostics: Diagnostics): string[] {
  const selected: string[] = [];
  for (const id of only) {
    const path = files.find((f) => f === `${prefix}${id}.md`);
    if (path) selected.push(path);
    else diagnostics.error(at(contentDir), `no publication with id \`${id}\` in the content folder`, 'unknown-publication');
  }
  return selected;
}
