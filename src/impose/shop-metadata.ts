import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';
import type { SheetMetadata } from './sheet-metadata.ts';

/**
 * The trailer's /ID, as the booklet gets its own (booklet-metadata.ts):
 * hashed from the rendered publication and every option that changes the
 * file, so the same inputs give the same file and different ones another
 * identifier.
 */
export function setShopId(shop: PDFDocument, rendered: Uint8Array, bleedMm: number, metadata: SheetMetadata): void {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(['shop', bleedMm, metadata.title ?? null, metadata.producer ?? null, metadata.creationDate?.toISOString() ?? null]));
  hash.update(rendered);
  const id = hash.digest('hex').slice(0, 32);
  shop.context.trailerInfo.ID = shop.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
