import {
  type PDFPage,
  type PDFRef,
  type PageBoundingBox,
  PDFDocument,
  PDFName,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { strokeMarks } from './stroke-marks.ts';
import { MM, type Size } from './paper.ts';
import { CROP_MARK_WIDTH, type ShopPageLayout, shopPageLayout } from './shop-layout.ts';
import { setShopId } from './shop-metadata.ts';
import { pageForms } from './shop-forms.ts';
import { readRendered } from './shop-read.ts';
import { setMetadata, type SheetMetadata } from './sheet-metadata.ts';

export interface ShopOptions extends SheetMetadata {
  /** Bleed included in the rendered pages on every side, in mm (default 3): the page was rendered this much larger than the finished page on every side. */
  bleedMm?: number;
}

export interface ShopFile {
  /** The file for the print shop: one page per rendered page, in order. */
  bytes: Uint8Array;
  pages: number;
  /** Page 1's finished (trimmed) size, in points: the publication's size when every page shares it. */
  trim: Size;
  /** Every page's finished size, in points, in order: a cover may differ from the pages after it. */
  trims: Size[];
}

const DEFAULT_BLEED_MM = 3;

/**
 * The file a print shop asks for. Every page of `rendered`, each the
 * finished page plus `bleedMm` on every side, is placed at 100 % on a page
 * 10 mm larger on every side (shop-layout.ts), with these boxes on every
 * page: TrimBox, the finished page (the rendered page less the bleed);
 * BleedBox, the rendered page; MediaBox, from (0, 0), the BleedBox and the
 * 10 mm around it. There is no CropBox: its default is the MediaBox, which
 * is what a viewer should show (the marks included), and one box fewer is
 * one fewer that could disagree with the others. Crop marks, 0.25 pt
 * DeviceGray black (`0 G`), continue the trim lines at the four corners,
 * from 3 to 8 mm outside the BleedBox. Pages of different sizes each get
 * their own boxes. Links and bookmarks are left out: the shop prints, the
 * reading PDF keeps them. A PDF that cannot be read, has no pages, a page
 * turned by /Rotate or not larger than twice the bleed both ways is an
 * Error with a one-line message. The same input and options give the same
 * bytes.
 */
export async function finishForShop(rendered: Uint8Array, options: ShopOptions = {}): Promise<ShopFile> {
  const bleedMm = options.bleedMm ?? DEFAULT_BLEED_MM;
  if (!Number.isFinite(bleedMm) || bleedMm < 0) throw new Error(`bleedMm is a length in millimetres, 0 or more, not ${String(bleedMm)}`);
  // sheet-metadata.ts's checkMetadata would call this file a sheet.
  if (options.creationDate !== undefined && Number.isNaN(options.creationDate.getTime())) throw new Error("the shop file's creationDate is not a valid date");
  const read = await readRendered(rendered, bleedMm);

  const shop = await PDFDocument.create({ updateMetadata: false });
  const forms = pageForms(shop, read);
  const trims: Size[] = [];
  for (const [index, box] of read.boxes.entries()) {
    const layout = shopPageLayout({ width: box.right - box.left, height: box.top - box.bottom }, bleedMm * MM);
    const page = shop.addPage([layout.media.width, layout.media.height]);
    setBox(page, 'BleedBox', layout.bleed);
    setBox(page, 'TrimBox', layout.trim);
    drawPage(page, index + 1, forms[index]!, layout);
    trims.push({ width: layout.trim.right - layout.trim.left, height: layout.trim.top - layout.trim.bottom });
  }
  setMetadata(shop, options);
  setShopId(shop, rendered, bleedMm, options);
  // No object streams, as for the other print files: a plain cross-reference table for the oldest readers and RIPs.
  const bytes = await shop.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pages: trims.length, trim: trims[0]!, trims };
}

/** Written as the layout has them: pdf-lib's setTrimBox would add the width back to x and write the float's noise. */
function setBox(page: PDFPage, name: 'BleedBox' | 'TrimBox', box: PageBoundingBox): void {
  page.node.set(PDFName.of(name), page.doc.context.obj([box.left, box.bottom, box.right, box.top]));
}

function drawPage(page: PDFPage, number: number, form: PDFRef, layout: ShopPageLayout): void {
  // Named after the page rather than by pdf-lib's generator.
  const name = PDFName.of(`Page${number}`);
  page.node.setXObject(name, form);
  // The form's BBox is the rendered page: whatever was drawn beyond it stays out of the bleed and off the marks.
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...layout.matrix), drawObject(name), popGraphicsState());
  strokeMarks(page, layout.marks, CROP_MARK_WIDTH);
  // Drawing gives the page an empty /Annots (pdf-lib's normalisation): the shop file has no annotations to list.
  page.node.delete(PDFName.of('Annots'));
}
