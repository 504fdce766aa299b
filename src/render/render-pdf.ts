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
import { pdfaOptions } from './pdfa.ts';
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
}

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
  /** The layout's page limit, when it sets one. */
  maxPages: number | undefined;
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
  /** More pages than this is reported: a leaflet must stay one sheet. */
  maxPages?: number;
  /** `false` lets headings, widows, orphans and short items fall where pdfmake puts them. */
  keeps?: boolean;
  /** `false` leaves the header off pages where a chapter opens. */
  headerOnOpenings?: boolean;
}

/**
 * The only module that talks to pdfmake. Fonts and images reach it through
 * its virtual file system, filled from the World, and every disk and network
 * access policy is closed: pdfmake reads nothing by itself.
 */
export async function renderPdf(input: RenderInput): Promise<RenderedPdf> {
  const { definition: layout, fonts, images, metadata } = input;
  const { roneo, tableLayouts, ...definition } = layout;
  const settings = (isPdfNode(roneo) ? roneo : {}) as LayoutSettings;

  installEngineFixes();
  setKeepsEnabled(settings.keeps !== false);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts(registerFonts(fonts));
  pdfmake.setTableLayouts(tableLayoutsFrom(tableLayouts));

  const imagePaths: Record<string, string> = {};
  for (const [key, bytes] of images) {
    const path = `roneo/images/${key}`;
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
  const geometry = pageGeometry(definition);
  fitImages(definition.content, geometry.width - geometry.margins[0] - geometry.margins[2], (geometry.height - geometry.margins[1] - geometry.margins[3]) * 0.6);

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
    header: furniture(definition.header, { fromPage: settings.headerFrom ?? 1, skipOpenings: settings.headerOnOpenings === false }, count),
    // The footer is always installed: it is how the page count is learnt.
    footer: furniture(definition.footer, { fromPage: settings.footerFrom ?? 1, skipOpenings: false }, count),
  });
  const buffer = await pdf.getBuffer();
  const maxPages = typeof settings.maxPages === 'number' ? settings.maxPages : undefined;
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages, maxPages, unplacedFootnotes: footnotes?.unplaced ?? [] };
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

/** Phone photos are thousands of pixels wide; no image may overflow the text block. */
function fitImages(content: unknown, width: number, height: number): void {
  const work: unknown[] = [content];
  while (work.length > 0) {
    const value = work.pop();
    if (Array.isArray(value)) work.push(...value);
    else if (isPdfNode(value)) {
      if (typeof value.image === 'string' && value.width === undefined && value.fit === undefined) {
        value.maxWidth ??= width;
        value.maxHeight ??= height;
      }
      for (const child of Object.values(value)) if (typeof child === 'object') work.push(child);
    }
  }
}
