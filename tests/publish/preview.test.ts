/**
 * The download page's preview of a publication's first page. A real leaflet is built in
 * memory (title and text in Noto Sans and Charis SIL with Turkish, Kazakh and Bulgarian
 * letters, the layout's red rule, a PNG drawing and a JPEG photo), rendered, and the WebP
 * decoded again: its size, where the ink is (against poppler's word boxes and poppler's own
 * rendering of the same page), the colours of the rule and the pictures, and its bytes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PDFDocument, PDFOperator, StandardFonts, type PDFOperatorNames } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { renderPreview, type Preview } from '../../src/publish/preview.ts';
import { pdfLayout, type Word } from '../helpers/pdf-layout.ts';
import { solidPng } from '../helpers/png.ts';
import { memoryProject, REPO } from '../helpers/project.ts';

const run = promisify(execFile);

/** A5, in points. */
const PAGE = { width: 419.53, height: 595.28 };
/** The leaflet layout's margins (left/right, top) and text width, in points. */
const MARGIN = { side: 34, top: 30 };
const TEXT_WIDTH = 351.5;
const WIDTH = 480;
const SCALE = WIDTH / PAGE.width;

const GREEN: Rgb = [0, 150, 60];
const BLUE: Rgb = [30, 60, 200];

const LEAFLET = `---
layout: leaflet
title: "Bolşevik Janaözen Българска"
lang: fr
---

Българска Комунистическа Партия, Bolşevik Parti, grève à Janaözen.

![Un dessin](../images/dessin.png)

![Une photo](../images/photo.jpg)

Le texte continue après les images.
`;

type Rgb = [number, number, number];

interface Raster {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

async function decode(image: Uint8Array | string): Promise<Raster> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data };
}

const rgbAt = (r: Raster, x: number, y: number): Rgb => {
  const i = (y * r.width + x) * r.channels;
  return [r.data[i]!, r.data[i + 1]!, r.data[i + 2]!];
};
const lumaAt = (r: Raster, x: number, y: number) => {
  const [red, green, blue] = rgbAt(r, x, y);
  return 0.299 * red + 0.587 * green + 0.114 * blue;
};
const isDark = (r: Raster, x: number, y: number) => x >= 0 && y >= 0 && x < r.width && y < r.height && lumaAt(r, x, y) < 128;
const isRed = ([r, g, b]: Rgb) => r > 140 && g < 70 && b < 70;
const near = ([r, g, b]: Rgb, [R, G, B]: Rgb, tolerance = 40) => Math.abs(r - R) <= tolerance && Math.abs(g - G) <= tolerance && Math.abs(b - B) <= tolerance;

/** The title's words: set in 23-point type, the body in 10.5. */
const isTitle = (word: Word) => word.yMax - word.yMin > 18;

/** A box in points (top-left origin, as poppler gives them) as whole pixels of the preview. */
function pixels(box: { xMin: number; xMax: number; yMin: number; yMax: number }) {
  return { x0: Math.ceil(box.xMin * SCALE), x1: Math.floor(box.xMax * SCALE), y0: Math.ceil(box.yMin * SCALE), y1: Math.floor(box.yMax * SCALE) };
}

/** Dark pixels of `a` in the box that have a dark pixel of `b` at most one pixel away, and the other way round. */
function inkAgreement(a: Raster, b: Raster, box: { x0: number; x1: number; y0: number; y1: number }) {
  const nearDark = (r: Raster, x: number, y: number) => {
    for (let dy = -1; dy <= 1; dy += 1) for (let dx = -1; dx <= 1; dx += 1) if (isDark(r, x + dx, y + dy)) return true;
    return false;
  };
  let aInk = 0;
  let aMatched = 0;
  let bInk = 0;
  let bMatched = 0;
  for (let y = box.y0; y < box.y1; y += 1) {
    for (let x = box.x0; x < box.x1; x += 1) {
      if (isDark(a, x, y)) {
        aInk += 1;
        if (nearDark(b, x, y)) aMatched += 1;
      }
      if (isDark(b, x, y)) {
        bInk += 1;
        if (nearDark(a, x, y)) bMatched += 1;
      }
    }
  }
  return { aInk, bInk, precision: aMatched / Math.max(1, aInk), recall: bMatched / Math.max(1, bInk) };
}

/** The bounding box of the pixels of one colour, and how many there are. */
function colourBox(r: Raster, colour: Rgb) {
  let count = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < r.height; y += 1) {
    for (let x = 0; x < r.width; x += 1) {
      if (!near(rgbAt(r, x, y), colour)) continue;
      count += 1;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  return { count, x0, y0, x1, y1 };
}

/** What `action` writes on the console, which it is kept from doing. */
async function consoleOutput(action: () => Promise<void>): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void calls.push([method, ...args])),
  );
  try {
    await action();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return calls;
}

let dir: string;
let pdfFile: string;
let pdf: Uint8Array;
let words: Word[];
let preview: Preview;
let raster: Raster;
let poppler: Raster;
let firstConsoleOutput: unknown[][];

beforeAll(async () => {
  const photo = await sharp({ create: { width: 1600, height: 400, channels: 3, background: { r: BLUE[0], g: BLUE[1], b: BLUE[2] } } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const world = await memoryProject({
    'content/leaflets/apercu.md': LEAFLET,
    'content/images/dessin.png': solidPng(1600, 400, GREEN),
    'content/images/photo.jpg': new Uint8Array(photo),
  });
  const result = await build({ world });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map(formatDiagnostic).join('\n'));
  const built = world.files.get('output/leaflets/apercu.pdf');
  if (!built) throw new Error('the leaflet was not built');
  pdf = built;

  dir = await mkdtemp(join(tmpdir(), 'roneo-preview-'));
  pdfFile = join(dir, 'apercu.pdf');
  await writeFile(pdfFile, pdf);
  const [page] = await pdfLayout(pdfFile);
  words = page!.blocks.flatMap((block) => block.lines.flatMap((line) => line.words));

  // The very first preview of this process: pdf.js sets itself up (its fake worker among
  // other things), which is when it would say so on the console.
  firstConsoleOutput = await consoleOutput(async () => {
    preview = await renderPreview(pdf, { width: WIDTH });
  });
  raster = await decode(preview.bytes);

  await run('pdftoppm', ['-png', '-singlefile', '-scale-to-x', String(preview.width), '-scale-to-y', String(preview.height), pdfFile, join(dir, 'poppler')]);
  poppler = await decode(join(dir, 'poppler.png'));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the preview of a publication’s first page', () => {
  it('is a WebP of the asked width with the page’s shape, and no metadata', async () => {
    const height = Math.round((WIDTH * PAGE.height) / PAGE.width);
    expect(preview).toMatchObject({ width: WIDTH, height, format: 'webp' });
    const meta = await sharp(preview.bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: WIDTH, height, hasAlpha: false });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    // Another width, another size; the same shape.
    const small = await renderPreview(pdf, { width: 240 });
    expect(await sharp(small.bytes).metadata()).toMatchObject({ width: 240, height: Math.round((240 * PAGE.height) / PAGE.width) });
    expect(small).toMatchObject({ width: 240, height: Math.round((240 * PAGE.height) / PAGE.width) });
  });

  it('says nothing on the console, even the first time', () => {
    expect(firstConsoleOutput).toEqual([]);
  });

  it('has the title’s ink where poppler finds its words, Turkish, Kazakh and Bulgarian ones', () => {
    const title = words.filter(isTitle);
    expect(title.map((word) => word.text).sort()).toEqual(['Bolşevik', 'Janaözen', 'Българска']);
    for (const word of title) {
      const box = pixels(word);
      let dark = 0;
      for (let y = box.y0; y < box.y1; y += 1) for (let x = box.x0; x < box.x1; x += 1) if (isDark(raster, x, y)) dark += 1;
      // Bold 23-point type inks about a fifth of its words' boxes.
      expect(dark / ((box.x1 - box.x0) * (box.y1 - box.y0)), word.text).toBeGreaterThan(0.15);
    }
  });

  it('draws every word as poppler does, in both fonts', () => {
    // Among them, in the title and in the text: Bolşevik, Janaözen, Българска.
    expect(words.filter((word) => /[şöБъ]/u.test(word.text)).length).toBeGreaterThanOrEqual(6);
    for (const word of words) {
      const agreement = inkAgreement(raster, poppler, pixels(word));
      expect(agreement.aInk, word.text).toBeGreaterThan(0);
      expect(agreement.precision, word.text).toBeGreaterThan(0.9);
      expect(agreement.recall, word.text).toBeGreaterThan(0.9);
    }
    // And the page as a whole: text, rules and pictures.
    const page = inkAgreement(raster, poppler, { x0: 0, x1: raster.width, y0: 0, y1: raster.height });
    expect(page.precision).toBeGreaterThan(0.97);
    expect(page.recall).toBeGreaterThan(0.97);
  });

  it('leaves the margins white', () => {
    const side = Math.floor(MARGIN.side * SCALE) - 3;
    const top = Math.floor(MARGIN.top * SCALE) - 3;
    let darkest = 255;
    for (let y = 0; y < raster.height; y += 1) {
      for (let x = 0; x < raster.width; x += 1) {
        if (x < side || x >= raster.width - side || y < top) darkest = Math.min(darkest, lumaAt(raster, x, y));
      }
    }
    expect(darkest).toBeGreaterThan(245);
  });

  it('draws the layout’s red rule under the title, across the text width', () => {
    const titleBottom = Math.max(...words.filter(isTitle).map((word) => word.yMax * SCALE));
    const bodyTop = Math.min(...words.filter((word) => word.text === 'Комунистическа').map((word) => word.yMin * SCALE));
    const x0 = Math.ceil(MARGIN.side * SCALE) + 2;
    const x1 = Math.floor((MARGIN.side + TEXT_WIDTH) * SCALE) - 2;
    const redRows: number[] = [];
    for (let y = 0; y < raster.height; y += 1) {
      let red = 0;
      for (let x = x0; x < x1; x += 1) if (isRed(rgbAt(raster, x, y))) red += 1;
      if (red >= 0.95 * (x1 - x0)) redRows.push(y);
    }
    expect(redRows.length).toBeGreaterThanOrEqual(1);
    expect(redRows.length).toBeLessThanOrEqual(4);
    for (const y of redRows) {
      expect(y).toBeGreaterThan(titleBottom);
      expect(y).toBeLessThan(bodyTop);
    }
    // Nowhere else is there red: the title's ink is black.
    let redElsewhere = 0;
    for (let y = 0; y < raster.height; y += 1) {
      if (y >= redRows[0]! - 2 && y <= redRows.at(-1)! + 2) continue;
      for (let x = 0; x < raster.width; x += 1) if (isRed(rgbAt(raster, x, y))) redElsewhere += 1;
    }
    expect(redElsewhere).toBe(0);
  });

  it('draws the PNG drawing and the JPEG photo, the text’s width wide, in their colours, one above the other', () => {
    const green = colourBox(raster, GREEN);
    const blue = colourBox(raster, BLUE);
    for (const [name, box] of [['PNG', green], ['JPEG', blue]] as const) {
      const width = box.x1 - box.x0;
      const height = box.y1 - box.y0;
      // Placed across the text width, 4:1 like the picture, and filled with its colour.
      expect(Math.abs(width - TEXT_WIDTH * SCALE), name).toBeLessThan(4);
      expect(Math.abs(width / height - 4), name).toBeLessThan(0.15);
      expect(box.count / (width * height), name).toBeGreaterThan(0.97);
      expect(box.x0, name).toBeGreaterThanOrEqual(Math.floor(MARGIN.side * SCALE) - 1);
    }
    expect(green.y1).toBeLessThanOrEqual(blue.y0);
  });

  it('gives the same bytes every time', async () => {
    const again = await renderPreview(pdf, { width: WIDTH });
    expect(again.bytes.byteLength).toBe(preview.bytes.byteLength);
    expect(Buffer.from(again.bytes).equals(Buffer.from(preview.bytes))).toBe(true);
  });

  it('leaves the caller’s PDF bytes as they were, and takes a Buffer too', async () => {
    // pdf.js takes over (detaches) a Uint8Array that is a whole buffer of its own, and refuses a Buffer.
    const mine = new Uint8Array(pdf);
    await renderPreview(mine, { width: 100 });
    expect(mine.byteLength).toBe(pdf.byteLength);
    expect(Buffer.from(mine).equals(Buffer.from(pdf))).toBe(true);
    const fromDisk = await readFile(pdfFile);
    expect(Buffer.from((await renderPreview(fromDisk, { width: WIDTH })).bytes).equals(Buffer.from(preview.bytes))).toBe(true);
  });

  it('says nothing on the console for a PDF pdf.js finds fault with but can draw', async () => {
    // An operator pdf.js does not know, and a cross-reference table it must rebuild; in a
    // standard font, which pdf.js reads from its own package.
    const made = await PDFDocument.create();
    const page = made.addPage([PAGE.width, PAGE.height]);
    // No such operator: pdf-lib's type lists the real ones.
    page.pushOperators(PDFOperator.of('Zz' as unknown as PDFOperatorNames));
    page.drawText('Hamburgefonstiv', { x: 40, y: 500, size: 30, font: await made.embedFont(StandardFonts.Helvetica) });
    const sound = await made.save({ useObjectStreams: false });
    const text = Buffer.from(sound).toString('latin1');
    const brokenXref = Buffer.from(`${text.slice(0, text.lastIndexOf('startxref'))}startxref\n12\n%%EOF\n`, 'latin1');
    const drawn: Raster[] = [];
    const output = await consoleOutput(async () => {
      for (const bytes of [sound, brokenXref]) drawn.push(await decode((await renderPreview(bytes, { width: WIDTH })).bytes));
    });
    expect(output).toEqual([]);
    expect(drawn).toHaveLength(2);
    // Both drawn, the same: the line of text has its ink, and the rebuilt cross-reference table changes nothing.
    // (Not compared with poppler here: which font poppler substitutes for Helvetica depends on the machine.)
    const line = pixels({ xMin: 30, xMax: 300, yMin: PAGE.height - 530, yMax: PAGE.height - 490 });
    const agreement = inkAgreement(drawn[0]!, drawn[1]!, line);
    expect(agreement.aInk).toBeGreaterThan(1000);
    expect(agreement.precision).toBe(1);
    expect(agreement.recall).toBe(1);
  });

  it('rejects a damaged PDF with a one-line message, and draws the next one all the same', async () => {
    const damaged = [pdf.slice(0, Math.floor(pdf.length / 2)), pdf.slice(0, pdf.length - 200), new TextEncoder().encode('%PDF-1.7\nnot a PDF\n'), new Uint8Array()];
    for (const bytes of damaged) {
      const error: unknown = await renderPreview(bytes, { width: WIDTH }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toMatch(/^cannot draw the PDF's first page: \S/);
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).not.toMatch(/\bat .*:\d+/);
      expect((error as Error).cause).toBeInstanceOf(Error);
    }
    expect((await renderPreview(pdf, { width: WIDTH })).bytes.byteLength).toBe(preview.bytes.byteLength);
  });

  it('rejects a width that is not a whole number of pixels', async () => {
    for (const width of [0, -10, 2.5, Number.NaN, 100_000]) {
      await expect(renderPreview(pdf, { width }), String(width)).rejects.toThrow(/^a preview's width must be a whole number of pixels/);
    }
  });
});

describe('loading', () => {
  it('loads pdf.js, the canvas and sharp with the first preview, not with the module; another process gives the same bytes', async () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      import { createHash } from 'node:crypto';
      const require = createRequire(${JSON.stringify(`${REPO}/`)});
      const loaded = () => ({
        pdfjs: typeof globalThis.pdfjsLib !== 'undefined',
        canvas: Object.keys(require.cache).some((path) => /[\\\\/]@napi-rs[\\\\/]canvas[\\\\/]/.test(path)),
        sharp: Object.keys(require.cache).some((path) => /[\\\\/]sharp[\\\\/]/.test(path)),
      });
      const { renderPreview } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'src/publish/preview.ts')).href)});
      const before = loaded();
      const preview = await renderPreview(new Uint8Array(readFileSync(${JSON.stringify(pdfFile)})), { width: ${WIDTH} });
      console.log(JSON.stringify({ before, after: loaded(), sha: createHash('sha256').update(preview.bytes).digest('hex') }));
    `;
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO });
    expect(stderr).toBe('');
    const report = JSON.parse(stdout.trim()) as { before: Record<string, boolean>; after: Record<string, boolean>; sha: string };
    expect(report.before).toEqual({ pdfjs: false, canvas: false, sharp: false });
    expect(report.after).toEqual({ pdfjs: true, canvas: true, sharp: true });
    expect(report.sha).toBe(createHash('sha256').update(preview.bytes).digest('hex'));
  });
});
