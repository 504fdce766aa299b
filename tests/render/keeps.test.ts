import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installKeeps } from '../../src/render/keeps/install.ts';
import { loadInternals } from '../../src/render/keeps/internals.ts';
import { linesForThisPage } from '../../src/render/keeps/lines.ts';
import { memoryProject, REPO } from '../helpers/project.ts';
import { keepsDocument } from './keeps-document.ts';
import { type PrintedLine, clean, overlaps, printedLines, printedWords, splitShortBlocks, strandedHeadings, widowsAndOrphans } from './keeps-pdf.ts';

/** Long enough (some fifty A5 pages) for every kind of bad break to occur somewhere without the keeps. */
const DOCUMENT = keepsDocument({ sections: 60, seed: 7 });
/** The keeps never split list items or rows this short (they allow six lines). */
const SHORT = 6;

/** The shipped pamphlet layout, or a copy that switches the keeps off with `roneo: { keeps: false }`. */
async function pamphlet(keeps: boolean): Promise<Uint8Array> {
  const layout = await readFile(join(REPO, 'templates/pamphlet.hbs'), 'utf8');
  const loose = layout.replace('    lastPageBare: true,', '    lastPageBare: true,\n    keeps: false,');
  expect(loose).not.toBe(layout);
  const markdown = keeps ? DOCUMENT.markdown : DOCUMENT.markdown.replace('layout: pamphlet', 'layout: loose');
  const world = await memoryProject({ 'content/pamphlets/keeps.md': markdown, 'templates/loose.hbs': loose });
  const result = await build({ world });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const bytes = world.files.get('output/pamphlets/keeps.pdf');
  if (!bytes) throw new Error('no PDF was built');
  return bytes;
}

describe('keeps, read back from a real A5 pamphlet', () => {
  let kept: PrintedLine[];
  let loose: PrintedLine[];

  beforeAll(async () => {
    kept = await printedLines(await pamphlet(true), DOCUMENT);
    loose = await printedLines(await pamphlet(false), DOCUMENT);
  });

  it('is a long document, every block of which is found in the PDF', () => {
    expect(Math.max(...kept.map((line) => line.page))).toBeGreaterThan(30);
    const found = new Set(kept.map((line) => line.block));
    expect(DOCUMENT.blocks.filter((block) => !found.has(block)).map((block) => block.prefix)).toEqual([]);
  });

  it('never leaves a heading without two lines of its section under it', () => {
    expect(strandedHeadings(kept)).toEqual([]);
  });

  it('never leaves a single line of a paragraph at the foot or the head of a page', () => {
    expect(widowsAndOrphans(kept)).toEqual([]);
  });

  it('never splits a short list item or table row', () => {
    expect(splitShortBlocks(kept, SHORT)).toEqual([]);
  });

  it('has every one of those faults without the keeps: the checks can fail', () => {
    const kinds = new Set([...strandedHeadings(loose), ...widowsAndOrphans(loose), ...splitShortBlocks(loose, SHORT)].map((defect) => defect.kind));
    expect([...kinds].sort()).toEqual(['orphan', 'split item', 'split row', 'stranded heading', 'widow']);
  });

  it('loses no text: each block prints the same words, in the same order, with and without keeps', () => {
    const expected = new Map(DOCUMENT.blocks.filter((block) => block.kind !== 'header').map((block) => [block.prefix, block.kind === 'row' ? [...block.words].sort() : block.words]));
    expect(printedWords(kept)).toEqual(expected);
    expect(printedWords(loose)).toEqual(expected);
  });

  it('loses no text anywhere in the PDF: the same words with and without keeps', () => {
    // Folios and list numbers are figures, which clean() drops; a table's header repeats on every page it spans.
    const headers = new Set(DOCUMENT.blocks.filter((block) => block.kind === 'header').map((block) => block.prefix));
    const all = (lines: PrintedLine[]) => lines.flatMap((line) => line.words.map(clean)).filter((word) => word !== '' && !headers.has(word.slice(0, 3))).sort();
    expect(all(kept)).toEqual(all(loose));
    const source = DOCUMENT.blocks.filter((block) => block.kind !== 'header').flatMap((block) => block.words).sort();
    expect(all(kept).filter((word) => DOCUMENT.byPrefix.has(word.slice(0, 3)))).toEqual(source);
  });

  it('prints the blocks in source order', () => {
    const order = (lines: PrintedLine[]) => [...new Set(lines.flatMap((line) => (line.block && line.block.kind !== 'header' ? [line.block.prefix] : [])))];
    const source = DOCUMENT.blocks.filter((block) => block.kind !== 'header').map((block) => block.prefix);
    expect(order(kept)).toEqual(source);
  });

  it('leaves no page without text and sets no line over another', () => {
    const pages = new Set(kept.filter((line) => line.block).map((line) => line.page));
    const last = Math.max(...pages);
    for (let page = 2; page <= last; page += 1) expect(pages.has(page), `page ${page}`).toBe(true);
    expect(overlaps(kept.filter((line) => line.block), 6)).toEqual([]);
  });

  it('costs few pages: a keep moves a block to the next page, no further', () => {
    const pages = (lines: PrintedLine[]) => Math.max(...lines.map((line) => line.page));
    expect(pages(kept) - pages(loose)).toBeLessThanOrEqual(Math.ceil(pages(loose) / 10));
    expect(pages(kept)).toBeGreaterThanOrEqual(pages(loose));
  });
});

describe('where a paragraph breaks', () => {
  // [lines that fit, lines left, can move] → lines set on this page (0: the paragraph moves whole)
  it.each([
    [5, 5, true, 5],
    [1, 2, true, 0],
    [2, 3, true, 0],
    [1, 3, true, 0],
    [3, 4, true, 2],
    [2, 4, true, 2],
    [4, 5, true, 3],
    [1, 9, true, 0],
    [8, 9, true, 7],
    [30, 31, false, 29],
    [1, 9, false, 1],
    [2, 3, false, 2],
  ])('%i of %i lines fit (can move: %s): %i set here', (fit, remaining, canMove, expected) => {
    expect(linesForThisPage(fit, remaining, canMove)).toBe(expected);
  });
});

describe('installing the keeps', () => {
  const real = createRequire(import.meta.url);

  it('replaces pdfmake\'s methods once, however often it is called', () => {
    installKeeps();
    const { layoutBuilder, tableProcessor } = loadInternals();
    const methods = [layoutBuilder.processLeaf, layoutBuilder.processNode, layoutBuilder.buildNextLine, tableProcessor.beginRow];
    installKeeps();
    expect([layoutBuilder.processLeaf, layoutBuilder.processNode, layoutBuilder.buildNextLine, tableProcessor.beginRow]).toEqual(methods);
  });

  it('refuses another pdfmake than 0.3.x', () => {
    const newer = (id: string) => (id === 'pdfmake/package.json' ? { version: '0.4.0' } : real(id));
    expect(() => loadInternals(newer)).toThrow(/pdfmake 0\.4\.0 is installed, but the keeps \(src\/render\/keeps\) replace layout methods of pdfmake 0\.3\.x/);
  });

  it('refuses a pdfmake whose layout lacks a method the keeps replace', () => {
    const changed = (id: string) => {
      if (id !== 'pdfmake/js/TableProcessor.js') return real(id);
      class TableProcessor {
        beginTable(): void {}
      }
      return { default: TableProcessor };
    };
    expect(() => loadInternals(changed)).toThrow(/TableProcessor\.beginRow, TableProcessor\.drawHorizontalLine no longer exist/);
  });
});
