import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import type { Diagnostics, SourcePoint } from '../diagnostics/diagnostic.ts';
import { type World, WorldError } from '../world/world.ts';
import { type ImageInfo, ImageError, inspectImage } from './image-process.ts';
import { walkTree } from './walk-tree.ts';

type ImageNode = Image | ImageReference;

/** A picture a publication uses: its bytes as read, what they are, and every place that names it. */
export interface RegisteredImage {
  bytes: Uint8Array;
  info: ImageInfo;
  uses: ImageUse[];
}

/** One place that names a picture, and how a message there names it: ``cover image `carte.svg` ``, as that source wrote it. */
export interface ImageUse {
  at: SourcePoint;
  name: string;
}

/**
 * The pictures a publication uses, keyed by content hash so a repeated image
 * is processed and embedded once. The key is stored on the node's `data`, so it
 * survives the copies later stages make of the tree.
 */
export class ImageRegistry {
  readonly entries = new Map<string, RegisteredImage>();
  /** Every picture file the publication asked for, read or not: what a later build must find unchanged to skip it. */
  readonly files = new Set<string>();

  keyFor(node: ImageNode): string | undefined {
    const key = (node.data as { imageKey?: string } | undefined)?.imageKey;
    return key !== undefined && this.entries.has(key) ? key : undefined;
  }

  add(node: ImageNode, picture: ReadPicture, where: SourcePoint): void {
    const key = this.register(picture, where);
    node.data = { ...node.data, imageKey: key } as ImageNode['data'];
  }

  /** Stores a picture that no Markdown node carries (a cover, a logo) and returns the key a layout names it by. */
  register(picture: ReadPicture, where: SourcePoint): string {
    const key = `img-${createHash('sha256').update(picture.bytes).digest('hex').slice(0, 16)}`;
    const use = { at: where, name: picture.name };
    const known = this.entries.get(key);
    if (known) known.uses.push(use);
    else this.entries.set(key, { bytes: picture.bytes, info: picture.info, uses: [use] });
    return key;
  }
}

interface ReadPicture {
  bytes: Uint8Array;
  info: ImageInfo;
  name: string;
}

export interface ImageContext {
  world: World;
  file: string;
  contentDir: string;
  diagnostics: Diagnostics;
  registry: ImageRegistry;
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
    const picture = await readImage(url, urlPath(url), where, 'image', context);
    if (picture) context.registry.add(node, picture, where);
  }
}

/**
 * A picture named by the front matter (`cover:`, `logo:`: a path relative to
 * the Markdown file, not a URL), read and checked like a Markdown image; its
 * problems are reported at the field. Returns the key a layout prints it by.
 */
export async function resolveFieldImage(path: string, where: SourcePoint, noun: string, context: ImageContext): Promise<string | undefined> {
  const picture = await readImage(path, path, where, noun, context);
  return picture ? context.registry.register(picture, where) : undefined;
}

/** A Markdown destination is a URL: its query and fragment go, and %-escapes are decoded. */
function urlPath(url: string): string {
  try {
    return decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return url;
  }
}

async function readImage(url: string, decoded: string, where: SourcePoint, noun: string, context: ImageContext): Promise<ReadPicture | undefined> {
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
  let bytes: Uint8Array;
  context.registry.files.add(target);
  try {
    bytes = await context.world.readFile(target);
  } catch (error) {
    if (error instanceof WorldError && error.code === 'EOUTSIDE') diagnostics.error(where, `${noun} \`${url}\` ${error.message}`, 'image-path');
    else diagnostics.error(where, `${noun} \`${url}\` not found (looked for ${target})`, 'image-missing');
    return undefined;
  }
  try {
    return { bytes, info: await inspectImage(bytes), name: `${noun} \`${url}\`` };
  } catch (error) {
    if (!(error instanceof ImageError)) throw error;
    diagnostics.error(where, `${noun} \`${url}\` ${error.message}`, error.rule);
    return undefined;
  }
}
