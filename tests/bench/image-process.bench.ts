import sharp from 'sharp';
import { bench, describe } from 'vitest';
import { processImage } from '../../src/transform/image-process.ts';

/**
 * A 24-megapixel phone photo (6000 × 4000, made here: shapes at every scale
 * and sensor grain, as a photo has) processed for a half-page placement on A5 (about 166 pt
 * wide): the images issue's benchmark. Sizes before and after are printed.
 */
const WIDTH = 6000;
const HEIGHT = 4000;
// Shapes at every scale, as in a street scene, plus sensor grain: detail that survives the resizing, so the output size means something.
const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
let state = 0x2545f491;
const grain = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return ((state >>> 0) % 41) - 20;
};
for (let y = 0; y < HEIGHT; y += 1) {
  for (let x = 0; x < WIDTH; x += 1) {
    const shape = Math.sin(x / 211) * Math.cos(y / 157) * 70 + Math.sin((x + 2 * y) / 23) * 30 + Math.sin(x / 5.3) * Math.sin(y / 7.1) * 18;
    const i = (y * WIDTH + x) * 3;
    pixels[i] = Math.max(0, Math.min(255, 120 + shape + grain()));
    pixels[i + 1] = Math.max(0, Math.min(255, 110 + shape * 0.8 + grain()));
    pixels[i + 2] = Math.max(0, Math.min(255, 100 - shape * 0.5 + grain()));
  }
}
const photo = new Uint8Array(await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).jpeg({ quality: 88 }).toBuffer());

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
