import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { pdfInfo } from '../helpers/pdf.ts';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import { pdfObjects, type PdfObjects, type PdfValue } from '../helpers/pdf-objects.ts';

/** poppler and qpdf read files: `bytes` written to a temporary one for `work`. */
export async function withFile<T>(bytes: Uint8Array, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'roneo-impose-'));
  try {
    const file = join(dir, 'sheet.pdf');
    await writeFile(file, bytes);
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A word poppler finds, its box in PDF points from the page's lower-left corner (poppler measures from the top). */
export interface PlacedWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words of each page, in PDF coordinates. */
export async function pageWords(file: string): Promise<PlacedWord[][]> {
  return (await pdfLayout(file)).map((page) =>
    page.blocks.flatMap((block) =>
      block.lines.flatMap((line) =>
        line.words.map((word) => ({ text: word.text, x0: word.xMin, x1: word.xMax, y0: page.height - word.yMax, y1: page.height - word.yMin })),
      ),
    ),
  );
}

export const centre = (word: PlacedWord) => ({ x: (word.x0 + word.x1) / 2, y: (word.y0 + word.y1) / 2 });

/** Each page's content stream, decoded by qpdf. */
export async function pageContents(file: string): Promise<string[]> {
  const objects = await pdfObjects(file);
  const catalog = dict(objects.get(objects.trailer['/Root']));
  return kids(objects, catalog['/Pages']).map((page) => {
    const contents = dict(objects.get(page))['/Contents'];
    const streams = Array.isArray(contents) ? contents : [contents];
    return streams.map((ref) => objects.data(ref)?.toString('latin1') ?? '').join('\n');
  });
}

function kids(objects: PdfObjects, node: PdfValue | undefined): PdfValue[] {
  const value = dict(objects.get(node));
  if (value['/Type'] !== '/Pages') return [node ?? null];
  const list = value['/Kids'];
  return (Array.isArray(list) ? list : []).flatMap((kid) => kids(objects, kid));
}

function dict(value: PdfValue | undefined): Record<string, PdfValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The font programs embedded in a PDF: the distinct streams fonts name as /FontFile, /FontFile2 or /FontFile3. */
export async function fontPrograms(file: string): Promise<number> {
  const objects = await pdfObjects(file);
  const programs = new Set<string>();
  for (const object of objects.all()) {
    const value = dict(object);
    for (const key of ['/FontFile', '/FontFile2', '/FontFile3']) {
      const ref = value[key];
      if (typeof ref === 'string') programs.add(ref);
    }
  }
  return programs.size;
}

/**
 * The metadata a print file must carry: the title, producer and dates it was given, nothing of pdf-lib's
 * own, and a file /ID (returned) that the caller checks changes with the input.
 */
export async function expectGivenMetadata(bytes: Uint8Array, given: { title?: string; producer?: string }): Promise<string> {
  const info = await withFile(bytes, pdfInfo);
  expect(info.fields.Title).toBe(given.title);
  expect(info.fields.Producer).toBe(given.producer);
  expect(info.fields.Creator).toBeUndefined();
  expect(info.fields.CreationDate).toMatch(/Dec 16 00:00:00 2021/);
  expect(info.fields.ModDate).toBe(info.fields.CreationDate);
  const text = Buffer.from(bytes).toString('latin1');
  expect(text).not.toMatch(/pdf-lib/);
  const id = /\/ID \[ <([0-9A-Fa-f]{32})> <\1> \]/.exec(text)?.[1];
  expect(id).toBeDefined();
  return id!;
}
