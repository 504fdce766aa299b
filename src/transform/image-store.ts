import type { World } from '../world/world.ts';
import { type ImageCache, type ImageInfo, type ImageTarget, type ProcessedImage, processImage } from './image-process.ts';

/**
 * Processed pictures, kept twice: in this process (variants and profiles
 * ask for the same picture again) and on disk under the cache folder, keyed
 * by the input's content and the processing asked, so the next build
 * re-encodes nothing. The folder is git-ignored and safe to delete.
 */
export class ImageStore {
  private readonly made = new Map<string, Promise<ProcessedImage>>();
  private readonly disk: ImageCache | undefined;

  constructor(world: World, folder: string | undefined) {
    this.disk = folder === undefined ? undefined : diskCache(world, `${folder}/images`);
  }

  process(key: string, bytes: Uint8Array, info: ImageInfo, target: ImageTarget): Promise<ProcessedImage> {
    const id = `${key} ${target.placedWidth} ${target.greyscale === true} ${target.maxDpi ?? ''}`;
    let result = this.made.get(id);
    if (!result) {
      result = processImage(bytes, target, this.disk, info);
      this.made.set(id, result);
    }
    return result;
  }
}

function diskCache(world: World, folder: string): ImageCache {
  return {
    async get(key) {
      try {
        return await world.readFile(`${folder}/${key}`);
      } catch {
        return undefined;
      }
    },
    async set(key, bytes) {
      try {
        await world.writeFileAtomic(`${folder}/${key}`, bytes);
      } catch {
        // A cache that cannot be written (a read-only checkout) only costs time: the build goes on.
      }
    },
  };
}
