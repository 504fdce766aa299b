import { createHash } from 'node:crypto';
import type SharpModule from 'sharp';

/**
 * Pictures made fit for print and for the people in them, before pdfmake
 * sees them: turned upright, resized to at most 300 dpi at the size they are
 * printed (never enlarged), converted to sRGB (or to one grey channel for
 * home printing), and re-encoded with no metadata at all: phone photos carry
 * GPS positions, dates and camera serial numbers that can identify the people
 * photographed. Photos become JPEG (mozjpeg); line art and pictures with
 * transparency, PNG.
 */

export interface ImageTarget {
  /** The width the picture is printed at, in points. */
  placedWidth: number;
  /** One grey channel, for the home profile. */
  greyscale?: boolean;
  /** The most resolution worth printing; 300 dpi unless the project says otherwise. */
  maxDpi?: number;
}

export interface ProcessedImage {
  bytes: Uint8Array;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** Resolution at the placed width, before and after: below 150 dpi is worth a warning. */
  sourceDpi: number;
  dpi: number;
  /** Taken from the cache: nothing was decoded or encoded. */
  cached: boolean;
}

/** Where processed pictures are kept between builds, keyed by their input and the processing asked. */
export interface ImageCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

export type ImageProblem = 'image-corrupt' | 'image-format' | 'image-empty' | 'image-too-large' | 'image-svg';

/** A picture that cannot be used, with the rule its diagnostic carries. */
export class ImageError extends Error {
  constructor(
    readonly rule: ImageProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Print resolution: more is wasted ink and bytes. */
export const MAX_DPI = 300;
/** Decompression bombs: a few kilobytes of file that would decode to gigabytes. */
export const MAX_PIXELS = 50_000_000;
/** Changes with the processing: cached results of another version are not taken. */
const PROCESSING = 'image-process 3';
const INPUTS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'svg', 'heif', 'avif']);

let sharp: Promise<typeof SharpModule> | undefined;
let encodes = 0;

/** How many pictures this process encoded: a test proves a second build encodes none. */
export function encodeCount(): number {
  return encodes;
}

/** What a picture is, read from its header alone: enough to check it and to place it. */
export interface ImageInfo {
  format: string;
  /** Upright size in pixels; for SVG, its size in points (CSS pixels at 72 dpi). */
  width: number;
  height: number;
  hasAlpha: boolean;
  /** SVG: drawn at whatever resolution print asks, so never too coarse. */
  vector: boolean;
}

/**
 * Checks a picture without decoding its pixels. Throws an ImageError for
 * what Roneo cannot print: empty, damaged, of an unknown kind, too many
 * pixels, or an SVG that refers to anything outside itself.
 */
export async function inspectImage(input: Uint8Array): Promise<ImageInfo> {
  if (input.byteLength === 0) throw new ImageError('image-empty', 'is an empty file');
  const library = await loadSharp();
  let info: SharpModule.Metadata;
  try {
    info = await library(input, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (error) {
    throw readError(error);
  }
  if (!info.format || !INPUTS.has(info.format)) throw new ImageError('image-format', `is a ${info.format ?? 'file of an unknown kind'}, not a picture Roneo can print (PNG, JPEG, WebP, GIF, TIFF, SVG)`);
  const vector = info.format === 'svg';
  if (vector) checkSvg(input);
  const width = info.autoOrient?.width ?? info.width ?? 0;
  const height = info.autoOrient?.height ?? info.height ?? 0;
  if (width === 0 || height === 0) throw new ImageError('image-empty', 'has no pixels (its width or height is 0)');
  if (!vector && width * height > MAX_PIXELS) {
    throw new ImageError('image-too-large', `has ${Math.round((width * height) / 1e6)} megapixels; Roneo reads at most ${MAX_PIXELS / 1e6} (a print needs far fewer): scale it down`);
  }
  return { format: info.format, width, height, hasAlpha: info.hasAlpha === true, vector };
}

/** The pixel width a picture gets at its placed width: at most 300 dpi, never more than it has (a drawing has all it needs). */
export function outputWidth(info: ImageInfo, placedWidth: number, maxDpi = MAX_DPI): number {
  const pixels = Math.max(1, Math.ceil((placedWidth / 72) * maxDpi));
  return info.vector ? pixels : Math.min(info.width, pixels);
}

export async function processImage(input: Uint8Array, target: ImageTarget, cache?: ImageCache, known?: ImageInfo): Promise<ProcessedImage> {
  const info = known ?? (await inspectImage(input));
  const library = await loadSharp();
  const inches = target.placedWidth / 72;
  let outWidth = outputWidth(info, target.placedWidth, target.maxDpi);
  let outHeight = Math.max(1, Math.round((info.height * outWidth) / info.width));
  if (info.vector && outWidth * outHeight > MAX_PIXELS) {
    // A drawing placed very large: as many pixels as Roneo allows, which is still far above print needs.
    const shrink = Math.sqrt(MAX_PIXELS / (outWidth * outHeight));
    outWidth = Math.max(1, Math.floor(outWidth * shrink));
    outHeight = Math.max(1, Math.floor(outHeight * shrink));
  }
  // The format follows from the input alone, so the key needs only the processing asked.
  const key = createHash('sha256').update(input).update(JSON.stringify([PROCESSING, outWidth, target.greyscale === true])).digest('hex');
  const result = (bytes: Uint8Array, cached: boolean): ProcessedImage => ({
    bytes,
    format: bytes[0] === 0x89 ? 'png' : 'jpeg',
    width: outWidth,
    height: outHeight,
    sourceDpi: info.vector ? Number.POSITIVE_INFINITY : info.width / inches,
    dpi: outWidth / inches,
    cached,
  });
  const stored = await cache?.get(key);
  if (stored) return result(stored, true);

  const lineArt = info.vector || info.hasAlpha || ((info.format === 'png' || info.format === 'gif') && !(await isPhotographic(library, input)));
  // An SVG is drawn at the density that gives the pixels asked; rotate() with no angle turns a photo upright as its EXIF says, before the EXIF goes.
  let image = info.vector
    ? library(input, { density: Math.min(100_000, (72 * outWidth) / info.width), failOn: 'error' })
    : library(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  if (info.vector || outWidth < info.width) image = image.resize({ width: outWidth, height: outHeight, fit: 'fill', kernel: 'lanczos3' });
  image = image.toColourspace(target.greyscale ? 'b-w' : 'srgb');
  // Drawings print on white paper; only a raster picture's own transparency is kept.
  if (info.vector || !info.hasAlpha) image = image.flatten({ background: '#ffffff' });
  // Adaptive filtering made the campaign's drawings both larger and slower to encode (350 ms against 200 for the cover).
  image = lineArt ? image.png({ compressionLevel: 9, adaptiveFiltering: false }) : image.jpeg({ quality: 82, mozjpeg: true, chromaSubsampling: '4:2:0' });
  let bytes: Uint8Array;
  try {
    // sharp keeps no metadata unless asked (withMetadata, keepExif…): nothing is asked.
    bytes = new Uint8Array(await image.toBuffer());
  } catch (error) {
    throw readError(error);
  }
  encodes += 1;
  await cache?.set(key, bytes);
  return result(bytes, false);
}

function loadSharp(): Promise<typeof SharpModule> {
  sharp ??= import('sharp').then((module) => module.default);
  return sharp;
}

/**
 * An SVG may name other files or addresses (images, fonts, stylesheets) or
 * declare entities: its renderer would read them. Roneo reads only files it
 * was given, so such a drawing is refused; links inside it (`#id`) are fine.
 */
function checkSvg(input: Uint8Array): void {
  const text = new TextDecoder().decode(input);
  if (/<!ENTITY/i.test(text)) throw new ImageError('image-svg', 'is an SVG that declares entities, which Roneo does not read; remove the DOCTYPE');
  for (const match of text.matchAll(/\b(?:xlink:)?href\s*=\s*(["'])(.*?)\1|url\(\s*(["']?)(.*?)\3\s*\)|@import/gi)) {
    const target = (match[2] ?? match[4] ?? '@import').trim();
    if (!target.startsWith('#')) throw new ImageError('image-svg', `is an SVG that refers to \`${target.slice(0, 60)}\` outside itself, which Roneo never reads or fetches; draw it into the SVG`);
  }
}

/** Photographs have many shades; drawings, maps and screenshots few: their entropy tells them apart. */
async function isPhotographic(library: typeof SharpModule, input: Uint8Array): Promise<boolean> {
  try {
    const stats = await library(input, { limitInputPixels: MAX_PIXELS }).stats();
    return stats.entropy > 6;
  } catch {
    return false;
  }
}

function readError(error: unknown): ImageError {
  const message = String((error as Error).message ?? error).split('\n')[0]!;
  if (/unsupported image format/i.test(message)) return new ImageError('image-format', 'is not a picture Roneo can print (PNG, JPEG, WebP, GIF, TIFF, SVG)');
  if (/pixel limit/i.test(message)) return new ImageError('image-too-large', `has more than ${MAX_PIXELS / 1e6} megapixels; scale it down`);
  if (/corrupt header|bad header|not a .* file/i.test(message)) return new ImageError('image-corrupt', 'is damaged: its header cannot be read');
  if (/premature end|end of stream|truncated|unexpected end/i.test(message)) return new ImageError('image-corrupt', 'is damaged: the file ends too early, as after an interrupted download or copy');
  // libvips names its loader first (`VipsJpeg: …`, `pngload_buffer: …`): only the reason helps.
  return new ImageError('image-corrupt', `is damaged and cannot be read (${message.replace(/^Input (buffer|file) /i, '').replace(/^\w+:\s*/, '')})`);
}
