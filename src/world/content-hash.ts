import { createHash } from 'node:crypto';

/**
 * Hashes of bytes read through the World, kept by identity: a watch's
 * remembering World hands back the same bytes for a file that did not change,
 * and the fonts (6 MB) need not be hashed again at every rebuild. Bytes read
 * from the World are never written to, so the identity stands for the content.
 */
const known = new WeakMap<Uint8Array, string>();

export function sha256Of(data: Uint8Array | string): string {
  if (typeof data === 'string') return createHash('sha256').update(data).digest('hex');
  let digest = known.get(data);
  if (digest === undefined) {
    digest = createHash('sha256').update(data).digest('hex');
    known.set(data, digest);
  }
  return digest;
}
