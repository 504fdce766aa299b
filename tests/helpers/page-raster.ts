import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GrayPage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black to 255 white, row after row. */
  pixels: Uint8Array;
}

/** Page `page` (from 1) rendered in grey at `dpi`: at 72 dpi one pixel is one PDF point. */
export async function grayPage(file: string, page: number, dpi = 72): Promise<GrayPage> {
  const dir = await mkdtemp(join(tmpdir(), 'roneo-raster-'));
  try {
    await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file, join(dir, 'p')]);
    const name = (await readdir(dir)).find((entry) => entry.endsWith('.pgm'));
    if (!name) throw new Error(`pdftoppm rendered no page ${page} of ${file}`);
    return parsePgm(await readFile(join(dir, name)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parsePgm(bytes: Buffer): GrayPage {
  // Binary PGM: "P5", width, height, maxval, each followed by white space, then the pixels.
  const fields: string[] = [];
  let offset = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[offset]!))) offset += 1;
    let field = '';
    while (!/\s/.test(String.fromCharCode(bytes[offset]!))) field += String.fromCharCode(bytes[offset++]!);
    fields.push(field);
  }
  offset += 1;
  if (fields[0] !== 'P5' || fields[3] !== '255') throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: new Uint8Array(bytes.buffer, bytes.byteOffset + offset, width * height) };
}

export interface Rule {
  y: number;
  x0: number;
  x1: number;
}

/** Horizontal runs of ink at least `minLength` pixels long, one per row (the longest): rules, not text. */
export function horizontalRules(page: GrayPage, minLength: number, ink = 200): Rule[] {
  const rules: Rule[] = [];
  for (let y = 0; y < page.height; y += 1) {
    let best: Rule | undefined;
    let start = -1;
    for (let x = 0; x <= page.width; x += 1) {
      const dark = x < page.width && page.pixels[y * page.width + x]! < ink;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minLength && (!best || x - start > best.x1 - best.x0)) best = { y, x0: start, x1: x };
        start = -1;
      }
    }
    if (best) rules.push(best);
  }
  return rules;
}
