import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { type BigDossier, bigDossier } from '../helpers/big-dossier.ts';
import { pdfInfo, type PdfInfo, qpdfCheck } from '../helpers/pdf.ts';
import { type Page, pdfLayout } from '../helpers/pdf-layout.ts';
import { memoryProject } from '../helpers/project.ts';
import { firstOutOfOrder, fold } from './campaign-build.ts';

const run = promisify(execFile);
const A5 = { width: 419.53, height: 595.28 };
/** The running head sits above this line (points from the top); the text block starts at 52. */
const HEAD_ZONE = 45;
const FOLIO = /^\d+( \/ \d+)?$/;

/** Text lines of a page, without the running head and the folio. */
const textLines = (page: Page) =>
  page.blocks
    .flatMap((block) => block.lines)
    .filter((line) => line.yMin > HEAD_ZONE && !FOLIO.test(line.text));

const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;

/**
 * The dossier at the length the issue asks for: about 300 A5 pages of the
 * campaign's chapters, repeated, with about 100 footnotes of which some are
 * long enough to run on to the next page. Built once, read back once.
 */
describe('a dossier of about 300 A5 pages', () => {
  let dossier: BigDossier;
  let result: BuildResult;
  let dir: string;
  let file: string;
  let info: PdfInfo;
  let pages: Page[];
  /** Index of the first page of the dossier's own text (after the contents). */
  let bodyStart: number;

  beforeAll(async () => {
    dossier = await bigDossier({ pages: 300 });
    const world = await memoryProject(dossier.files);
    result = await build({ world, only: [dossier.id] });
    dir = await mkdtemp(join(tmpdir(), 'roneo-scale-'));
    file = join(dir, 'dossier.pdf');
    const bytes = world.files.get(`output/${dossier.id}.pdf`);
    if (!bytes) throw new Error(`the dossier was not built: ${JSON.stringify(result.diagnostics.slice(0, 5))}`);
    await writeFile(file, bytes);
    [info, pages] = await Promise.all([pdfInfo(file), pdfLayout(file)]);
    // The dossier's own text opens on the page its first bookmark, "Introduction", points at.
    const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', file]);
    const outlines = (JSON.parse(stdout) as { outlines: { title: string; destpageposfrom1: number }[] }).outlines;
    bodyStart = (outlines.find((item) => item.title === 'Introduction')?.destpageposfrom1 ?? 0) - 1;
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is made as described: every note defined once and called once', () => {
    const markdown = Object.entries(dossier.files)
      .filter(([path]) => path.startsWith('content/'))
      .map(([, text]) => text)
      .join('\n');
    expect(dossier.footnotes).toBeGreaterThanOrEqual(90);
    expect(dossier.chapterTitles.length).toBeGreaterThan(40);
    expect(new Set(dossier.chapterTitles).size).toBe(dossier.chapterTitles.length);
    for (let n = 1; n <= dossier.footnotes; n += 1) {
      expect(occurrences(markdown, `[^s${n}]:`), `definition of [^s${n}]`).toBe(1);
      expect(occurrences(markdown, `[^s${n}]`), `call and definition of [^s${n}]`).toBe(2);
    }
  });

  it('builds without a diagnostic, in A5, to about 300 pages', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.publications.map((p) => p.id)).toEqual([dossier.id]);
    expect(info.pages).toBe(result.publications[0]!.pages);
    expect(info.width).toBeCloseTo(A5.width, 1);
    expect(info.height).toBeCloseTo(A5.height, 1);
    const [min, max] = dossier.pageRange;
    expect(info.pages).toBeGreaterThanOrEqual(min);
    expect(info.pages).toBeLessThanOrEqual(max);
  });

  it('lists every chapter in the contents, once and in order', () => {
    const first = pages.findIndex((page) => textLines(page).some((line) => line.text === 'Sommaire'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(bodyStart).toBeGreaterThan(first);
    // Titles and their page numbers are two columns: the numbers are left out.
    const contents = fold(
      pages
        .slice(first, bodyStart)
        .flatMap((page) => textLines(page).filter((line) => !/^\d+$/.test(line.text)))
        .map((line) => line.text)
        .join('\n'),
    );
    expect(firstOutOfOrder(contents, dossier.chapterTitles)).toBeUndefined();
    for (const title of dossier.chapterTitles) expect(occurrences(contents, fold(title)), title).toBe(1);
  });

  it('prints every chapter title in the text, in order', () => {
    const body = fold(pages.slice(bodyStart).flatMap(textLines).map((line) => line.text).join('\n'));
    expect(firstOutOfOrder(body, dossier.chapterTitles)).toBeUndefined();
  });

  it('prints every footnote once, from its first words to its last, none lost at a page break', () => {
    const body = fold(pages.slice(bodyStart).flatMap(textLines).map((line) => line.text).join('\n'));
    const found = (phrases: string[]) => phrases.filter((phrase) => occurrences(body, phrase) === 1);
    const missing = (phrases: string[]) => phrases.filter((phrase) => occurrences(body, phrase) !== 1);
    expect(missing(dossier.noteStarts)).toEqual([]);
    expect(missing(dossier.noteEnds)).toEqual([]);
    expect(found(dossier.noteStarts).length).toBe(dossier.footnotes);
    expect(found(dossier.noteEnds).length).toBe(dossier.footnotes);
    // Each note ends after it starts (a note continued on the next page still reads in order).
    dossier.noteStarts.forEach((start, i) => {
      expect(body.indexOf(dossier.noteEnds[i]!), start).toBeGreaterThan(body.indexOf(start));
    });
    // And the case is met: at least one note starts on one page and ends on a later one.
    const texts = pages.map((page) => fold(textLines(page).map((line) => line.text).join('\n')));
    const pageOf = (phrase: string) => texts.findIndex((text) => text.includes(phrase));
    const continued = dossier.noteStarts.filter((start, i) => pageOf(dossier.noteEnds[i]!) > pageOf(start));
    expect(continued.length).toBeGreaterThan(0);
  });

  it('passes qpdf --check', async () => {
    const check = await qpdfCheck(file);
    expect(check.ok, check.output).toBe(true);
    expect(check.output).toContain('No syntax or stream encoding errors found');
  });
});
