import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { WorldError } from '../world/world.ts';
import { type FrontMatter, readFrontMatter } from './front-matter.ts';
import { type Metadata, metadataSchema } from './metadata-schema.ts';
import { decodeSource } from './read-source.ts';

export interface SourceDocument {
  /** Project-relative path, as printed in diagnostics. */
  path: string;
  /** Path inside the content folder without `.md`: the publication id. */
  id: string;
  text: string;
  meta: Metadata;
  frontMatter: FrontMatter;
}

export async function loadDocument(
  world: World,
  contentDir: string,
  path: string,
  diagnostics: Diagnostics,
): Promise<SourceDocument | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await world.readFile(path);
  } catch (error) {
    const reason = error instanceof WorldError ? error.message : String(error);
    diagnostics.error(at(path), `cannot read file: ${reason}`, 'read-file');
    return undefined;
  }
  const text = decodeSource(path, bytes, diagnostics);
  if (text === undefined) return undefined;
  const frontMatter = readFrontMatter(path, text, diagnostics);
  if (!frontMatter) return undefined;

  const parsed = metadataSchema.safeParse(frontMatter.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      const where = issue.path.length > 0 ? frontMatter.locate(issue.path) : at(path, 1, 1);
      diagnostics.error(where, `front matter \`${field || 'front matter'}\` ${issue.message}`, 'front-matter');
    }
    return undefined;
  }
  return { path, id: idOf(contentDir, path), text, meta: parsed.data, frontMatter };
}

export function idOf(contentDir: string, path: string): string {
  const prefix = contentDir === '.' || contentDir === '' ? '' : `${contentDir.replace(/\/$/, '')}/`;
  return path.slice(prefix.length).replace(/\.md$/i, '');
}
