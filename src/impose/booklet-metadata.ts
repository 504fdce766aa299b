import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';
import type { SheetMetadata } from './sheet-metadata.ts';

/**
 * The trailer's /ID, as the leaflet sheets get theirs (sheet-metadata.ts):
 * hashed from the pamphlet and every option that changes the sheets, so
 * the same inputs give the same file and different ones another identifier.
 */
export function setBookletId(sheet: PDFDocument, pamphlet: Uint8Array, layout: { sheetsPerSignature: number; creepMm: number }, metadata: SheetMetadata): void {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(['booklet', layout.sheetsPerSignature, layout.creepMm, metadata.title ?? null, metadata.producer ?? null, metadata.creationDate?.toISOString() ?? null]));
  hash.update(pamphlet);
  const id = hash.digest('hex').slice(0, 32);
  sheet.context.trailerInfo.ID = sheet.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
