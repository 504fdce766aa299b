import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { installEngineFixes } from '../../src/render/engine-fixes.ts';
import { FontSet } from '../../src/render/fonts.ts';
import { installLineLayout, uninstallLineLayout } from '../../src/render/line-layout/install.ts';
import { renderPdf } from '../../src/render/render-pdf.ts';
import { drawnText } from '../helpers/pdf-drawn-text.ts';
import { type Line, pdfLayout } from '../helpers/pdf-layout.ts';
import { memoryProject } from '../helpers/project.ts';

export const SHY = '\u00AD';

/** A5 with the pamphlet's margins: the text block runs from 44 to 375.53. */
export const PAGE = { pageSize: 'A5', pageMargins: [44, 40, 44, 52] };
export const LEFT_EDGE = 44;
export const RIGHT_EDGE = 419.53 - 44;

/**
 * Paragraph text in a light markup: `|` is a soft hyphen, `**…**` bold,
 * `__…__` italic (in pdfmake inlines, so a style change can fall inside a word).
 */
export function inlines(markup: string): Array<string | { text: string; bold?: boolean; italics?: boolean }> {
  return markup
    .replaceAll('|', SHY)
    .split(/(\*\*[^*]+\*\*|__[^_]+__)/)
    .filter((part) => part !== '')
    .map((part) => {
      if (part.startsWith('**')) return { text: part.slice(2, -2), bold: true };
      if (part.startsWith('__')) return { text: part.slice(2, -2), italics: true };
      return part;
    });
}

/** The words of a paragraph as written, soft hyphens kept (they are where it may break). */
export function sourceWords(markup: string): string[] {
  return markup.replace(/\*\*|__/g, '').replaceAll('|', SHY).split(' ').filter((word) => word !== '');
}

let fonts: Promise<FontSet> | undefined;

/** A document definition through Roneo's renderer, as the build hands it over. */
export async function render(definition: Record<string, unknown>): Promise<Uint8Array> {
  fonts ??= memoryProject({}).then((world) => FontSet.load(world, 'fonts', new Diagnostics()));
  const metadata = { title: 'Line layout', lang: 'fr', creator: 'Roneo tests', creationDate: new Date(Date.UTC(2026, 0, 1)) };
  const rendered = await renderPdf({ definition: structuredClone(definition), fonts: await fonts, images: new Map(), metadata });
  return rendered.bytes;
}

export interface ReadBack {
  lines: Line[];
  drawn: string;
}

/** Every text line poppler finds, page after page, with the exact characters drawn. */
export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const dir = await mkdtemp(join(tmpdir(), 'roneo-line-layout-'));
  try {
    const file = join(dir, 'out.pdf');
    await writeFile(file, bytes);
    const pages = await pdfLayout(file);
    return { lines: pages.flatMap((page) => page.blocks.flatMap((block) => block.lines)), drawn: (await drawnText(file)).join('\n') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `work` with pdfmake's own line layout, then puts the fix back. */
export async function withStockPdfmake<T>(work: () => Promise<T>): Promise<T> {
  // Otherwise the first render would install the fix again.
  installEngineFixes();
  uninstallLineLayout();
  try {
    return await work();
  } finally {
    installLineLayout();
  }
}

export interface PlacedLine {
  line: Line;
  paragraph: number;
  /** The paragraph's last line. */
  last: boolean;
  /** How the line ends inside a word: at a soft hyphen, after a compound's own hyphen, or not. */
  broken: 'soft' | 'hard' | undefined;
}

/**
 * Follows the printed lines through the source words. A word must come out
 * as one box, or, broken across lines, as a box ending the line with a
 * hyphen (at a soft hyphen or after a compound's own) and the rest opening
 * the next line. Anything else is a problem.
 */
export function followWords(lines: Line[], paragraphs: string[]): { placed: PlacedLine[]; problems: string[] } {
  const words = paragraphs.map(sourceWords);
  const placed: PlacedLine[] = [];
  const problems: string[] = [];
  let paragraph = 0;
  let index = 0;
  let rest: string | undefined;
  for (const line of lines) {
    const current: PlacedLine = { line, paragraph, last: false, broken: undefined };
    placed.push(current);
    line.words.forEach((box, position) => {
      const source = words[paragraph]?.[index];
      if (source === undefined) {
        problems.push(`"${box.text}" follows the last word`);
        return;
      }
      const whole = source.replaceAll(SHY, '');
      if (rest !== undefined) {
        if (position !== 0 || box.text !== rest) problems.push(`"${box.text}" where the rest of "${whole}" ("${rest}") should open the line "${line.text}"`);
        rest = undefined;
      } else if (box.text !== whole) {
        const cut = position === line.words.length - 1 ? breakOf(source, box.text) : undefined;
        if (cut) {
          rest = cut.rest;
          current.broken = cut.kind;
          return;
        }
        problems.push(`"${box.text}" is not the word "${whole}" (line "${line.text}")`);
      }
      index += 1;
      if (index === words[paragraph]!.length) {
        current.last = true;
        paragraph += 1;
        index = 0;
      }
    });
  }
  if (paragraph < paragraphs.length) problems.push(`paragraph ${paragraph + 1} is not printed whole`);
  return { placed, problems };
}

/** Where a line-final box cuts a source word, if it is a legitimate break. */
function breakOf(source: string, box: string): { kind: 'soft' | 'hard'; rest: string } | undefined {
  for (let at = 0; at < source.length; at += 1) {
    const before = source.slice(0, at).replaceAll(SHY, '');
    const after = source.slice(at + 1).replaceAll(SHY, '');
    if (source[at] === SHY && `${before}-` === box) return { kind: 'soft', rest: after };
    if (source[at] === '-' && `${before}-` === box) return { kind: 'hard', rest: after };
  }
  return undefined;
}

/** Gaps between the boxes of a line. */
export function gaps(line: Line): number[] {
  return line.words.slice(1).map((word, i) => word.xMin - line.words[i]!.xMax);
}
