import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installEngineFixes } from '../../src/render/engine-fixes.ts';
import { setTextRunsEnabled } from '../../src/render/text-runs.ts';
import { drawnText } from '../helpers/pdf-drawn-text.ts';
import { type Page, pdfLayout } from '../helpers/pdf-layout.ts';
import { pdfObjects, type PdfValue } from '../helpers/pdf-objects.ts';
import { inlines, PAGE, render } from './line-layout-pdf.ts';

/** Justified and ragged text, soft hyphens, styles inside words, a link over several words, a note call, an underline, a highlight, a colour. */
const DEFINITION = {
  ...PAGE,
  content: [
    { text: inlines('Les dis|po|si|tions an|ti|con|sti|tu|tion|nel|le|ment adop|tées, di|sait-on, ont été con|tes|tées par les ha|bi|tants du quar|tier, qui re|ven|di|quaient une ré|ap|pro|pri|a|tion dé|mo|cra|tique de l’es|pace pu|blic.'), alignment: 'justify' },
    { text: inlines('Une as|sem|blée gé|né|rale **ex|tra**or|di|naire s’est te|nue au gym|nase mu|ni|ci|pal, où les dé|lé|gués des co|mi|tés de quar|tier ont ré|af|fir|mé leur op|po|si|tion ir|ré|duc|tible à la pri|va|ti|sa|tion.'), alignment: 'justify' },
    {
      text: [
        'Voir ',
        { text: 'le site du comité de soutien', link: 'https://example.org/soutien', color: '#1f4e9c' },
        ', la note',
        { text: '12', sup: true },
        ', le CO',
        { text: '2', sub: true },
        ' et ',
        { text: 'la liste des signataires', decoration: 'underline' },
        ' puis ',
        { text: 'les rendez-vous', background: '#ffee88' },
        ' de la semaine, en ',
        { text: 'rouge', color: '#b00000' },
        '.',
      ],
    },
    { text: 'Un paragraphe aligné à droite, de plusieurs lignes, pour que chaque ligne commence ailleurs et que rien ne se décale.', alignment: 'right' },
  ],
  defaultStyle: { font: 'Charis SIL', fontSize: 10, lineHeight: 0.9 },
};

interface Drawn {
  pages: Page[];
  drawn: string;
  textObjects: number;
  links: number[][];
}

async function drawn(runs: boolean): Promise<Drawn> {
  installEngineFixes();
  setTextRunsEnabled(runs);
  let bytes: Uint8Array;
  try {
    bytes = await render(DEFINITION);
  } finally {
    setTextRunsEnabled(true);
  }
  const dir = await mkdtemp(join(tmpdir(), 'roneo-runs-'));
  try {
    const file = join(dir, 'runs.pdf');
    await writeFile(file, bytes);
    const objects = await pdfObjects(file);
    const all = objects.all() as Array<Record<string, PdfValue> | null>;
    const page = all.find((o) => o !== null && typeof o === 'object' && o['/Type'] === '/Page')!;
    const content = objects.data(page['/Contents'])!.toString('latin1');
    const links = all
      .filter((o): o is Record<string, PdfValue> => o !== null && typeof o === 'object' && o['/Subtype'] === '/Link')
      .map((o) => o['/Rect'] as number[]);
    return { pages: await pdfLayout(file), drawn: (await drawnText(file)).join('\n'), textObjects: content.match(/^BT$/gm)?.length ?? 0, links };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const words = (pages: Page[]) => pages.flatMap((page) => page.blocks.flatMap((block) => block.lines.flatMap((line) => line.words)));

describe('words drawn in runs of one style', () => {
  let byWord: Drawn;
  let byRun: Drawn;
  beforeAll(async () => {
    byWord = await drawn(false);
    byRun = await drawn(true);
  });
  afterAll(() => setTextRunsEnabled(true));

  it('are drawn with far fewer text objects than one per word', () => {
    expect(byWord.textObjects).toBeGreaterThan(100);
    expect(byRun.textObjects).toBeLessThan(byWord.textObjects / 3);
  });

  it('put every word exactly where pdfmake put it', () => {
    const before = words(byWord.pages);
    const after = words(byRun.pages);
    expect(after.map((word) => word.text)).toEqual(before.map((word) => word.text));
    expect(before.length).toBeGreaterThan(80);
    after.forEach((word, index) => {
      const twin = before[index]!;
      for (const edge of ['xMin', 'xMax', 'yMin', 'yMax'] as const) expect(Math.abs(word[edge] - twin[edge]), `${word.text} ${edge}`).toBeLessThan(0.01);
    });
  });

  it('draw the same characters', () => {
    expect(byRun.drawn).toBe(byWord.drawn);
  });

  it('cover a link with one area spanning the words pdfmake covered one by one', () => {
    expect(byWord.links.length).toBeGreaterThan(1);
    expect(byRun.links.length).toBe(1);
    const [x1, y1, x2, y2] = byRun.links[0]!;
    expect(x1).toBeCloseTo(Math.min(...byWord.links.map((rect) => rect[0]!)), 3);
    expect(x2).toBeCloseTo(Math.max(...byWord.links.map((rect) => rect[2]!)), 3);
    expect(y1).toBeCloseTo(byWord.links[0]![1]!, 3);
    expect(y2).toBeCloseTo(byWord.links[0]![3]!, 3);
  });
});
