/**
 * A picture of a publication's first page for the download page: page 1 drawn by pdf.js
 * onto an @napi-rs/canvas canvas, on white, and encoded as WebP by sharp.
 *
 * The three libraries are heavy (pdf.js and its worker are 3.4 MB of JavaScript, a quarter
 * of a second to load), so they are loaded by the first preview only: a build that makes no
 * download page never loads them.
 *
 * Nothing is fetched and no file is read but pdf.js's own: the PDF comes as bytes, and the
 * data pdf.js may want (standard fonts, for a PDF that does not embed its fonts; its
 * WebAssembly decoders for JPEG 2000 and JBIG2) come from the installed pdfjs-dist package.
 * In Node pdf.js runs its "worker" in the same thread (a fake worker): no thread, no process.
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PreviewOptions {
  /** The image's width in pixels (for a page shown 240 CSS pixels wide, 480 keeps it sharp on a 2× screen); the height follows from the page's shape. */
  width: number;
}

export interface Preview {
  bytes: Uint8Array;
  /** In pixels: `width` as asked, `height` the page's height at the same scale, rounded. */
  width: number;
  height: number;
  format: 'webp';
}

/** Far beyond any thumbnail: a mistake (points for pixels, a missing division) rather than a wish. */
const MAX_WIDTH = 4000;

/**
 * Lossy WebP at quality 80: type and rules keep clean edges, an A5 page of text at 480 pixels
 * weighs some 8 kB, with a picture 20 to 50 kB. Sharp's `smartSubsample` keeps red type a
 * shade crisper but doubles the encoding time (25 ms more for that page), for a difference
 * invisible at half size. Sharp writes no metadata unless asked to.
 */
const WEBP = { quality: 80, effort: 4 } as const;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/**
 * What pdf.js's types call the 2D context: the DOM's, which @napi-rs/canvas's implements.
 * (Named through pdf.js so that this compiles with or without the DOM in `lib`.)
 */
type RenderContext = NonNullable<Parameters<PDFPageProxy['render']>[0]['canvasContext']>;
type NapiCanvas = typeof import('@napi-rs/canvas');
type Sharp = typeof import('sharp');

interface Libraries {
  pdfjs: PdfJs;
  napiCanvas: NapiCanvas;
  sharp: Sharp;
  /** Folders of pdf.js's own data files in the installed package: paths ending in /, which is what pdf.js reads them with in Node. */
  standardFontDataUrl: string;
  wasmUrl: string;
  iccUrl: string;
}

let libraries: Promise<Libraries> | undefined;

function loadLibraries(): Promise<Libraries> {
  libraries ??= (async () => {
    const [pdfjs, napiCanvas, sharp] = await Promise.all([
      // The legacy build is the one for Node (the other expects browser APIs).
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('@napi-rs/canvas'),
      import('sharp'),
    ]);
    const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const folder = (name: string) => `${join(pdfjsFolder, name)}/`;
    return {
      pdfjs,
      napiCanvas,
      sharp: sharp.default,
      standardFontDataUrl: folder('standard_fonts'),
      wasmUrl: folder('wasm'),
      iccUrl: folder('iccs'),
    };
  })();
  // A failed load (a package missing) rejects this preview; the next one tries again.
  libraries.catch(() => {
    libraries = undefined;
  });
  return libraries;
}

/**
 * Page 1 of `pdf`, `options.width` pixels wide, as WebP. The same PDF and width give the
 * same bytes. Rejects with a one-line message (the pdf.js error is its `cause`) when the
 * PDF cannot be read or its page drawn. `pdf` is left as it was.
 */
export async function renderPreview(pdf: Uint8Array, options: PreviewOptions): Promise<Preview> {
  const { width } = options;
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
    throw new Error(`a preview's width must be a whole number of pixels from 1 to ${MAX_WIDTH}, not ${String(width)}`);
  }
  const { pdfjs, napiCanvas, sharp, standardFontDataUrl, wasmUrl, iccUrl } = await loadLibraries().catch((error: unknown) => {
    throw new Error(`cannot load the preview's libraries (pdfjs-dist, @napi-rs/canvas, sharp): ${firstLine(error)}`, { cause: error });
  });

  const task = pdfjs.getDocument({
    // pdf.js takes over a Uint8Array's buffer (the caller's would be left empty) and refuses a Buffer: a copy of its own.
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    // Glyphs drawn as paths from the embedded fonts; never a font of the system's.
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl,
    wasmUrl,
    iccUrl,
    // A font or picture pdf.js cannot read is an error, not a page drawn without it. (A
    // truncated or garbled file fails to open either way; pdf.js's own leniency remains
    // where it does not report at all, such as a compressed stream cut short.)
    stopAtErrors: true,
    // pdf.js writes its warnings (an unknown operator, a cross-reference table rebuilt) to the console.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdfDocument = await task.promise;
    const page = await pdfDocument.getPage(1);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    const height = Math.max(1, Math.round(viewport.height));
    const context = napiCanvas.createCanvas(width, height).getContext('2d');
    await page.render({
      canvas: null,
      canvasContext: context as unknown as RenderContext,
      viewport,
      background: 'rgb(255, 255, 255)',
    }).promise;
    const pixels = context.getImageData(0, 0, width, height).data;
    const webp = await sharp(pixels, { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .webp(WEBP)
      .toBuffer();
    return { bytes: new Uint8Array(webp.buffer, webp.byteOffset, webp.byteLength), width, height, format: 'webp' };
  } catch (error) {
    throw new Error(`cannot draw the PDF's first page: ${firstLine(error)}`, { cause: error });
  } finally {
    await task.destroy();
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? 'unknown error'
  );
}
