/**
 * Pictures a generated document can show: small real ones of each kind
 * Roneo reads, broken ones, and names that must be refused (missing, remote,
 * outside the content folder). Real pictures are kept tiny so that making
 * them for print costs little.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { REPO } from '../helpers/project.ts';

/** The campaign's map: real, but slower to draw than the others, so named rarely. */
const CAMPAIGN_MAP = 'carte-kazakhstan.svg';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40" viewBox="0 0 60 40"><rect width="60" height="40" fill="#b00000"/><circle cx="30" cy="20" r="12" fill="#fff"/></svg>';
/** An SVG that names another file: refused (`image-svg`) rather than followed. */
const SVG_WITH_LINK = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>';

/** File name (in an `images/` folder beside the Markdown file) → bytes. */
export async function pictureFiles(): Promise<ReadonlyMap<string, Uint8Array>> {
  const solid = (width: number, height: number, channels: 3 | 4) =>
    sharp({ create: { width, height, channels, background: { r: 176, g: 0, b: 0, alpha: channels === 4 ? 0.5 : 1 } } });
  const png = new Uint8Array(await solid(12, 8, 3).png().toBuffer());
  const jpeg = new Uint8Array(await solid(32, 24, 3).jpeg().toBuffer());
  const transparent = new Uint8Array(await solid(16, 16, 4).png().toBuffer());
  const encode = (text: string) => new TextEncoder().encode(text);
  return new Map<string, Uint8Array>([
    ['dessin.png', png],
    ['photo.jpg', jpeg],
    ['transparent.png', transparent],
    ['schema.svg', encode(SVG)],
    ['lien.svg', encode(SVG_WITH_LINK)],
    ['vide.png', new Uint8Array(0)],
    ['texte.jpg', encode('ceci n’est pas une photo\n')],
    ['coupee.png', png.slice(0, 40)],
    [CAMPAIGN_MAP, new Uint8Array(readFileSync(join(REPO, 'content/images', CAMPAIGN_MAP)))],
  ]);
}

/** What an image's address may be: a picture in `images/`, or a name Roneo must refuse. */
export const pictureAddress: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('dessin.png', 'photo.jpg', 'transparent.png', 'schema.svg').map((name) => `images/${name}`), weight: 24 },
  { arbitrary: fc.constantFrom('lien.svg', 'vide.png', 'texte.jpg', 'coupee.png').map((name) => `images/${name}`), weight: 2 },
  { arbitrary: fc.constant(`images/${CAMPAIGN_MAP}`), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'images/absente.png',
      'images/',
      '',
      'https://example.org/photo.png',
      '//example.org/photo.png',
      'file:///etc/passwd',
      '../../../../etc/passwd',
      '/etc/passwd',
      'images/dessin.png?x=1#y',
      'images/Dessin.PNG',
      'images/dessin%2Epng',
      'data:image/png;base64,iVBORw0KGgo=',
      'C:\\images\\dessin.png',
    ),
    weight: 2,
  },
);

/** The picture files a document at `markdownPath` names (`images/<name>`, by any of its images or front-matter fields). */
export function picturesNamedIn(markdownPath: string, text: string, pictures: ReadonlyMap<string, Uint8Array>): Record<string, Uint8Array> {
  const folder = markdownPath.slice(0, markdownPath.lastIndexOf('/'));
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of pictures) if (text.includes(`images/${name}`)) files[`${folder}/images/${name}`] = bytes;
  return files;
}
