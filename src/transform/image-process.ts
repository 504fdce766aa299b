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
 *
 * Not yet called by the build: the images stage will place it between
 * reading a picture and laying it out.
 */

export interface ImageTarget {
  /** The width the picture is printed at, in points. */
  placedWidth: number;
  /** One grey channel, for the home profile. */
  greyscale?: boolean;
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

export type ImageProblem = 'image-corrupt' | 'image-format' | 'image-empty' | 'image-too-large';

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
const PROCESSING = 'image-process 1';
const INPUTS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'svg', 'heif', 'avif']);

let sharp: Promise<typeof SharpModule> | undefined;
let encodes = 0;

/** How many pictures this process encoded: a test proves a second build encodes none. */
export function encodeCount(): number {
  return encodes;
}

export async function processImage(input: Uint8Array, target: ImageTarget, cache?: ImageCache): Promise<ProcessedImage> {
  sharp ??= import('sharp').then((module) => module.default);
  const library = await sharp;
  if (input.byteLength === 0) throw new ImageError('image-empty', 'is an empty file');
  const source = library(input, { limitInputPixels: false, failOn: 'error' });
  let info: SharpModule.Metadata;
  try {
    info = await source.metadata();
  } catch (error) {
    throw readError(error);
  }
  if (!info.format || !INPUTS.has(info.format)) throw new ImageError('image-format', `is a ${info.format ?? 'file of an unknown kind'}, not a picture Roneo can print (PNG, JPEG, WebP, GIF, TIFF, SVG)`);
  const width = info.autoOrient?.width ?? info.width ?? 0;
  const height = info.autoOrient?.height ?? info.height ?? 0;
  if (width === 0 || height === 0) throw new ImageError('image-empty', 'has no pixels (its width or height is 0)');
  if (width * height > MAX_PIXELS) {
    throw new ImageError('image-too-large', `has ${Math.round((width * height) / 1e6)} megapixels; Roneo reads at most ${MAX_PIXELS / 1e6} (a print needs far fewer): scale it down`);
  }
  const inches = target.placedWidth / 72;
  const pixels = Math.max(1, Math.ceil(inches * MAX_DPI));
  const outWidth = Math.min(width, pixels);
  const outHeight = Math.max(1, Math.round((height * outWidth) / width));
  const lineArt = info.hasAlpha === true || ((info.format === 'png' || info.format === 'gif' || info.format === 'svg') && !(await isPhotographic(library, input)));
  const format = lineArt ? 'png' : 'jpeg';
  const key = createHash('sha256').update(input).update(JSON.stringify([PROCESSING, outWidth, format, target.greyscale === true])).digest('hex');
  const known = await cache?.get(key);
  const result = (bytes: Uint8Array, cached: boolean): ProcessedImage => ({ bytes, format, width: outWidth, height: outHeight, sourceDpi: width / inches, dpi: outWidth / inches, cached });
  if (known) return result(known, true);

  // rotate() with no angle turns the picture upright as its EXIF says, before the EXIF goes.
  let image = library(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  if (outWidth < width) image = image.resize({ width: outWidth, height: outHeight, fit: 'fill', kernel: 'lanczos3' });
  image = image.toColourspace(target.greyscale ? 'b-w' : 'srgb');
  if (!lineArt && info.hasAlpha !== true) image = image.flatten({ background: '#ffffff' });
  image = format === 'png' ? image.png({ compressionLevel: 9, adaptiveFiltering: true }) : image.jpeg({ quality: 82, mozjpeg: true, chromaSubsampling: '4:2:0' });
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
  const message = String((error as Error).message ?? error);
  if (/unsupported image format/i.test(message)) return new ImageError('image-format', 'is not a picture Roneo can print (PNG, JPEG, WebP, GIF, TIFF, SVG)');
  if (/pixel limit/i.test(message)) return new ImageError('image-too-large', `has more than ${MAX_PIXELS / 1e6} megapixels; scale it down`);
  return new ImageError('image-corrupt', `is damaged and cannot be read (${message.split('\n')[0]!.replace(/^Input (buffer|file) /i, '')})`);
}
