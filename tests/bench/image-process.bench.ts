import sharp from 'sharp';
import { bench, describe } from 'vitest';
import { processImage } from '../../src/transform/image-process.ts';

/**
 * A 24-megapixel phone photo (6000 × 4000, made here: detail everywhere, as
 * a photo has) processed for a half-page placement on A5 (about 166 pt
 * wide): the images issue's benchmark. Sizes before and after are printed.
 */
const WIDTH = 6000;
const HEIGHT = 4000;
const noise = Buffer.alloc(WIDTH * HEIGHT * 3);
let seed = 11;
for (let i = 0; i < noise.length; i += 1) noise[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
const photo = new Uint8Array(await sharp(noise, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 88 }).toBuffer());

describe('pictures', () => {
  let reported = false;
  bench(
    '24-megapixel photo for a half-page placement',
    async () => {
      const result = await processImage(photo, { placedWidth: 166 });
      if (!reported) {
        reported = true;
        console.log(`\n${(photo.byteLength / 1e6).toFixed(1)} MB ${WIDTH}×${HEIGHT} → ${(result.bytes.byteLength / 1e3).toFixed(0)} kB ${result.width}×${result.height} (${Math.round(result.dpi)} dpi)\n`);
      }
    },
    { time: 0, iterations: 5, warmupTime: 0, warmupIterations: 1 },
  );
});
