import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import type { SourceDocument } from './load-document.ts';
import { loadDocument } from './load-document.ts';

export interface ContentIndex {
  publications: SourceDocument[];
  /** Loads any content file once, however many publications include it. */
  load(path: string): Promise<SourceDocument | undefined>;
}

/** Every Markdown file with `layout:` in its front matter is a publication. */
export async function findPublications(world: World, contentDir: string, diagnostics: Diagnostics): Promise<ContentIndex> {
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
    files = await world.listFiles(contentDir);
  } catch {
    diagnostics.error(at(contentDir), 'content folder not found', 'content-folder');
    return { publications: [], load };
  }
  const publications: SourceDocument[] = [];
  for (const path of files.filter((f) => /\.md$/i.test(f) && !/(^|\/)README\.md$/i.test(f))) {
    const document = await load(path);
    if (document?.meta.layout !== undefined) publications.push(document);
  }
  return { publications, load };
}
