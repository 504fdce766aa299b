import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { installLineLayout, lineLayoutInstalled, uninstallLineLayout } from '../../src/render/line-layout/install.ts';
import { drawnText } from '../helpers/pdf-drawn-text.ts';
import { type Line, type Page, pdfLayout } from '../helpers/pdf-layout.ts';
import { memoryProject } from '../helpers/project.ts';

/** Long words, compounds and styled runs: everything pdfmake used to stretch inside words. */
const PARAGRAPHS = [
  'Les travailleurs, disait-on, réclamaient anticonstitutionnellement la renationalisation des entreprises pétrolières et gazières, peut-être aussi la reconnaissance internationale de leurs organisations syndicales indépendantes.',
  'Une **grève** *générale* et **interprofessionnelle** paralysait les installations de transformation, les raffineries et les administrations régionales, tandis que les manifestations quotidiennes réunissaient des dizaines de milliers de participants déterminés.',
  'Les représentants gouvernementaux refusèrent toute négociation véritablement contradictoire, préférant les interventions policières systématiques et les arrestations arbitraires de responsables syndicaux particulièrement expérimentés.',
];

const PAMPHLET = `---\nlayout: pamphlet\ntitle: Justification\nlang: fr\n---\n\n${PARAGRAPHS.join('\n\n')}\n`;
/** The pamphlet's text block: A5 width less its side margins (templates/pamphlet.hbs). */
const RIGHT_EDGE = 419.53 - 44;

async function buildPamphlet(): Promise<{ layout: Page[]; drawn: string; cleanup: () => Promise<void> }> {
  const world = await memoryProject({ 'content/pamphlets/j.md': PAMPHLET });
  const result = await build({ world });
  expect(result.diagnostics).toEqual([]);
  const dir = await mkdtemp(join(tmpdir(), 'roneo-justify-'));
  const file = join(dir, 'j.pdf');
  await writeFile(file, world.files.get('output/pamphlets/j.pdf')!);
  return { layout: await pdfLayout(file), drawn: (await drawnText(file)).join('\n'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The text lines of the paragraphs, block by block (cover and folios excluded). */
function paragraphBlocks(pages: Page[]): Line[][] {
  return pages.flatMap((page) => page.blocks.map((block) => block.lines)).filter((lines) => lines.length > 1 && lines[0]!.words.length > 4);
}

const SOURCE_WORDS = new Set(PARAGRAPHS.join(' ').replace(/\*/g, '').split(/\s+/));

describe('justified text with the line-layout fix', () => {
  let pamphlet: Awaited<ReturnType<typeof buildPamphlet>>;
  beforeAll(async () => {
    pamphlet = await buildPamphlet();
  });
  afterAll(() => pamphlet.cleanup());

  it('is installed', () => {
    expect(lineLayoutInstalled()).toBe(true);
  });

  it('ends every line but the last of a paragraph flush at the right margin', () => {
    const blocks = paragraphBlocks(pamphlet.layout);
    expect(blocks.length).toBe(PARAGRAPHS.length);
    for (const lines of blocks) {
      for (const line of lines.slice(0, -1)) expect(Math.abs(line.xMax - RIGHT_EDGE), line.text).toBeLessThan(0.6);
      expect(lines.at(-1)!.xMax, 'last line ragged').toBeLessThan(RIGHT_EDGE - 5);
    }
  });

  it('prints each word as one box, whole or hyphenated at a line end', () => {
    for (const lines of paragraphBlocks(pamphlet.layout)) {
      lines.forEach((line, index) => {
        line.words.forEach((word, position) => {
          const atLineEnd = position === line.words.length - 1 && index < lines.length - 1;
          const atLineStart = position === 0 && index > 0;
          if (SOURCE_WORDS.has(word.text)) return;
          // A broken word: its first part ends the line with a hyphen, its second part starts the next.
          expect(atLineEnd && word.text.endsWith('-') || atLineStart, `${word.text} in "${line.text}"`).toBe(true);
        });
      });
    }
  });

  it('spreads the extra width evenly over the spaces between words only', () => {
    for (const lines of paragraphBlocks(pamphlet.layout)) {
      for (const line of lines.slice(0, -1)) {
        const gaps = line.words.slice(1).map((word, i) => word.xMin - line.words[i]!.xMax);
        expect(Math.max(...gaps) - Math.min(...gaps), line.text).toBeLessThan(0.8);
      }
    }
  });

  it('draws a visible hyphen where a word breaks, never a soft hyphen', () => {
    expect(pamphlet.drawn).not.toContain('\u00AD');
    const broken = paragraphBlocks(pamphlet.layout).flatMap((lines) => lines.slice(0, -1).map((line) => line.words.at(-1)!.text));
    expect(broken.some((word) => /\p{L}-$/u.test(word) && !SOURCE_WORDS.has(word))).toBe(true);
  });
});

describe('the same text without the fix', () => {
  it('opens gaps inside words and breaks words without a hyphen: the checks above can fail', async () => {
    uninstallLineLayout();
    try {
      const pamphlet = await buildPamphlet();
      try {
        const words = paragraphBlocks(pamphlet.layout).flatMap((lines) => lines.flatMap((line) => line.words.map((w) => w.text)));
        expect(words.filter((word) => !SOURCE_WORDS.has(word) && !word.endsWith('-')).length).toBeGreaterThan(0);
      } finally {
        await pamphlet.cleanup();
      }
    } finally {
      installLineLayout();
    }
  });
});
