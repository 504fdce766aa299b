import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import { qpdfCheck } from '../helpers/pdf.ts';
import { pdfLayout, type Line, type Page } from '../helpers/pdf-layout.ts';
import { linkDestinationsByPage } from '../helpers/pdf-links.ts';
import { grayPage, horizontalRules, type Rule } from '../helpers/page-raster.ts';
import { REPO, tempProject } from '../helpers/project.ts';

/**
 * Notes are written with their own words ("glose", "vu", "dit") and
 * markers ("N1.3a" where a note starts, "N1.3z" where it ends), the text
 * with others, so a line read back from the page tells which it belongs to.
 */
const NOTE_WORDS = new Set(['glose', 'vu', 'dit']);
const BODY = 'Les grévistes du pétrole tiennent bon sur la place depuis des mois et la ville entière les soutient.';

const note = (id: string, words: number) => `N${id}a ${Array.from({ length: words }, (_, i) => ['glose', 'vu', 'dit'][i % 3]).join(' ')} N${id}z.`;
const paragraph = (sentences: number, mark = '') => `${Array.from({ length: sentences }, () => BODY).join(' ')}${mark}`;

/** Chapter 1: many notes of every length, two long enough to run on; chapter 2: notes in a table, a list and a note. */
function chapterOne(): string {
  const lengths = [6, 30, 4, 1300, 12, 8, 60, 5, 1100, 10, 3, 40];
  const parts = ['---', 'title: Premier chapitre', 'lang: fr', '---', ''];
  lengths.forEach((_, index) => parts.push(paragraph(5 + (index % 4) * 2, `[^n${index + 1}]`), ''));
  lengths.forEach((words, index) => parts.push(`[^n${index + 1}]: ${note(`1.${index + 1}`, words)}`, ''));
  return parts.join('\n');
}

function chapterTwo(): string {
  return [
    '---',
    'title: Second chapitre',
    'lang: fr',
    '---',
    '',
    paragraph(3, '[^a]'),
    '',
    '| Ville | Grévistes |',
    '|:--|--:|',
    '| Janaözen[^b] | 16 000 |',
    '',
    '- Une revendication[^c]',
    '- Une autre',
    '',
    paragraph(4),
    '',
    `[^a]: ${note('2.1', 12)}`,
    '',
    `[^b]: ${note('2.2', 8)}`,
    '',
    `[^c]: ${note('2.3', 8)} Voir aussi[^d].`,
    '',
    `[^d]: ${note('2.4', 6)}`,
    '',
  ].join('\n');
}

const DOSSIER = ['---', 'layout: dossier', 'title: Notes de bas de page', 'lang: fr', 'include:', '  - one.md', '  - two.md', '---', '', '## Avant-propos', '', paragraph(2, '[^x]'), '', `[^x]: ${note('0.1', 9)}`, ''].join('\n');

interface Marked {
  page: number;
  line: Line;
}

describe('footnotes at the foot of the page', () => {
  let cleanup: () => Promise<void>;
  let result: BuildResult;
  let pdf: string;
  let pages: Page[];
  let links: string[][];
  let rules: Array<Rule | undefined>;
  /** Where each marker is read: N1.3a → page and line. */
  const markers = new Map<string, Marked>();

  beforeAll(async () => {
    const project = await tempProject({ files: { 'content/dossier.md': DOSSIER, 'content/one.md': chapterOne(), 'content/two.md': chapterTwo() } });
    cleanup = project.cleanup;
    result = await build({ world: createNodeWorld(project.root), only: ['dossier'] });
    pdf = join(project.root, 'output/dossier.pdf');
    pages = await pdfLayout(pdf);
    links = await linkDestinationsByPage(pdf);
    rules = [];
    for (let index = 0; index < pages.length; index += 1) {
      // The rule above the notes: ink at least 100 pt long (the cover, page 1, has a rule of its own).
      rules.push(index === 0 ? undefined : horizontalRules(await grayPage(pdf, index + 1), 100).at(-1));
    }
    pages.forEach((page, index) => {
      for (const line of page.blocks.flatMap((block) => block.lines)) {
        for (const word of line.words) {
          const marker = /^N(\d+\.\d+[az])\.?$/.exec(word.text)?.[1];
          if (marker) markers.set(marker, { page: index + 1, line });
        }
      }
    });
  }, 60_000);
  afterAll(() => cleanup());

  const noteIds = () => [...markers.keys()].filter((key) => key.endsWith('a')).map((key) => key.slice(0, -1));

  it('builds a clean PDF without a diagnostic', async () => {
    expect(result.diagnostics).toEqual([]);
    expect((await qpdfCheck(pdf)).ok).toBe(true);
  });

  it('loses no note: each one’s first and last words are printed', () => {
    const expected = ['0.1', ...Array.from({ length: 12 }, (_, i) => `1.${i + 1}`), '2.1', '2.2', '2.3', '2.4'];
    for (const id of expected) {
      expect(markers.has(`${id}a`), `N${id}a`).toBe(true);
      expect(markers.has(`${id}z`), `N${id}z`).toBe(true);
    }
    expect(noteIds().sort()).toEqual([...expected].sort());
  });

  it('starts every note on the page of its reference mark', () => {
    const destinations = links.flatMap((onPage, index) => onPage.filter((d) => /-fn-\d+$/.test(d)).map((d) => ({ d, page: index + 1 })));
    // One reference per note, from the dossier's own text, the two chapters, a table, a list and a note.
    expect(destinations).toHaveLength(17);
    const byChapter = new Map<string, string[]>();
    for (const { d } of destinations) {
      const chapter = d.split('-')[0]!;
      byChapter.set(chapter, [...(byChapter.get(chapter) ?? []), d]);
    }
    for (const { d, page } of destinations) {
      const [, chapter, number] = /^c(\d+)-fn-(\d+)$/.exec(d)!;
      const start = markers.get(`${chapter}.${number}a`);
      expect(start?.page, `${d} is referenced on page ${page}`).toBe(page);
    }
  });

  it('sets the notes under a rule at the foot, with no text below it', () => {
    const pagesWithNotes = new Set([...markers.values()].map((marked) => marked.page));
    expect(pagesWithNotes.size).toBeGreaterThan(3);
    for (const page of pagesWithNotes) {
      const rule = rules[page - 1];
      expect(rule, `a rule on page ${page}`).toBeDefined();
      const lines = pages[page - 1]!.blocks.flatMap((block) => block.lines);
      const textBottom = pages[page - 1]!.height - 64;
      for (const line of lines) {
        if (line.yMin > textBottom) continue; // the folio
        const words = line.text.split(/\s+/).map((word) => word.replace(/[.,]$/, '')).filter((word) => word !== '');
        const isNote = words.every((word) => NOTE_WORDS.has(word) || /^N\d+\.\d+[az]$/.test(word) || /^\d+$/.test(word) || /^(Voir|aussi\d*)$/.test(word));
        if (line.yMin > rule!.y) expect(isNote, `page ${page}: “${line.text}” is under the rule`).toBe(true);
        else expect(isNote && words.some((word) => NOTE_WORDS.has(word)), `page ${page}: “${line.text}” is above the rule`).toBe(false);
      }
    }
  });

  it('continues a note too long for its page at the foot of the next, under a rule across the text', () => {
    const continued = noteIds().filter((id) => markers.get(`${id}z`)!.page > markers.get(`${id}a`)!.page);
    expect(continued.length).toBeGreaterThan(0);
    for (const id of continued) {
      const end = markers.get(`${id}z`)!;
      expect(end.page, `N${id} runs on one page at most`).toBe(markers.get(`${id}a`)!.page + 1);
      const rule = rules[end.page - 1]!;
      expect(end.line.yMin).toBeGreaterThan(rule.y);
      // A continued note is marked by a rule the width of the text (451 pt on A4 with these margins).
      expect(rule.x1 - rule.x0).toBeGreaterThan(400);
    }
  });

  it('numbers the notes from 1 in each chapter, the number hanging before the note', () => {
    const numberOf = (id: string) => {
      const { page, line } = markers.get(`${id}a`)!;
      const marker = line.words.find((word) => word.text.startsWith(`N${id}a`))!;
      // The number hangs to the left of the note's first word, level with it (poppler may read both as one line).
      const words = pages[page - 1]!.blocks.flatMap((block) => block.lines.flatMap((other) => other.words));
      return words
        .filter((word) => /^\d+$/.test(word.text) && Math.abs(word.yMin - marker.yMin) < 2 && word.xMax <= marker.xMin)
        .sort((a, b) => b.xMax - a.xMax)[0]?.text;
    };
    expect(numberOf('0.1')).toBe('1');
    expect(numberOf('1.1')).toBe('1');
    expect(numberOf('1.12')).toBe('12');
    expect(numberOf('2.1')).toBe('1');
    expect(numberOf('2.4')).toBe('4');
  });
});

describe('footnotes at the end of the chapter, when the layout says so', () => {
  it('prints them under a Notes heading after the text, and nothing at the foot', async () => {
    const template = (await readFile(join(REPO, 'templates/pamphlet.hbs'), 'utf8')).replace(/roneo: \{/, 'roneo: { footnotes: "chapter",');
    expect(template).toContain('footnotes: "chapter"');
    const project = await tempProject({
      files: {
        'templates/endnotes.hbs': template,
        'content/pamphlets/notes.md': ['---', 'layout: endnotes', 'title: Notes en fin', 'lang: fr', '---', '', paragraph(2, '[^a]'), '', paragraph(1), '', `[^a]: ${note('0.1', 9)}`, ''].join('\n'),
      },
    });
    try {
      const built = await build({ world: createNodeWorld(project.root) });
      expect(built.diagnostics).toEqual([]);
      const file = join(project.root, 'output/pamphlets/notes.pdf');
      const lines = (await pdfLayout(file)).flatMap((page) => page.blocks.flatMap((block) => block.lines.map((line) => line.text)));
      const lastBody = lines.findLastIndex((line) => line.includes('soutient'));
      const heading = lines.indexOf('Notes');
      expect(heading).toBeGreaterThan(lastBody);
      expect(lines.findIndex((line) => line.includes('N0.1a'))).toBeGreaterThan(heading);
    } finally {
      await project.cleanup();
    }
  });
});
