import type { World } from '../../world/world.ts';
import type { Preview } from '../manifest.ts';
import type { Staging } from '../staging.ts';
import { sha256 } from '../write-outputs.ts';

/** Pixels across: the page shows previews at most 16rem (256 CSS px) wide, so this is sharp on a phone's 2× screen. */
export const PREVIEW_WIDTH = 480;

/**
 * Page 1 of each reading PDF as a WebP picture beside it (`<id>.webp`), for
 * the download page. The renderer (pdfjs-dist, a canvas and sharp) is loaded
 * only by a build that makes a page, and each picture is kept in the cache
 * folder by the PDF's checksum: an unchanged PDF is not rendered again.
 */
export class PagePreviews {
  constructor(
    private readonly world: World,
    private readonly outDir: string,
    private readonly cacheDir: string | undefined,
    /** Previews are outputs: staged with the PDFs, put in place with them. */
    private readonly staging: Staging,
  ) {}

  async make(id: string, pdf: Uint8Array): Promise<Preview> {
    const digest = sha256(pdf);
    const cached = this.cacheDir === undefined ? undefined : `${this.cacheDir}/previews/${digest}-${PREVIEW_WIDTH}.webp`;
    let bytes = cached ? await this.world.readFile(cached).catch(() => undefined) : undefined;
    let size: { width: number; height: number } | undefined = bytes ? webpSize(bytes) : undefined;
    if (!bytes || !size) {
      const { renderPreview } = await import('../preview.ts');
      const made = await renderPreview(pdf, { width: PREVIEW_WIDTH });
      bytes = made.bytes;
      size = { width: made.width, height: made.height };
      // A cache that cannot be written only costs time.
      if (cached) await this.world.writeFileAtomic(cached, bytes).catch(() => undefined);
    }
    const file = `${id}.webp`;
    await this.staging.put(`${this.outDir}/${file}`, bytes);
    return { file, width: size.width, height: size.height, bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
}

/** Width and height from a WebP's header (lossy VP8, lossless VP8L or extended VP8X). */
export function webpSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const text = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 30 || text(0, 4) !== 'RIFF' || text(8, 12) !== 'WEBP') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunk = text(12, 16);
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    const three = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
    return { width: three(24) + 1, height: three(27) + 1 };
  }
  return undefined;
}
