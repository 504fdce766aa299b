import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnText } from '../helpers/pdf-drawn-text.ts';
import { type Line, type Page, pdfLayout } from '../helpers/pdf-layout.ts';
import { memoryProject, REPO } from '../helpers/project.ts';
import { build } from '../../src/build.ts';
import { buildCampaign, type CampaignBuild } from './campaign-build.ts';

const IDS = ['leaflets/janaozen-anniversaire', 'leaflets/solidarite-janvier-2022', 'pamphlets/janaozen-2011', 'pamphlets/icor-kazakhstan-2022', 'dossier'];
const LETTERS = /[\p{L}\p{M}]+/gu;

/** The campaign's Markdown as prose: to tell a word broken by layout from two words written apart. */
async function campaignProse(): Promise<{ words: Set<string>; prose: string }> {
  let prose = '';
  for (const entry of await readdir(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) prose += `${await readFile(join(entry.parentPath, entry.name), 'utf8')}\n`;
  }
  prose = prose.replace(/[\s\u00A0\u202F]+/g, ' ');
  return { words: new Set(prose.match(LETTERS) ?? []), prose };
}

const letters = (text: string) => (text.match(LETTERS) ?? []).join('');

/** Headings as printed: the Markdown's `#` lines and every title in front matter. */
async function headingTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const entry of await readdir(join(REPO, 'content'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const source = await readFile(join(entry.parentPath, entry.name), 'utf8');
    for (const [, text] of source.matchAll(/^#{1,6} (.+)$/gm)) texts.push(text!);
    const title = /^title: "?(.+?)"?$/m.exec(source)?.[1];
    if (title) texts.push(title);
  }
  return texts.map(letters);
}

/** Folios and running heads sit in the margins; they are not the text a heading introduces. */
function isFurniture(line: Line, page: Page): boolean {
  return /^\d+( \/ \d+)?$/.test(line.text) || line.yMax < page.height * 0.07 || line.yMin > page.height * 0.93;
}

describe('typography measured on the built campaign', () => {
  let campaign: CampaignBuild;
  let layouts: Map<string, Page[]>;
  let drawn: Map<string, string>;
  let source: { words: Set<string>; prose: string };

  beforeAll(async () => {
    campaign = await buildCampaign();
    layouts = new Map(await Promise.all(IDS.map(async (id) => [id, await pdfLayout(campaign.pdf(id))] as const)));
    drawn = new Map(await Promise.all(IDS.map(async (id) => [id, (await drawnText(campaign.pdf(id))).join('\n')] as const)));
    source = await campaignProse();
  });
  afterAll(() => campaign.cleanup());

  it.each(IDS)('%s: a narrow no-break space before every ; ! ? » and after every «', (id) => {
    const text = drawn.get(id)!;
    const missingBefore = [...text.matchAll(/(.)([;!?»])/gu)].filter(([, before]) => before !== '\u202F' && !/[!?]/.test(before!));
    const missingAfter = [...text.matchAll(/«(.)/gu)].filter(([, after]) => after !== '\u202F');
    expect(missingBefore.map((m) => m[0]), 'before ; ! ? »').toEqual([]);
    expect(missingAfter.map((m) => m[0]), 'after «').toEqual([]);
    expect(text).toContain('\u202F');
  });

  it.each(IDS)('%s: no word split into two boxes on one line', (id) => {
    const split: string[] = [];
    for (const page of layouts.get(id)!) {
      for (const block of page.blocks) {
        for (const line of block.lines) {
          for (let i = 1; i < line.words.length; i += 1) {
            const [a, b] = [letters(line.words[i - 1]!.text), letters(line.words[i]!.text)];
            const joined = a + b;
            if (a && b && source.words.has(joined) && !source.prose.includes(`${line.words[i - 1]!.text} ${line.words[i]!.text}`)) split.push(`${line.words[i - 1]!.text}|${line.words[i]!.text}`);
          }
        }
      }
    }
    expect(split).toEqual([]);
  });

  it.each(IDS)('%s: every line that ends inside a word ends with a hyphen', (id) => {
    const unmarked: string[] = [];
    for (const page of layouts.get(id)!) {
      for (const block of page.blocks) {
        for (let i = 1; i < block.lines.length; i += 1) {
          const last = block.lines[i - 1]!.words.at(-1)!.text;
          const first = block.lines[i]!.words[0]!.text;
          if (/[-\u2010]$/.test(last)) continue;
          const [a, b] = [letters(last), letters(first)];
          if (a && b && source.words.has(a + b) && !source.prose.includes(`${last} ${first}`)) unmarked.push(`${last}⏎${first}`);
        }
      }
    }
    expect(unmarked).toEqual([]);
  });

  it.each(IDS)('%s: no heading left at the foot of a page', async (id) => {
    const headings = new Set(await headingTexts());
    const stranded: string[] = [];
    for (const [index, page] of layouts.get(id)!.entries()) {
      const lines = page.blocks.flatMap((b) => b.lines).filter((line) => !isFurniture(line, page));
      lines.forEach((line, i) => {
        if (!headings.has(letters(line.text))) return;
        const below = lines.slice(i + 1).filter((other) => other.yMin > line.yMax);
        if (line.yMax > page.height * 0.85 && below.length === 0) stranded.push(`page ${index + 1}: ${line.text}`);
      });
    }
    expect(stranded).toEqual([]);
  });
});

describe('typography follows each publication’s language', () => {
  it('sets an English leaflet by English rules and a French one by French rules', async () => {
    const body = 'He said "no" ; they said: "yes"! It\'s 10:55...';
    const world = await memoryProject({
      'content/leaflets/en.md': `---\nlayout: leaflet\ntitle: "A \\"quoted\\" title"\nlang: en\n---\n\n${body}\n`,
      'content/leaflets/fr.md': `---\nlayout: leaflet\ntitle: "Un titre \\"cité\\""\nlang: fr\n---\n\n${body}\n`,
    });
    const result = await build({ world });
    expect(result.diagnostics).toEqual([]);
    const dir = await mkdtemp(join(tmpdir(), 'roneo-lang-'));
    try {
      const text = async (id: string) => {
        await writeFile(join(dir, 'x.pdf'), world.files.get(`output/leaflets/${id}.pdf`)!);
        return (await drawnText(join(dir, 'x.pdf'))).join('');
      };
      const english = await text('en');
      expect(english).toContain('A “quoted” title');
      expect(english).toContain('He said “no” ; they said: “yes”! It’s 10:55…');
      expect(english).not.toContain('\u202F');
      const french = await text('fr');
      expect(french).toContain('Un titre «\u202Fcité\u202F»');
      expect(french).toContain('He said «\u202Fno\u202F»\u202F; they said\u00A0: «\u202Fyes\u202F»\u202F! It’s 10:55…');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
