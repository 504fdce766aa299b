/**
 * Pictures as they reach the PDF: phone photos, a drawing with transparency,
 * an SVG, a CMYK poster, a logo. Everything is read back from the built
 * files: pixel sizes and colour spaces (`pdfimages -list`), the image
 * streams themselves (`pdfimages -all`: no metadata of the phone), where the
 * caption is printed, the alt text in the content stream, and how many
 * pictures a second build encodes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { encodeCount } from '../../src/transform/image-process.ts';
import { pdfImages, qpdfCheck } from '../helpers/pdf.ts';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import { tempProject } from '../helpers/project.ts';

const run = promisify(execFile);

/** What a phone writes into a photo: who took it, with which camera, and where. */
const TRACES = ['Camille Dupont', 'SN-4471-0932', 'PhoneCo', 'Exif', 'GPS', 'http://ns.adobe.com/xap', 'Photoshop 3.0', 'ICC_PROFILE'];

/** A phone photo: detail everywhere, EXIF with the photographer, the camera's serial number and a GPS position, and XMP. */
async function phonePhoto(width: number, height: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 3;
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) % 256;
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 85 })
      .withExif({
        IFD0: { Artist: 'Camille Dupont', Make: 'PhoneCo', Model: 'Phone 12' },
        IFD2: { BodySerialNumber: 'SN-4471-0932' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '52/1 51/1 0/1' },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Camille Dupont</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
      .toBuffer(),
  );
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
  <rect width="300" height="200" fill="#f3efe6"/><circle cx="150" cy="100" r="70" fill="#b00000"/><path d="M20 180 L280 180" stroke="#000" stroke-width="6"/>
</svg>`;

const PAMPHLET = `---
layout: pamphlet
title: Photos de la place
date: 2026-12-16
cover: ../images/carte.svg
logo: ../images/logo.png
---

# La place

Les grévistes occupent la place depuis mai.

![Grévistes sur la place de Janaözen](../images/manif.jpg "Janaözen, la place des grévistes")

Le texte continue après la photo.

![Affiche du comité](../images/affiche-cmjn.jpg)
`;

let project: Awaited<ReturnType<typeof tempProject>>;
let first: BuildResult;
let firstEncodes: number;
let photo: Uint8Array;
const pdf = (name: string) => join(project.root, 'output', name);

beforeAll(async () => {
  photo = await phonePhoto(3000, 2000);
  const poster = new Uint8Array(await sharp(await phonePhoto(1600, 1200)).toColourspace('cmyk').jpeg({ quality: 85 }).toBuffer());
  const logo = new Uint8Array(
    await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><circle cx="100" cy="100" r="90" fill="#b00000"/><rect x="220" y="40" width="160" height="120" fill="#222"/></svg>'))
      .png()
      .toBuffer(),
  );
  project = await tempProject({
    files: {
      'content/pamphlets/photos.md': PAMPHLET,
      'content/images/manif.jpg': photo,
      'content/images/affiche-cmjn.jpg': poster,
      'content/images/carte.svg': SVG,
      'content/images/logo.png': logo,
    },
  });
  const before = encodeCount();
  first = await build({ root: project.root });
  firstEncodes = encodeCount() - before;
}, 120_000);

afterAll(() => project?.cleanup());

describe('pictures in the PDF', () => {
  it('builds without a problem, and the PDFs are sound', async () => {
    expect(first.diagnostics.map(formatDiagnostic)).toEqual([]);
    for (const file of ['pamphlets/photos.pdf', 'pamphlets/photos.print.pdf']) expect((await qpdfCheck(pdf(file))).ok, file).toBe(true);
  });

  it('prints each picture at 300 dpi at its placed width, photos as JPEG, drawings as PNG, all in sRGB', async () => {
    const images = await pdfImages(pdf('pamphlets/photos.pdf'));
    const textWidthPixels = Math.ceil((331.5 / 72) * 300);
    // The cover drawing (SVG, drawn at the resolution print needs), the photo, the CMYK poster (converted), the logo with its transparency mask.
    expect(images.map(({ page, type, width, color, encoding }) => ({ page, type, width, color, encoding }))).toEqual([
      { page: 1, type: 'image', width: textWidthPixels, color: 'rgb', encoding: 'image' },
      { page: 2, type: 'image', width: textWidthPixels, color: 'rgb', encoding: 'jpeg' },
      expect.objectContaining({ type: 'image', width: textWidthPixels, color: 'rgb', encoding: 'jpeg' }),
      expect.objectContaining({ type: 'image', color: 'rgb', encoding: 'image' }),
      expect.objectContaining({ type: 'smask', color: 'gray' }),
    ]);
    for (const image of images.slice(0, 2)) expect(image.xppi, `page ${image.page}`).toBeGreaterThanOrEqual(299);
    for (const image of images) expect(image.xppi).toBeLessThanOrEqual(301);
    // Never enlarged: the 3000-px photo has fewer pixels in the PDF, and the drawing's pixels follow its placement.
    expect(images[1]!.width).toBeLessThan(3000);
  });

  it('carries none of the phone’s metadata in any image stream: no EXIF, GPS, XMP, IPTC or ICC', async () => {
    expect(Buffer.from(photo).toString('latin1')).toContain('Camille Dupont');
    const dir = await mkdtemp(join(tmpdir(), 'roneo-images-'));
    try {
      for (const file of ['pamphlets/photos.pdf', 'pamphlets/photos.print.pdf']) {
        await run('pdfimages', ['-all', pdf(file), join(dir, file.replace('/', '-'))]);
      }
      const extracted = await readdir(dir);
      expect(extracted.filter((name) => name.endsWith('.jpg')).length).toBeGreaterThanOrEqual(4);
      for (const name of extracted) {
        const bytes = await readFile(join(dir, name));
        const text = bytes.toString('latin1');
        for (const trace of TRACES) expect(text, `${name}: ${trace}`).not.toContain(trace);
        if (name.endsWith('.jpg')) expect(jpegMarkers(bytes), name).toEqual(expect.not.arrayContaining(['APP1', 'APP2', 'APP13']));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Nor anywhere else in the files, streams decompressed.
    for (const file of ['pamphlets/photos.pdf', 'pamphlets/photos.print.pdf']) {
      const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', pdf(file), '-'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
      for (const trace of ['Camille Dupont', 'SN-4471-0932', 'PhoneCo']) expect(stdout, `${file}: ${trace}`).not.toContain(trace);
    }
  });

  it('prints every picture in one grey channel in the home print file', async () => {
    const images = await pdfImages(pdf('pamphlets/photos.print.pdf'));
    expect(images.filter((image) => image.type === 'image')).toHaveLength(4);
    for (const image of images) expect(image.color, `page ${image.page}`).toBe('gray');
  });

  it('prints the caption under its picture, between the paragraphs around it', async () => {
    const pages = await pdfLayout(pdf('pamphlets/photos.pdf'));
    const lines = pages[1]!.blocks.flatMap((block) => block.lines);
    const caption = lines.find((line) => line.text.includes('la place des grévistes'));
    const before = lines.find((line) => line.text.includes('occupent la place'));
    const after = lines.find((line) => line.text.includes('continue après la photo'));
    expect(caption && before && after).toBeTruthy();
    const photoBox = (await drawnImages(pdf('pamphlets/photos.pdf'), 2))[0]!;
    expect(before!.yMax).toBeLessThanOrEqual(photoBox.top + 0.5);
    expect(caption!.yMin).toBeGreaterThanOrEqual(photoBox.bottom);
    expect(caption!.yMin - photoBox.bottom).toBeLessThan(12);
    expect(after!.yMin).toBeGreaterThan(caption!.yMax);
    // Set at the text width: 331.5 pt, its height by its proportions.
    expect(photoBox.width).toBeCloseTo(331.5, 1);
    expect(photoBox.bottom - photoBox.top).toBeCloseTo(221, 0);
  });

  it('keeps the alt text as the picture’s alternate description (a /Span with /Alt around the image)', async () => {
    const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', pdf('pamphlets/photos.pdf'), '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    const spans = [...stdout.matchAll(/\/Span <<\s*\/Alt (<[0-9a-fA-F]+>|\((?:\\.|[^\\)])*\))\s*>> BDC([\s\S]*?)EMC/g)];
    expect(spans.map((span) => pdfString(span[1]!))).toEqual(['Grévistes sur la place de Janaözen', 'Affiche du comité']);
    for (const span of spans) expect(span[2]).toMatch(/\/I\d+ Do/);
  });

  it('prints the logo from the front matter on the back cover', async () => {
    const images = await pdfImages(pdf('pamphlets/photos.pdf'));
    const last = Math.max(...images.map((image) => image.page));
    const { stdout } = await run('pdfinfo', [pdf('pamphlets/photos.pdf')]);
    expect(last).toBe(Number(/Pages:\s+(\d+)/.exec(stdout)![1]));
    expect(images.filter((image) => image.page === last && image.type === 'image')).toHaveLength(1);
  });

  it('encodes nothing on a second build: every picture comes from the cache, and the PDFs are the same bytes', async () => {
    expect(firstEncodes).toBe(8); // four pictures, in colour and in grey
    const cached = await readdir(join(project.root, '.cache/roneo/images'));
    expect(cached).toHaveLength(8);
    const bytes = async () => Promise.all(['pamphlets/photos.pdf', 'pamphlets/photos.print.pdf'].map((file) => readFile(pdf(file))));
    const before = await bytes();
    const count = encodeCount();
    const second = await build({ root: project.root });
    expect(second.ok).toBe(true);
    expect(encodeCount()).toBe(count);
    expect((await bytes()).map((b, i) => b.equals(before[i]!))).toEqual([true, true]);
    // The cache is safe to delete: the next build makes it again, with the same PDFs.
    await rm(join(project.root, '.cache'), { recursive: true });
    await build({ root: project.root });
    expect(encodeCount()).toBe(count + 8);
    expect((await bytes()).map((b, i) => b.equals(before[i]!))).toEqual([true, true]);
  }, 120_000);
});

/** The segment markers of a JPEG, in order, up to the image data. */
function jpegMarkers(bytes: Buffer): string[] {
  const names: Record<number, string> = { 0xe0: 'APP0', 0xe1: 'APP1', 0xe2: 'APP2', 0xed: 'APP13', 0xee: 'APP14', 0xfe: 'COM', 0xdb: 'DQT', 0xc0: 'SOF0', 0xc2: 'SOF2', 0xc4: 'DHT', 0xda: 'SOS', 0xdd: 'DRI' };
  const markers: string[] = [];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    markers.push(names[marker] ?? `0x${marker.toString(16)}`);
    if (marker === 0xda) break;
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return markers;
}

/** A PDF text string as written in a content stream: `(…)` in PDFDocEncoding or `<FEFF…>` in UTF-16BE. */
function pdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1);
    const bytes = Buffer.from(hex, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  }
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/** Where the images of one page are drawn, in points from the top of the page, in drawing order. */
async function drawnImages(file: string, page: number): Promise<Array<{ x: number; top: number; bottom: number; width: number }>> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', '--pages', file, String(page), '--', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
  // pdfkit flips the page to top-down coordinates, then draws an image as `w 0 0 -h x y+h cm /I1 Do`.
  return [...stdout.matchAll(/([\d.]+) 0 0 -([\d.]+) ([\d.]+) ([\d.]+) cm\s+\/I\d+ Do/g)].map((m) => {
    const [width, height, x, bottom] = m.slice(1).map(Number) as [number, number, number, number];
    return { x, top: bottom - height, bottom, width };
  });
}
