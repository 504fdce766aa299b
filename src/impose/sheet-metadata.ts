import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';

export interface SheetMetadata {
  title?: string;
  /** The PDF's creation and modification date; no date is written without it. */
  creationDate?: Date;
  producer?: string;
}

/**
 * Sets what the options give and nothing else: pdf-lib would write its own
 * name as producer and creator and the clock's time as dates (the document
 * is created with `updateMetadata: false` for that), which would make every
 * build differ.
 */
/** Checked before any work: an invalid Date would be written as a garbled date string. */
export function checkMetadata(metadata: SheetMetadata): void {
  if (metadata.creationDate !== undefined && Number.isNaN(metadata.creationDate.getTime())) throw new Error('the sheet\'s creationDate is not a valid date');
}

export function setMetadata(sheet: PDFDocument, metadata: SheetMetadata): void {
  if (metadata.title !== undefined) sheet.setTitle(metadata.title);
  if (metadata.producer !== undefined) sheet.setProducer(metadata.producer);
  if (metadata.creationDate !== undefined) {
    sheet.setCreationDate(metadata.creationDate);
    sheet.setModificationDate(metadata.creationDate);
  }
}

/**
 * The trailer's /ID, which pdf-lib leaves out: made from the inputs rather
 * than at random, so the same leaflets and options give the same file and
 * different ones a different identifier (PDF 1.7 recommends one, PDF 2.0
 * requires it).
 */
export function setDocumentId(sheet: PDFDocument, leaflets: readonly Uint8Array[], up: number, metadata: SheetMetadata): void {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([up, metadata.title ?? null, metadata.producer ?? null, metadata.creationDate?.toISOString() ?? null]));
  for (const leaflet of leaflets) {
    hash.update(`${leaflet.length}:`);
    hash.update(leaflet);
  }
  const id = hash.digest('hex').slice(0, 32);
  sheet.context.trailerInfo.ID = sheet.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
