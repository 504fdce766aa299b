import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { build } from '../../src/build.ts';
import { memoryProject, REPO } from '../helpers/project.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfLayout, type Page } from '../helpers/pdf-layout.ts';
import { buildCampaign, type CampaignBuild, fold } from './campaign-build.ts';

const run = promisify(execFile);

interface OutlineItem {
  title: string;
  page: number;
  kids: OutlineItem[];
}

async function outline(file: string): Promise<OutlineItem[]> {
  const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', file]);
  type Raw = { title: string; destpageposfrom1: number; kids: Raw[] };
  const convert = (items: Raw[]): OutlineItem[] => items.map((i) => ({ title: i.title, page: i.destpageposfrom1, kids: convert(i.kids) }));
  return convert((JSON.parse(stdout) as { outlines: Raw[] }).outlines);
}

/** The dossier's own sections, its two chapters, and the sections of the second (the first has none). */
const SECTIONS = ['Introduction', 'Chronologie', 'Signataires', 'Sources'];
const CHAPTERS = ['Journée historique au Kazakhstan', 'Solidarité avec les travailleurs et les masses populaires au Kazakhstan'];
const SECOND_CHAPTER_SECTIONS = ['Halte aux méthodes fascistes de répression', 'Signataires'];

const pageText = (page: Page) => fold(page.blocks.flatMap((b) => b.lines.map((l) => l.text)).join('\n'));

describe('finding one’s way in the dossier', () => {
  let campaign: CampaignBuild;
  let pages: Page[];
  beforeAll(async () => {
    campaign = await buildCampaign();
    pages = await pdfLayout(campaign.pdf('dossier'));
  });
  afterAll(() => campaign.cleanup());

  it('gives each contents entry the page its heading is printed on', () => {
    const contents = pages.findIndex((page) => page.blocks.some((b) => b.lines.some((l) => l.text === 'Sommaire')));
    expect(contents).toBeGreaterThanOrEqual(0);
    // Titles and page numbers are two columns: pair each number with the title on its baseline.
    const page = pages[contents]!;
    const lines = page.blocks.flatMap((b) => b.lines);
    const middle = (line: (typeof lines)[number]) => (line.yMin + line.yMax) / 2;
    const entries = lines
      .filter((line) => /^\d+$/.test(line.text) && line.xMin > page.width / 2)
      .sort((a, b) => a.yMin - b.yMin)
      .map((number) => ({
        title: lines.find((line) => line.xMin < page.width / 2 && Math.abs(middle(line) - middle(number)) < 3)?.text ?? '',
        page: Number(number.text),
      }));
    expect(entries.map((e) => e.title)).toEqual([...SECTIONS, ...CHAPTERS, ...SECOND_CHAPTER_SECTIONS]);
    for (const entry of entries) {
      expect(pageText(pages[entry.page - 1]!), `${entry.title} on page ${entry.page}`).toContain(fold(entry.title));
      // And not on the page before: the number is where the heading is, not where its section ends.
      if (entry.page > contents + 2) expect(pageText(pages[entry.page - 2]!).endsWith(fold(entry.title))).toBe(false);
    }
  });

  it('lists the dossier’s own sections at the level of its chapters, as the bookmarks do, and a chapter’s sections indented under it', () => {
    const page = pages.find((p) => p.blocks.some((b) => b.lines.some((l) => l.text === 'Sommaire')))!;
    const lines = page.blocks.flatMap((b) => b.lines);
    // "Signataires" is both one of the dossier's sections and one of the second chapter's: first and last entries.
    const indent = (title: string, which: 'first' | 'last') => lines[which === 'first' ? 'find' : 'findLast']((line) => line.text === title)?.xMin;
    const chapter = indent(CHAPTERS[0]!, 'first')!;
    for (const title of SECTIONS) expect(indent(title, 'first'), title).toBeCloseTo(chapter, 0);
    for (const title of SECOND_CHAPTER_SECTIONS) expect(indent(title, 'last')!, title).toBeGreaterThan(chapter + 10);
  });

  it('has bookmarks for chapters with their sections nested, pointing at their pages', async () => {
    const items = await outline(campaign.pdf('dossier'));
    expect(items.map((i) => i.title)).toEqual([...SECTIONS, ...CHAPTERS, 'Colophon']);
    expect(items.at(-2)!.kids.map((k) => k.title)).toEqual(SECOND_CHAPTER_SECTIONS);
    for (const item of [...items, ...items.flatMap((i) => i.kids)]) {
      expect(pageText(pages[item.page - 1]!), `${item.title} on page ${item.page}`).toContain(fold(item.title));
    }
  });

  it('runs the current chapter’s title in the head, except on the cover and where a chapter (or the colophon) opens', async () => {
    const chapters = CHAPTERS;
    const items = await outline(campaign.pdf('dossier'));
    const openings = [...chapters, 'Colophon'].map((title) => items.find((item) => item.title === title)!.page);
    const head = (page: Page) =>
      page.blocks
        .flatMap((b) => b.lines)
        .filter((line) => line.yMax < 50)
        .map((line) => line.text)
        .join(' ');
    pages.forEach((page, index) => {
      const number = index + 1;
      const text = head(page);
      if (number === 1 || openings.includes(number)) {
        expect(text, `page ${number}`).toBe('');
        return;
      }
      expect(text, `page ${number}`).toContain('Kazakhstan : la classe ouvrière face à la répression');
      const chapter = chapters.filter((_, i) => openings[i]! <= number).at(-1);
      if (chapter) expect(text, `page ${number}`).toContain(chapter);
      else for (const title of chapters) expect(text, `page ${number}`).not.toContain(title);
    });
  });

  it('leaves leaflets and pamphlets without bookmarks their layouts did not ask for', async () => {
    expect(await outline(campaign.pdf('leaflets/janaozen-anniversaire'))).toEqual([]);
  });
});

describe('a dossier made for print', () => {
  it('opens every chapter on a right-hand page, and leaves the pages skipped for it blank', async () => {
    const files: Record<string, string> = {};
    for (const entry of await readdir(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files[relative(REPO, join(entry.parentPath, entry.name))] = await readFile(join(entry.parentPath, entry.name), 'utf8');
    }
    files['content/dossier.md'] = files['content/dossier.md']!.replace('layout: dossier\n', 'layout: dossier\nprint: true\n');
    const world = await memoryProject(files);
    const result = await build({ world, only: ['dossier'] });
    expect(result.diagnostics).toEqual([]);
    const dir = await mkdtemp(join(tmpdir(), 'roneo-print-'));
    try {
      const file = join(dir, 'dossier.pdf');
      await writeFile(file, world.files.get('output/dossier.pdf')!);
      const items = await outline(file);
      const openings = CHAPTERS.map((title) => items.find((item) => item.title === title)!.page);
      for (const page of openings) expect(page % 2, `chapter on page ${page}`).toBe(1);
      const printed = await pdfLayout(file);
      const blank = printed.map((page, index) => ({ index: index + 1, lines: page.blocks.flatMap((b) => b.lines) })).filter((p) => p.lines.length === 0);
      // The first chapter would open on page 4 and the second on page 8 without print: true, so pages were skipped.
      expect(blank.length).toBeGreaterThan(0);
      for (const { index } of blank) expect(openings, `blank page ${index} precedes an opening`).toContain(index + 1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
