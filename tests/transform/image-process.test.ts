import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeCount, type ImageCache, ImageError, inspectImage, MAX_PIXELS, processImage } from '../../src/transform/image-process.ts';

/** A phone photo as phones make them: detail everywhere, and EXIF with the photographer, the camera's serial number and GPS. */
async function phonePhoto(width: number, height: number): Promise<Uint8Array> {
  const noise = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let i = 0; i < noise.length; i += 1) noise[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
  return new Uint8Array(
    await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Artist: 'Camille Dupont', Make: 'PhoneCo' }, IFD2: { BodySerialNumber: 'SN-12345' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 16/1 0/1' } })
      .toBuffer(),
  );
}

/** A map drawn in a few flat colours, with transparency. */
async function drawing(width: number, height: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="10" y="10" width="${width / 2}" height="${height / 2}" fill="#b00000"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** A PNG header that announces `width` × `height` pixels, with one tiny compressed row: what a decompression bomb looks like. */
function announcedPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(16))), chunk('IEND', Buffer.alloc(0))]));
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const HALF_A5_WIDTH = 166; // points: half the text width of an A5 page, about 59 mm

describe('pictures processed for print', () => {
  it('keeps nothing of a phone photo’s metadata: no photographer, no serial number, no GPS, no EXIF at all', async () => {
    const input = await phonePhoto(600, 400);
    expect(Buffer.from(input).toString('latin1')).toContain('Camille Dupont');
    const { bytes, format } = await processImage(input, { placedWidth: HALF_A5_WIDTH });
    expect(format).toBe('jpeg');
    const text = Buffer.from(bytes).toString('latin1');
    for (const trace of ['Camille Dupont', 'SN-12345', 'PhoneCo', 'Exif', 'GPS', 'http://ns.adobe.com/xap', 'ICC_PROFILE']) expect(text, trace).not.toContain(trace);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it('resizes to 300 dpi at the width it is printed at, and never enlarges', async () => {
    const big = await processImage(await phonePhoto(2400, 1600), { placedWidth: HALF_A5_WIDTH });
    expect(big.width).toBe(Math.ceil((HALF_A5_WIDTH / 72) * 300));
    expect(big.height).toBe(Math.round((1600 * big.width) / 2400));
    expect(big.dpi).toBeCloseTo(300, 0);
    expect(big.sourceDpi).toBeGreaterThan(1000);
    const small = await processImage(await phonePhoto(200, 100), { placedWidth: HALF_A5_WIDTH });
    expect(small.width).toBe(200);
    expect(small.dpi).toBeLessThan(150);
  });

  it('keeps line art and transparency as PNG, converts to sRGB, and to one grey channel for home', async () => {
    const art = await processImage(await drawing(800, 600), { placedWidth: HALF_A5_WIDTH });
    expect(art.format).toBe('png');
    expect((await sharp(art.bytes).metadata()).format).toBe('png');
    const cmyk = new Uint8Array(await sharp(await phonePhoto(300, 200)).toColourspace('cmyk').jpeg().toBuffer());
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    expect((await sharp((await processImage(cmyk, { placedWidth: HALF_A5_WIDTH })).bytes).metadata()).space).toBe('srgb');
    const grey = await processImage(await phonePhoto(300, 200), { placedWidth: HALF_A5_WIDTH, greyscale: true });
    const meta = await sharp(grey.bytes).metadata();
    expect(meta.channels).toBe(1);
  });

  it('refuses what it cannot print, with the rule for each case', async () => {
    const problem = async (bytes: Uint8Array) => {
      try {
        await processImage(bytes, { placedWidth: HALF_A5_WIDTH });
      } catch (error) {
        expect(error).toBeInstanceOf(ImageError);
        return (error as ImageError).rule;
      }
      return 'accepted';
    };
    const photo = await phonePhoto(120, 80);
    expect(await problem(new Uint8Array(0))).toBe('image-empty');
    expect(await problem(photo.subarray(0, photo.length / 3))).toBe('image-corrupt');
    expect(await problem(new TextEncoder().encode('not a picture at all'))).toBe('image-format');
    expect(await problem(announcedPng(20_000, 20_000))).toBe('image-too-large');
    expect(20_000 * 20_000).toBeGreaterThan(MAX_PIXELS);
  });

  it('encodes a picture once: the second time it comes from the cache', async () => {
    const store = new Map<string, Uint8Array>();
    const cache: ImageCache = { get: async (key) => store.get(key), set: async (key, bytes) => void store.set(key, bytes) };
    const input = await phonePhoto(900, 600);
    const before = encodeCount();
    const first = await processImage(input, { placedWidth: HALF_A5_WIDTH }, cache);
    expect(encodeCount()).toBe(before + 1);
    const second = await processImage(input, { placedWidth: HALF_A5_WIDTH }, cache);
    expect(encodeCount()).toBe(before + 1);
    expect(second.cached).toBe(true);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    // Other processing is another entry.
    await processImage(input, { placedWidth: HALF_A5_WIDTH, greyscale: true }, cache);
    expect(encodeCount()).toBe(before + 2);
  });

  it('gives the same bytes for the same picture and placement', async () => {
    const input = await phonePhoto(800, 500);
    const a = await processImage(input, { placedWidth: HALF_A5_WIDTH });
    const b = await processImage(new Uint8Array(input), { placedWidth: HALF_A5_WIDTH });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe('drawings (SVG)', () => {
  const svg = (body: string) => new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">${body}</svg>`);

  it('are drawn at the resolution print needs at their placed width, as PNG, whatever their own size', async () => {
    const drawing = await processImage(svg('<rect width="200" height="100" fill="#b00000"/><circle cx="100" cy="50" r="30" fill="url(#none)"/>'), { placedWidth: 331.5 });
    expect(drawing.format).toBe('png');
    expect(drawing.width).toBe(Math.ceil((331.5 / 72) * 300));
    expect(drawing.height).toBe(Math.round(drawing.width / 2));
    expect(drawing.sourceDpi).toBe(Number.POSITIVE_INFINITY);
    const meta = await sharp(drawing.bytes).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([drawing.width, drawing.height, false]);
  });

  it('are refused when they name another file or address, or declare entities', async () => {
    const rule = async (bytes: Uint8Array) => inspectImage(bytes).then(() => 'accepted', (error: ImageError) => `${error.rule}: ${error.message}`);
    expect(await rule(svg('<image href="photo.jpg" width="10" height="10"/>'))).toBe('image-svg: is an SVG that refers to `photo.jpg` outside itself, which Roneo never reads or fetches; draw it into the SVG');
    expect(await rule(svg('<image xlink:href="https://example.org/x.png" width="10" height="10"/>'))).toMatch(/^image-svg: .*`https:\/\/example.org\/x.png`/);
    expect(await rule(svg('<style>@import url(x.css);</style>'))).toMatch(/^image-svg: /);
    expect(await rule(svg('<rect width="10" height="10" fill="url(#motif)"/><use href="#motif"/>'))).toBe('accepted');
  });
});
