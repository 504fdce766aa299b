import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import type { Block, KeepsDocument } from './keeps-document.ts';

/** A printed line as poppler finds it, with the block its words belong to. */
export interface PrintedLine {
  page: number;
  pageHeight: number;
  yMin: number;
  yMax: number;
  xMin: number;
  xMax: number;
  words: string[];
  block: Block | undefined;
}

/** Every line of every page, in page order then top to bottom, from `pdftotext -bbox-layout`. */
export async function printedLines(bytes: Uint8Array, document: KeepsDocument): Promise<PrintedLine[]> {
  const dir = await mkdtemp(join(tmpdir(), 'roneo-keeps-'));
  try {
    const file = join(dir, 'out.pdf');
    await writeFile(file, bytes);
    const pages = await pdfLayout(file);
    const lines = pages.flatMap((page, index) =>
      page.blocks.flatMap((block) =>
        block.lines.map((line) => {
          const words = line.words.map((word) => word.text);
          return { page: index + 1, pageHeight: page.height, xMin: line.xMin, yMin: line.yMin, xMax: line.xMax, yMax: line.yMax, words, block: blockOf(words, document) };
        }),
      ),
    );
    return lines.sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The block most of the line's words come from; list numbers, folios and furniture belong to none. */
function blockOf(words: readonly string[], document: KeepsDocument): Block | undefined {
  const votes = new Map<Block, number>();
  for (const word of words) {
    const block = document.byPrefix.get(clean(word).slice(0, 3));
    if (block && clean(word).length === 4) votes.set(block, (votes.get(block) ?? 0) + 1);
  }
  let best: Block | undefined;
  for (const [block, count] of votes) if (!best || count > votes.get(best)!) best = block;
  return best;
}

export function clean(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, '');
}

/** A visual row: table cells side by side print as separate lines at one height. */
function rows(lines: readonly PrintedLine[]): number {
  return new Set(lines.map((line) => Math.round(line.yMax))).size;
}

function byBlock(lines: readonly PrintedLine[]): Map<Block, PrintedLine[]> {
  const grouped = new Map<Block, PrintedLine[]>();
  for (const line of lines) if (line.block) grouped.set(line.block, [...(grouped.get(line.block) ?? []), line]);
  return grouped;
}

function pagesOf(lines: readonly PrintedLine[]): Map<number, PrintedLine[]> {
  const grouped = new Map<number, PrintedLine[]>();
  for (const line of lines) grouped.set(line.page, [...(grouped.get(line.page) ?? []), line]);
  return grouped;
}

export interface Defect {
  kind: 'stranded heading' | 'orphan' | 'widow' | 'split item' | 'split row';
  prefix: string;
  page: number;
}

/** A heading with fewer than two lines of its section under it on its page (the bottom 15% or not). */
export function strandedHeadings(lines: readonly PrintedLine[]): Defect[] {
  const defects: Defect[] = [];
  for (const [block, own] of byBlock(lines)) {
    if (block.kind !== 'heading') continue;
    const last = own[own.length - 1]!;
    const below = lines.filter((line) => line.page === last.page && line.yMax > last.yMax + 1 && line.block && line.block.kind !== 'heading');
    if (rows(below) < 2) defects.push({ kind: 'stranded heading', prefix: block.prefix, page: last.page });
  }
  return defects;
}

/** A paragraph or list item split with a single line on either side of the break. */
export function widowsAndOrphans(lines: readonly PrintedLine[]): Defect[] {
  const defects: Defect[] = [];
  for (const [block, own] of byBlock(lines)) {
    if (block.kind !== 'paragraph' && block.kind !== 'item') continue;
    const parts = [...pagesOf(own)];
    if (parts.length < 2) continue;
    const [firstPage, first] = parts[0]!;
    const [lastPage, last] = parts[parts.length - 1]!;
    if (rows(first) < 2) defects.push({ kind: 'orphan', prefix: block.prefix, page: firstPage });
    if (rows(last) < 2) defects.push({ kind: 'widow', prefix: block.prefix, page: lastPage });
  }
  return defects;
}

/** A list item or table row of `maxLines` lines or fewer printed on two pages. */
export function splitShortBlocks(lines: readonly PrintedLine[], maxLines: number): Defect[] {
  const defects: Defect[] = [];
  for (const [block, own] of byBlock(lines)) {
    if (block.kind !== 'item' && block.kind !== 'row') continue;
    const parts = [...pagesOf(own)];
    const height = parts.reduce((sum, [, part]) => sum + rows(part), 0);
    if (parts.length > 1 && height <= maxLines) defects.push({ kind: block.kind === 'item' ? 'split item' : 'split row', prefix: block.prefix, page: parts[0]![0] });
  }
  return defects;
}

/** Lines of text printed over each other: in one column, two baselines closer than any leading. */
export function overlaps(lines: readonly PrintedLine[], minGap: number): PrintedLine[][] {
  const found: PrintedLine[][] = [];
  for (const [, page] of pagesOf(lines)) {
    for (let i = 0; i < page.length; i += 1) {
      for (let j = i + 1; j < page.length; j += 1) {
        const [a, b] = [page[i]!, page[j]!];
        const sideBySide = a.xMax <= b.xMin || b.xMax <= a.xMin;
        if (!sideBySide && Math.abs(a.yMax - b.yMax) < minGap) found.push([a, b]);
      }
    }
  }
  return found;
}

/** Each block's words as printed (a row's cells sorted, as they interleave line by line); repeated table headers left out. */
export function printedWords(lines: readonly PrintedLine[]): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const [block, own] of byBlock(lines)) {
    if (block.kind === 'header') continue;
    const list = own.flatMap((line) => line.words.map(clean).filter((word) => word.startsWith(block.prefix)));
    words.set(block.prefix, block.kind === 'row' ? list.sort() : list);
  }
  return words;
}
