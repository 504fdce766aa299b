import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import type { Diagnostics, SourcePoint } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { walkTree } from './walk-tree.ts';

type ImageNode = Image | ImageReference;

/**
 * The pictures a publication uses, keyed by content hash so a repeated image
 * is embedded once. The key is stored on the node's `data`, so it survives
 * the copies later stages make of the tree.
 */
export class ImageRegistry {
  readonly bytes = new Map<string, Uint8Array>();

  keyFor(node: ImageNode): string | undefined {
    const key = (node.data as { imageKey?: string } | undefined)?.imageKey;
    return key !== undefined && this.bytes.has(key) ? key : undefined;
  }

  add(node: ImageNode, data: Uint8Array): void {
    const key = this.register(data);
    node.data = { ...node.data, imageKey: key } as ImageNode['data'];
  }

  /** Stores a picture that no Markdown node carries (a cover) and returns the key a layout names it by. */
  register(data: Uint8Array): string {
    const key = `img-${createHash('sha256').update(data).digest('hex').slice(0, 16)}`;
    this.bytes.set(key, data);
    return key;
  }
}

export interface ImageContext {
  world: World;
  file: string;
  contentDir: string;
  diagnostics: Diagnostics;
  registry: ImageRegistry;
  /** The publication claims PDF/A: its colours are sRGB, so CMYK pictures are refused. */
  pdfa?: boolean;
}

/**
 * Resolves every image against the content folder and reads it through the
 * world. Remote images are refused, never fetched: a build must work offline
 * and must not leak who is building what.
 */
export async function resolveImages(tree: Root, context: ImageContext): Promise<void> {
  const definitions = new Map<string, Definition>();
  const images: ImageNode[] = [];
  walkTree(tree, (node) => {
    // The first definition of a label wins, as in CommonMark.
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (node.type === 'image' || node.type === 'imageReference') images.push(node);
  });
  for (const node of images) {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier)?.url;
    if (url === undefined) continue;
    const where = { file: context.file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    const data = await readImage(url, urlPath(url), where, 'image', context);
    if (data) context.registry.add(node, data);
  }
}

/**
 * The picture named by front matter `cover:` (a path relative to the
 * Markdown file, not a URL), read and checked like a Markdown image; its
 * problems are reported at the field. Returns the key a layout prints it by.
 */
export async function resolveCover(path: string, where: SourcePoint, context: ImageContext): Promise<string | undefined> {
  const data = await readImage(path, path, where, 'cover image', context);
  return data ? context.registry.register(data) : undefined;
}

/** A Markdown destination is a URL: its query and fragment go, and %-escapes are decoded. */
function urlPath(url: string): string {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return url;
  }
}

async function readImage(url: string, decoded: string, where: SourcePoint, noun: string, context: ImageContext): Promise<Uint8Array | undefined> {
  const { diagnostics, file } = context;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    diagnostics.error(where, `remote ${noun} \`${url}\` is not fetched; save it inside the content folder and link it by path`, 'image-remote');
    return undefined;
  }
  const target = posix.normalize(posix.join(posix.dirname(file), decoded));
  const root = context.contentDir.replace(/\/$/, '');
  if (decoded.startsWith('/') || !(target.startsWith(`${root}/`) || root === '.')) {
    diagnostics.error(where, `${noun} \`${url}\` is outside the content folder`, 'image-path');
    return undefined;
  }
  let data: Uint8Array;
  try {
    data = await context.world.readFile(target);
  } catch {
    diagnostics.error(where, `${noun} \`${url}\` not found (looked for ${target})`, 'image-missing');
    return undefined;
  }
  if (!isPng(data) && !isJpeg(data)) {
    diagnostics.error(where, `${noun} \`${url}\` is not a PNG or JPEG file`, 'image-format');
    return undefined;
  }
  const size = isPng(data) ? pngSize(data) : jpegSize(data);
  if (!size || size.width === 0 || size.height === 0) {
    diagnostics.error(where, `${noun} \`${url}\` is damaged: its size cannot be read`, 'image-corrupt');
    return undefined;
  }
  // PDF/A allows device CMYK only under a CMYK output intent, and Roneo's is sRGB.
  if (context.pdfa && size.components === 4) {
    diagnostics.error(where, `${noun} \`${url}\` is a CMYK JPEG, which a PDF/A file with an sRGB output intent cannot hold; save it as RGB or greyscale`, 'image-pdfa');
    return undefined;
  }
  return data;
}

interface ImageSize {
  width: number;
  height: number;
  /** Colour components of a JPEG: 1 grey, 3 RGB (YCbCr), 4 CMYK. */
  components?: number;
}

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(data: Uint8Array): ImageSize | undefined {
  if (data.length < 24 || String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width, height and colour components from the first start-of-frame marker. */
function jpegSize(data: Uint8Array): ImageSize | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return undefined;
    const marker = data[offset + 1]!;
    const length = view.getUint16(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), components: data[offset + 9] };
    offset += 2 + length;
  }
  return undefined;
}

function isPng(data: Uint8Array): boolean {
  return data.length > 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47;
}

function isJpeg(data: Uint8Array): boolean {
  return data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
}
