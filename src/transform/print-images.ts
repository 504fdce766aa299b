import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { ImageError, MAX_DPI } from './image-process.ts';
import type { ImageStore } from './image-store.ts';
import type { ImageRegistry } from './images.ts';

/** Below this, print shows pixels. */
export const MIN_DPI = 150;

/**
 * The pictures a rendering embeds, made for print: each at most 300 dpi at
 * the widest it is placed, with no metadata, in colour or in one grey
 * channel (home printing). A picture too coarse for its size is reported
 * with its resolution; one that turns out damaged when decoded, at every
 * place that uses it. Undefined when a picture failed.
 */
export async function printImages(
  placed: ReadonlyMap<string, number>,
  registry: ImageRegistry,
  options: { greyscale: boolean; store: ImageStore; diagnostics: Diagnostics; maxDpi?: number; minDpi?: number },
): Promise<Map<string, Uint8Array> | undefined> {
  const images = new Map<string, Uint8Array>();
  let failed = false;
  for (const [key, placedWidth] of placed) {
    const entry = registry.entries.get(key);
    if (!entry) continue;
    try {
      const result = await options.store.process(key, entry.bytes, entry.info, { placedWidth, greyscale: options.greyscale, ...(options.maxDpi ? { maxDpi: options.maxDpi } : {}) });
      const minDpi = options.minDpi ?? MIN_DPI;
      images.set(key, result.bytes);
      if (result.sourceDpi < minDpi) {
        const cm = ((placedWidth / 72) * 2.54).toFixed(1);
        for (const use of entry.uses) {
          options.diagnostics.warn(use.at, `${use.name} prints at ${Math.floor(result.sourceDpi)} dpi (${entry.info.width} px across ${cm} cm); print wants ${options.maxDpi ?? MAX_DPI} dpi and needs at least ${minDpi}: use a larger picture`, 'image-resolution');
        }
      }
    } catch (error) {
      if (!(error instanceof ImageError)) throw error;
      for (const use of entry.uses) options.diagnostics.error(use.at, `${use.name} ${error.message}`, error.rule);
      failed = true;
    }
  }
  return failed ? undefined : images;
}
