import type SharpModule from 'sharp';

/** sharp loads libvips and its threads: only for a build that has pictures to turn grey. */
let sharp: Promise<typeof SharpModule> | undefined;

/** Greyscale copies already made, by the colour picture's bytes. */
const made = new WeakMap<Uint8Array, Promise<Uint8Array>>();

/**
 * The pictures of a publication for the home profile: one true grey
 * channel each, so a black-and-white printer prints what was meant and a
 * colour printer uses no colour ink. PNG stays PNG (line art,
 * transparency), JPEG stays JPEG.
 */
export async function greyscaleImages(images: ReadonlyMap<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const grey = new Map<string, Uint8Array>();
  for (const [key, bytes] of images) {
    let copy = made.get(bytes);
    if (!copy) made.set(bytes, (copy = toGrey(bytes)));
    grey.set(key, await copy);
  }
  return grey;
}

async function toGrey(bytes: Uint8Array): Promise<Uint8Array> {
  sharp ??= import('sharp').then((module) => module.default);
  const image = (await sharp)(bytes).toColourspace('b-w');
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  return new Uint8Array(await (isJpeg ? image.jpeg({ quality: 90 }) : image.png()).toBuffer());
}
