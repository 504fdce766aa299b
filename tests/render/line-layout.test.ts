import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installLineLayout, lineLayoutInstalled } from '../../src/render/line-layout/install.ts';
import {
  followWords,
  gaps,
  inlines,
  LEFT_EDGE,
  PAGE,
  readBack,
  render,
  type ReadBack,
  RIGHT_EDGE,
  SHY,
  withStockPdfmake,
} from './line-layout-pdf.ts';

/**
 * Soft hyphens (`|`) in the long words, compounds with their own hyphen,
 * and style changes inside words: every place pdfmake cuts a word into
 * several inlines.
 */
const PARAGRAPHS = [
  'Les dis|po|si|tions an|ti|con|sti|tu|tion|nel|le|ment adop|tées, di|sait-on, ont été con|tes|tées par les ha|bi|tants du quar|tier, qui re|ven|di|quaient peut-être une ré|ap|pro|pri|a|tion dé|mo|cra|tique de l’es|pace pu|blic et des ser|vices de proxi|mi|té.',
  'Une as|sem|blée gé|né|rale **ex|tra**or|di|naire s’est te|nue au gym|nase mu|ni|ci|pal, où les dé|lé|gués des co|mi|tés de quar|tier ont ré|af|fir|mé leur op|po|si|tion ir|ré|duc|tible à la pri|va|ti|sa|tion **bo**ld des trans|ports ur|bains et à la dé|ré|gle|men|ta|tion.',
  'Les re|pré|sen|tants gou|ver|ne|men|taux, di|sait-on en|core, re|fu|sèrent toute né|go|cia|tion vé|ri|ta|ble|ment contra|dic|toire, pré|fé|rant les in|ter|ven|tions sys|té|ma|tiques et les ar|res|ta|tions ar|bi|traires de res|pon|sables syn|di|caux par|ti|cu|liè|re|ment ex|pé|ri|men|tés.',
];

function document(alignment: string, paragraphs = PARAGRAPHS): Record<string, unknown> {
  return {
    ...PAGE,
    content: paragraphs.map((markup) => ({ text: inlines(markup), margin: [0, 0, 0, 10] })),
    defaultStyle: { font: 'Charis SIL', fontSize: 10, lineHeight: 0.8, alignment },
  };
}

describe('justified text with the line layout fix', () => {
  let justified: ReadBack;
  let ragged: ReadBack;
  beforeAll(async () => {
    justified = await readBack(await render(document('justify')));
    ragged = await readBack(await render(document('left')));
  });

  it('is installed in place of pdfmake’s methods', () => {
    expect(lineLayoutInstalled()).toBe(true);
    installLineLayout();
    expect(lineLayoutInstalled()).toBe(true);
  });

  it('prints every word as one box, or broken across lines with a hyphen', () => {
    const { placed, problems } = followWords(justified.lines, PARAGRAPHS);
    expect(problems).toEqual([]);
    expect(placed.filter((line) => line.broken === 'soft').length).toBeGreaterThanOrEqual(3);
  });

  it('ends every line but a paragraph’s last flush with the right margin; the last stays ragged', () => {
    const { placed } = followWords(justified.lines, PARAGRAPHS);
    for (const { line, last } of placed) {
      expect(line.xMin, line.text).toBeCloseTo(LEFT_EDGE, 1);
      if (last) expect(line.xMax, line.text).toBeLessThan(RIGHT_EDGE - 20);
      else expect(Math.abs(line.xMax - RIGHT_EDGE), line.text).toBeLessThan(0.5);
    }
    expect(placed.filter((line) => line.last).length).toBe(PARAGRAPHS.length);
  });

  it('spreads the extra width evenly over the spaces between words', () => {
    const { placed } = followWords(justified.lines, PARAGRAPHS);
    for (const { line, last } of placed.filter((line) => !line.last)) {
      const spaces = gaps(line);
      expect(Math.max(...spaces) - Math.min(...spaces), line.text).toBeLessThan(0.5);
      expect(last).toBe(false);
    }
  });

  it('opens no gap inside a word: each word is exactly as wide as when set ragged', () => {
    // Alignment does not move line breaks, so the two settings have the same lines.
    expect(justified.lines.map((line) => line.words.map((word) => word.text))).toEqual(ragged.lines.map((line) => line.words.map((word) => word.text)));
    justified.lines.forEach((line, l) => {
      line.words.forEach((word, w) => {
        const twin = ragged.lines[l]!.words[w]!;
        expect(Math.abs(word.xMax - word.xMin - (twin.xMax - twin.xMin)), word.text).toBeLessThan(0.05);
      });
    });
  });

  it('draws hyphens, never a soft hyphen, and nothing past the margin', () => {
    for (const { drawn, lines } of [justified, ragged]) {
      expect(drawn).not.toContain(SHY);
      expect(drawn).toMatch(/\p{L}-/u);
      for (const line of lines) expect(line.xMax, line.text).toBeLessThanOrEqual(RIGHT_EDGE + 0.01);
    }
    const { problems, placed } = followWords(ragged.lines, PARAGRAPHS);
    expect(problems).toEqual([]);
    expect(placed.some((line) => line.broken === 'soft')).toBe(true);
  });
});

describe('soft hyphens', () => {
  it('take no room and draw nothing where the line does not break', async () => {
    const words = 'Le mot an|ti|con|sti|tu|tion|nel|le|ment reste en|tier ici.';
    const plain = words.replaceAll('|', '');
    const [soft, none] = await Promise.all([render(document('left', [words])), render(document('left', [plain]))]).then((pdfs) => Promise.all(pdfs.map(readBack)));
    expect(soft!.drawn).toBe(none!.drawn);
    expect(soft!.lines.map((line) => line.text)).toEqual(none!.lines.map((line) => line.text));
    soft!.lines.forEach((line, l) => {
      line.words.forEach((word, w) => {
        const twin = none!.lines[l]!.words[w]!;
        expect(word.xMin, word.text).toBeCloseTo(twin.xMin, 3);
        expect(word.xMax, word.text).toBeCloseTo(twin.xMax, 3);
      });
    });
  });

  it('never push a hyphen past the margin, whatever the measure', async () => {
    // One paragraph per measure, 0.4pt apart: somewhere a syllable fits only without its hyphen.
    const measures = Array.from({ length: 36 }, (_, i) => i * 0.4);
    const paragraphs = measures.map((_, i) => PARAGRAPHS[i % PARAGRAPHS.length]!);
    const definition = {
      ...PAGE,
      content: paragraphs.map((markup, i) => ({
        text: inlines(markup),
        margin: [0, 0, measures[i], 8],
        alignment: i % 2 === 0 ? 'justify' : 'left',
        characterSpacing: i % 3 === 0 ? 0.3 : 0,
      })),
      defaultStyle: { font: 'Charis SIL', fontSize: 10, lineHeight: 0.8 },
    };
    const { lines } = await readBack(await render(definition));
    const { placed, problems } = followWords(lines, paragraphs);
    expect(problems).toEqual([]);
    expect(placed.filter((line) => line.broken === 'soft').length).toBeGreaterThan(measures.length);
    for (const { line, paragraph } of placed) expect(line.xMax, line.text).toBeLessThanOrEqual(RIGHT_EDGE - measures[paragraph]! + 0.01);
  });
});

describe('stock pdfmake, for comparison', () => {
  let stock: ReadBack;
  beforeAll(async () => {
    stock = await withStockPdfmake(async () => {
      expect(lineLayoutInstalled()).toBe(false);
      return readBack(await render(document('justify')));
    });
  });
  afterAll(() => {
    expect(lineLayoutInstalled()).toBe(true);
  });

  it('fails the checks above: words cut into boxes, breaks without a hyphen, uneven gaps', () => {
    const { placed, problems } = followWords(stock.lines, PARAGRAPHS);
    expect(problems.length).toBeGreaterThan(5);
    expect(problems[0]).toMatch(/^"dis" is not the word "dispositions"/);
    const uneven = placed.filter(({ line, last }) => !last && Math.max(...gaps(line)) - Math.min(...gaps(line)) > 0.5);
    expect(uneven.length).toBeGreaterThan(0);
  });

  it('lays out the same as the fix whatever has no soft hyphen to show and no word to keep whole', async () => {
    // Ragged, centred, right, links, sup/sub, letter spacing, a table, columns, lists, and
    // justified text in one style with no hyphen: the fix must not move anything there.
    const prose = 'Les habitants du quartier, disait-on, ont peut-être obtenu gain de cause après des semaines de mobilisation et de négociations difficiles avec la municipalité.';
    const justifiable = 'Les habitants du quartier ont obtenu gain de cause après des semaines de mobilisation et de négociations difficiles avec la municipalité et la préfecture.';
    const definition = {
      ...PAGE,
      content: [
        { text: prose },
        { text: prose, alignment: 'center' },
        { text: prose, alignment: 'right' },
        { text: ['Voir ', { text: 'le site du comité', link: 'https://example.org', decoration: 'underline' }, ', la note', { text: '12', sup: true }, ' et le CO', { text: '2', sub: true }, ' rejeté ; peut-être demain.'] },
        { text: prose, characterSpacing: 0.6 },
        { table: { widths: ['auto', '*'], body: [['Date', prose], ['Lieu', { text: prose, alignment: 'right' }]] } },
        { columns: [{ text: prose }, { text: prose, alignment: 'center' }], columnGap: 12 },
        { ul: [prose, 'court'] },
        { ol: [prose, { text: prose, bold: true }] },
        { text: justifiable, alignment: 'justify' },
        { text: `${justifiable}\n${justifiable}`, alignment: 'justify' },
      ],
      defaultStyle: { font: 'Charis SIL', fontSize: 10, lineHeight: 0.8 },
    };
    const fixed = await render(definition);
    const original = await withStockPdfmake(() => render(definition));
    expect(Buffer.from(fixed).equals(Buffer.from(original))).toBe(true);
  });
});
