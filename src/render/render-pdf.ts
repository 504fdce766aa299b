import { createHash } from 'node:crypto';
import pdfmake from 'pdfmake';
import type { SourcePoint } from '../diagnostics/diagnostic.ts';
import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';
import type { FontSet } from './fonts.ts';
import { VARIANTS } from './fonts.ts';
import { pageGeometry } from './page-geometry.ts';
import { installEngineFixes } from './engine-fixes.ts';
import { setKeepsEnabled } from './keeps/install.ts';
import { flattenInlines } from './flatten-inlines.ts';
import { footnoteStyleFrom } from './footnotes/footnote-style.ts';
import { setFootnotesAtFoot } from './footnotes/install.ts';
import { takeFootnotes } from './footnotes/take-footnotes.ts';
import { listInContents } from './contents.ts';
import { addOutline, markChapterTitles } from './outline.ts';
import { furniture } from './page-furniture.ts';
import { countLinesPerPage } from './page-lines.ts';
import { pdfaOptions } from './pdfa.ts';
import { bodySize, scaleType } from './scale-type.ts';
import { tableLayoutsFrom } from './table-layouts.ts';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  lang: string;
  /** Identify the file as PDF/A-2b. */
  pdfa?: boolean;
  creator: string;
  creationDate: Date;
}

export interface RenderInput {
  definition: Record<string, unknown>;
  fonts: FontSet;
  images: ReadonlyMap<string, Uint8Array>;
  metadata: PdfMetadata;
  /**
   * The size a like document (another variant of the same leaflet) was fitted at: tried before searching.
   * It saves the search for a thousand variants, at the cost of a variant shorter than the first being set at that size rather than a little larger.
   */
  scaleHint?: number;
  /** Print-shop bleed, in points: the page grows by this on every side, and so do its margins, so the text stays where it was relative to the trimmed page and edge-to-edge backgrounds run into the bleed. */
  bleed?: number;
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  /** The size type was set at: below 1 when the layout fits the text to its pages. */
  scale: number;
  /** When the text cannot fit the layout's pages even at its minimum size: by how many lines, and at what body size. */
  overflow?: { pages: number; lines: number; minBodySize: number };
  /** Footnotes that could not be set at the foot of any page (where each was written, when known). */
  unplacedFootnotes: Array<SourcePoint | undefined>;
}

/** Roneo's own settings inside a layout, stripped before pdfmake sees the definition. */
interface LayoutSettings {
  headerFrom?: number;
  footerFrom?: number;
  /** Headings down to this level are listed in the layout's `toc`. */
  tocDepth?: number;
  /** Headings down to this level appear in the PDF outline (bookmarks). */
  outlineDepth?: number;
  /** `chapter` prints the notes at the end of their chapter; `page` (the default), at the foot of the page of their reference. */
  footnotes?: unknown;
  /** The look of notes at the foot of the page: `{ rule: { width, thickness, color, above, below }, gap, indent, maxShare }`. */
  footnoteStyle?: unknown;
  /** Exactly this many pages: text that runs longer is set smaller, down to `minBodySize`; shorter text is not stretched. */
  pages?: number;
  /** The smallest body size `pages` may set the text at, in points (8.5 by default). */
  minBodySize?: number;
  /** `false` lets headings, widows, orphans and short items fall where pdfmake puts them. */
  keeps?: boolean;
  /** `false` leaves the header off pages where a chapter opens. */
  headerOnOpenings?: boolean;
  /** `true` leaves the header and footer off the last page (a booklet's back cover). */
  lastPageBare?: boolean;
}

/**
 * The only module that talks to pdfmake. Fonts and images reach it through
 * its virtual file system, filled from the World, and every disk and network
 * access policy is closed: pdfmake reads nothing by itself.
 */
export async function renderPdf(input: RenderInput): Promise<RenderedPdf> {
  const settings = settingsOf(input.definition);
  const pages = settings.pages;
  try {
    if (typeof pages !== 'number' || !Number.isInteger(pages) || pages < 1) return await renderAt(input, 1, 0);
    return await renderFitted(input, pages, typeof settings.minBodySize === 'number' ? settings.minBodySize : MIN_BODY_SIZE, input.scaleHint);
  } catch (thrown) {
    throw asError(thrown);
  }
}

/**
 * What leaves the renderer is an Error, whose message says what to do:
 * pdfmake's QR encoder throws bare strings ('too large data for the Qr
 * format'), and callers read an Error's message (a string has none: the
 * build itself then threw, reading it).
 */
function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  const text = typeof thrown === 'string' ? thrown : String(thrown);
  if (text === 'too large data for the Qr format') {
    return new Error('the text of a QR code is too long for any QR code (at most 2,953 bytes, fewer with more error correction): shorten the `qr:` address');
  }
  return new Error(`the PDF engine failed: ${text}`);
}

const MIN_BODY_SIZE = 8.5;
/** Halvings of the interval between the smallest allowed size and full size: 1/64 of it, well under a tenth of a point. */
const SEARCH_STEPS = 6;

/**
 * The largest type size at which the text fits `wanted` pages: full size
 * when it does already, else a bounded search down to the floor. Text that
 * fits in fewer pages gets blank pages to make up the count; text that does
 * not fit even at the floor is reported with how much is over.
 */
async function renderFitted(input: RenderInput, wanted: number, minBodySize: number, hint: number | undefined): Promise<RenderedPdf> {
  const attempt = (scale: number, padding = 0) => renderAt({ ...input, definition: structuredClone(input.definition) }, scale, padding);
  const full = await attempt(1);
  if (full.pages === wanted) return full;
  if (full.pages < wanted) return attempt(1, wanted - full.pages);
  const floor = Math.min(1, minBodySize / bodySize(input.definition));
  if (hint !== undefined && hint < 1 && hint >= floor) {
    const hinted = await attempt(hint);
    if (hinted.pages === wanted) return hinted;
  }
  const smallest = await attempt(floor);
  if (smallest.pages > wanted) {
    const lines = smallest.linesPerPage.slice(wanted).reduce((sum, count) => sum + count, 0);
    return { ...smallest, overflow: { pages: wanted, lines, minBodySize: Math.min(minBodySize, bodySize(input.definition)) } };
  }
  let fits = { scale: floor, rendered: smallest };
  let tooBig = 1;
  for (let step = 0; step < SEARCH_STEPS; step += 1) {
    const scale = (fits.scale + tooBig) / 2;
    const rendered = await attempt(scale);
    if (rendered.pages <= wanted) fits = { scale, rendered };
    else tooBig = scale;
  }
  return fits.rendered.pages < wanted ? attempt(fits.scale, wanted - fits.rendered.pages) : fits.rendered;
}

function settingsOf(layout: Record<string, unknown>): LayoutSettings {
  return (isPdfNode(layout.roneo) ? layout.roneo : {}) as LayoutSettings;
}

/** One rendering, type at `scale`, with `padding` blank pages added at the end. */
async function renderAt(input: RenderInput, scale: number, padding: number): Promise<RenderedPdf & { linesPerPage: number[] }> {
  const { definition: layout, fonts, images, metadata } = input;
  const { roneo: _roneo, tableLayouts, ...definition } = layout;
  const settings = settingsOf(layout);
  scaleType(definition, scale);
  if (input.bleed) addBleed(definition, input.bleed);
  if (padding > 0 && Array.isArray(definition.content)) {
    for (let page = 0; page < padding; page += 1) definition.content.push({ text: '', pageBreak: 'before' });
  }

  installEngineFixes();
  setKeepsEnabled(settings.keeps !== false);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts(registerFonts(fonts));
  pdfmake.setTableLayouts(tableLayoutsFrom(tableLayouts));

  const imagePaths: Record<string, string> = {};
  for (const [key, bytes] of images) {
    // Named by the bytes, not the key: the home profile hands the same key a greyscale picture.
    const path = `roneo/images/${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
    if (!pdfmake.virtualfs.existsSync(path)) pdfmake.virtualfs.writeFileSync(path, Buffer.from(bytes));
    imagePaths[key] = path;
  }
  flattenInlines(definition.content);
  if (typeof settings.tocDepth === 'number') listInContents(definition.content, settings.tocDepth);
  if (typeof settings.outlineDepth === 'number') addOutline(definition.content, settings.outlineDepth);
  // Chapter titles must be findable on the laid-out pages for `{chapter}` in a running head.
  markChapterTitles(definition.content);
  const footStyle = footnoteStyleFrom(settings.footnoteStyle);
  const footnotes = settings.footnotes === 'chapter' || !isObject(definition.content)
    ? undefined
    : setFootnotesAtFoot(definition.content, takeFootnotes(definition.content, footStyle.indent), footStyle);

  const linesPerPage = isObject(definition.content) ? countLinesPerPage(definition.content) : [];
  let pages = 0;
  const count = (n: number) => {
    pages = Math.max(pages, n);
  };
  const pdf = pdfmake.createPdf({
    ...definition,
    images: imagePaths,
    language: metadata.lang,
    info: {
      title: metadata.title,
      author: metadata.author,
      subject: metadata.subject,
      keywords: metadata.keywords,
      creator: metadata.creator,
      producer: metadata.creator,
      creationDate: metadata.creationDate,
      modDate: metadata.creationDate,
    },
    displayTitle: true,
    ...pdfaOptions(metadata.pdfa),
    header: furniture(definition.header, { fromPage: settings.headerFrom ?? 1, skipOpenings: settings.headerOnOpenings === false, skipLast: settings.lastPageBare === true }, count),
    // The footer is always installed: it is how the page count is learnt.
    footer: furniture(definition.footer, { fromPage: settings.footerFrom ?? 1, skipOpenings: false, skipLast: settings.lastPageBare === true }, count),
  });
  const buffer = await pdf.getBuffer();
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages, scale, linesPerPage, unplacedFootnotes: footnotes?.unplaced ?? [] };
}

function addBleed(definition: Record<string, unknown>, bleed: number): void {
  const { width, height, margins } = pageGeometry(definition);
  definition.pageSize = { width: width + 2 * bleed, height: height + 2 * bleed };
  delete definition.pageOrientation;
  definition.pageMargins = margins.map((margin) => margin + bleed);
  // Header and footer span the page's width from its edge: keep them over the trimmed page.
  for (const key of ['header', 'footer'] as const) {
    if (definition[key] !== undefined) definition[key] = { stack: [definition[key]], margin: [bleed, key === 'header' ? bleed : 0, bleed, 0] };
  }
  if (definition.background !== undefined) definition.background = bledBackground(definition.background, { width, height }, bleed);
}

/**
 * A layout's background drawn for the trimmed page: moved onto it, and
 * every rectangle that touches an edge of the page grown across the bleed,
 * so no white line shows where the shop's blade falls a little outside.
 */
function bledBackground(background: unknown, page: { width: number; height: number }, bleed: number): unknown {
  const nodes = Array.isArray(background) ? background : [background];
  const moved = nodes.map((node) => {
    if (!isPdfNode(node) || !Array.isArray(node.canvas)) return node;
    const canvas = node.canvas.map((shape: unknown) => (isPdfNode(shape) && shape.type === 'rect' ? bledRect(shape, page, bleed) : shape));
    return { ...node, canvas };
  });
  return { stack: moved, margin: [bleed, bleed, 0, 0] };
}

function bledRect(rect: Record<string, unknown>, page: { width: number; height: number }, bleed: number): Record<string, unknown> {
  const x = typeof rect.x === 'number' ? rect.x : 0;
  const y = typeof rect.y === 'number' ? rect.y : 0;
  const w = typeof rect.w === 'number' ? rect.w : 0;
  const h = typeof rect.h === 'number' ? rect.h : 0;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
  const left = near(x, 0) ? bleed : 0;
  const top = near(y, 0) ? bleed : 0;
  const right = near(x + w, page.width) || x + w > page.width ? bleed : 0;
  const bottom = near(y + h, page.height) || y + h > page.height ? bleed : 0;
  return { ...rect, x: x - left, y: y - top, w: w + left + right, h: h + top + bottom };
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function registerFonts(fonts: FontSet): Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> {
  const descriptors: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }> = {};
  for (const family of fonts.families()) {
    const paths = VARIANTS.map((variant) => {
      const face = fonts.face(family, variant)!;
      const path = `roneo/${face.path}`;
      // Written again only when the file changed: a FontSet loaded anew (a rebuild) has new bytes.
      if (storedFile(path) !== face.bytes) pdfmake.virtualfs.writeFileSync(path, face.bytes);
      return path;
    });
    descriptors[family] = { normal: paths[0]!, bold: paths[1]!, italics: paths[2]!, bolditalics: paths[3]! };
  }
  return descriptors;
}

function storedFile(path: string): unknown {
  const files = pdfmake.virtualfs as unknown as { existsSync(path: string): boolean; readFileSync(path: string): unknown };
  return files.existsSync(path) ? files.readFileSync(path) : undefined;
}

