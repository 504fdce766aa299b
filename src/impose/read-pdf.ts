import { PDFDocument, PDFName, type PDFPage } from 'pdf-lib';

/** An error's message on one line: the caller's diagnostics are one line each. */
export const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();

/** A PDF's document and pages, loaded without pdf-lib rewriting its metadata; an unreadable file is an Error naming it. */
export async function loadPages(bytes: Uint8Array, name: string): Promise<{ document: PDFDocument; pages: PDFPage[] }> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    throw new Error(`${name} is not a readable PDF: ${oneLine(error)}`);
  }
  return { document, pages: document.getPages() };
}

/** A page turned by /Rotate would be placed for its unturned self and printed turned: refused, naming `what` takes upright pages only. */
export function assertUpright(page: PDFPage, where: string, what: string): void {
  const rotation = page.getRotation().angle;
  if (rotation % 360 !== 0) throw new Error(`${where} is turned by /Rotate ${rotation}; ${what} takes upright pages only`);
}

/** A page made ready for pdf-lib to embed as a form. */
export function readyToEmbed(page: PDFPage): void {
  // A blank page may have no content at all, which pdf-lib refuses to embed: an empty stream draws the same nothing.
  if (!page.node.Contents()) page.pushOperators();
  // Links are for screens: left on the page, pdf-lib would copy their objects (and the pages they point to) into the sheet.
  page.node.delete(PDFName.of('Annots'));
}
