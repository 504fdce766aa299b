import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import type { ServerResponse } from 'node:http';

/**
 * Files whose name says nothing to a MIME table. `SHA256SUMS` has no
 * extension, and `sha256sum -c` users open it in the browser to read it.
 */
const TYPES_BY_NAME: Readonly<Record<string, string>> = {
  SHA256SUMS: 'text/plain; charset=utf-8',
};

/** Headers every answer carries, files and errors alike. */
export function setCommonHeaders(res: ServerResponse): void {
  // A rebuild replaces files under the same names: `no-cache` lets browsers keep
  // a copy but makes them ask again each time, and the ETag makes that ask cheap.
  res.setHeader('Cache-Control', 'no-cache');
  // Browsers must not guess a type: a PDF or a text file is never run as a page.
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/**
 * Headers for a file about to be sent, set before serve-static sets its own
 * (it leaves alone any header already present).
 */
export function setFileHeaders(res: ServerResponse, path: string, stats: Stats): void {
  const type = TYPES_BY_NAME[basename(path)];
  if (type !== undefined) res.setHeader('Content-Type', type);
  res.setHeader('ETag', entityTag(stats));
}

/**
 * serve-static's ETag is the size and the modification time. A rebuild writes
 * each file under a temporary name and renames it into place, so the new file
 * is a new inode: adding the inode gives a new tag even when the new file has
 * the same size and was written within the same millisecond as the old one.
 * Weak, like serve-static's, because it is not a hash of the bytes.
 */
export function entityTag(stats: Stats): string {
  const parts = [stats.size, Math.floor(stats.mtimeMs), stats.ino].map((n) => n.toString(16));
  return `W/"${parts.join('-')}"`;
}
