import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** What a request's path names inside the served folder. */
export type Resolution =
  /** A regular file: `path` is its real path, inside `root` (the folder's real path); `urlPath` is the same file as a URL path from `root`. */
  | { kind: 'file'; root: string; path: string; urlPath: string }
  /** A folder asked for without its final slash. */
  | { kind: 'folder'; location: string }
  /** `no-index`: a folder (or the served folder itself, gone) without index.html. */
  | { kind: 'not-found'; why: 'missing' | 'no-index' };

const MISSING: Resolution = { kind: 'not-found', why: 'missing' };
const NO_INDEX: Resolution = { kind: 'not-found', why: 'no-index' };

/**
 * Finds the file a request's target names in `folder`, or refuses it.
 *
 * serve-static refuses `..` with a 403 and a NUL with a 400, which tells a
 * prober that the path was understood, and it follows symbolic links out of
 * its root. Every refusal here is the same "not found" as a file that does
 * not exist, and the file is found by its real path, which must lie inside
 * the folder's real path. The path is percent-decoded exactly once, as
 * serve-static does, so `%252e%252e` is a file literally named `%2e%2e`.
 *
 * The file's real path is then handed to serve-static as the request's path,
 * so what it sends is the file checked here, not whatever a link pointed to;
 * serve-static's own refusals (`..`, dotfiles) stay on behind this, as a
 * second lock, and come back as the same 404.
 */
export async function resolveRequest(folder: string, target: string | undefined): Promise<Resolution> {
  const asked = parseTarget(target);
  if (asked === undefined) return MISSING;
  const { segments, endsWithSlash } = asked;
  const root = await realpath(folder).catch(() => undefined);
  // The folder itself gone: between `rm -rf output` and the next build.
  if (root === undefined) return NO_INDEX;
  const found = await realInside(root, join(root, ...segments));
  if (found === undefined) return MISSING;
  if (found.stats.isDirectory()) {
    if (!endsWithSlash) return { kind: 'folder', location: `/${segments.map(encodeURIComponent).join('/')}/` };
    const index = await realInside(root, join(found.path, 'index.html'));
    return index?.stats.isFile() ? file(root, index.path) : NO_INDEX;
  }
  // A file asked for as a folder (`/dossier.pdf/`), or a FIFO or device that would never end.
  if (!found.stats.isFile() || endsWithSlash) return MISSING;
  return file(root, found.path);
}

/**
 * The decoded path segments of an origin-form request target (`/a/b?q`) and
 * whether it ends with a slash (asks for a folder); undefined when it cannot
 * name a file here: undecodable, a NUL, a backslash (a separator on Windows),
 * or any segment starting with a dot, which covers `.`, `..` and dotfiles
 * such as `.git` and `.cache` at once.
 */
export function parseTarget(target: string | undefined): { segments: string[]; endsWithSlash: boolean } | undefined {
  // Absolute-form (`GET http://host/...`) is for proxies, and `*` for OPTIONS: neither names a file.
  if (target === undefined || !target.startsWith('/')) return undefined;
  const pathname = target.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  return { segments, endsWithSlash: pathname.endsWith('/') };
}

/**
 * `path` with every link followed, if that lands inside `root` and not in a
 * dot-named folder or file (a path out of `root` starts with `..`, a dot too).
 */
async function realInside(root: string, path: string) {
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return undefined;
  const inside = relative(root, real);
  if (isAbsolute(inside) || inside.split(sep).some((part) => part.startsWith('.'))) return undefined;
  const stats = await stat(real).catch(() => undefined);
  return stats && { path: real, stats };
}

function file(root: string, path: string): Resolution {
  const parts = relative(root, path).split(sep);
  return { kind: 'file', root, path, urlPath: `/${parts.map(encodeURIComponent).join('/')}` };
}
