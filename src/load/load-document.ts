import { at, type Diagnostic, Diagnostics } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { WorldError } from '../world/world.ts';
import { type FrontMatter, readFrontMatter } from './front-matter.ts';
import { type Metadata, metadataSchema } from './metadata-schema.ts';
import { decodeSource } from './read-source.ts';
import { isEmpty, tooLarge } from './source-checks.ts';

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
  const key = `${contentDir}\0${path}`;
  let known = loaded.get(bytes);
  let result = known?.get(key);
  if (!result) {
    const problems = new Diagnostics();
    result = { document: fromBytes(contentDir, path, bytes, problems), problems: problems.list };
    if (!known) loaded.set(bytes, (known = new Map()));
    known.set(key, result);
  }
  for (const problem of result.problems) diagnostics.repeat(problem);
  return result.document;
}

/**
 * Documents read from these very bytes: a watch's World hands back the same bytes for a file that did not
 * change, and its front matter is not parsed and checked again. What a document is made from is never
 * changed after it is loaded.
 */
const loaded = new WeakMap<Uint8Array, Map<string, { document: SourceDocument | undefined; problems: readonly Diagnostic[] }>>();

function fromBytes(contentDir: string, path: string, bytes: Uint8Array, diagnostics: Diagnostics): SourceDocument | undefined {
  if (tooLarge(path, bytes, diagnostics)) return undefined;
  const text = decodeSource(path, bytes, diagnostics);
  if (text === undefined || isEmpty(path, text, diagnostics)) return undefined;
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
