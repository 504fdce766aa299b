import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Line {
  words: Word[];
  text: string;
  yMin: number;
  yMax: number;
  xMin: number;
  xMax: number;
}

export interface Block {
  lines: Line[];
}

export interface Page {
  width: number;
  height: number;
  blocks: Block[];
}

/** Word boxes, grouped in lines and blocks as poppler sees them (`pdftotext -bbox-layout`). */
export async function pdfLayout(file: string): Promise<Page[]> {
  const dir = await mkdtemp(join(tmpdir(), 'roneo-bbox-'));
  try {
    const out = join(dir, 'layout.html');
    await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, out]);
    return parse(await readFile(out, 'utf8'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const number = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1] ?? 0);
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function parse(html: string): Page[] {
  return [...html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)].map(([, pageTag, pageBody]) => ({
    width: number(pageTag!, 'width'),
    height: number(pageTag!, 'height'),
    blocks: [...pageBody!.matchAll(/<block [^>]*>([\s\S]*?)<\/block>/g)].map(([, blockBody]) => ({
      lines: [...blockBody!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(([, lineTag, lineBody]) => {
        const words = [...lineBody!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map(([, wordTag, text]) => ({
          text: unescape(text!),
          xMin: number(wordTag!, 'xMin'),
          xMax: number(wordTag!, 'xMax'),
          yMin: number(wordTag!, 'yMin'),
          yMax: number(wordTag!, 'yMax'),
        }));
        return {
          words,
          text: words.map((w) => w.text).join(' '),
          xMin: number(lineTag!, 'xMin'),
          xMax: number(lineTag!, 'xMax'),
          yMin: number(lineTag!, 'yMin'),
          yMax: number(lineTag!, 'yMax'),
        };
      }),
    })),
  }));
}
