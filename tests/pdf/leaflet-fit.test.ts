import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult, type BuiltPublication } from '../../src/build.ts';
import { publicationLine } from '../../src/cli/report.ts';
import { pdfInfo, pdfText } from '../helpers/pdf.ts';
import { pdfLayout, type Page } from '../helpers/pdf-layout.ts';
import { tempProject } from '../helpers/project.ts';

const require = createRequire(import.meta.url);

const PARAGRAPH = 'Les travailleurs du pétrole de Janaözen manifestaient sans violence sur la grand-place pour la reprise des négociations, la libération de leur avocate et le respect de leurs droits syndicaux.';

function leaflet(title: string, paragraphs: number, extra = ''): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `${PARAGRAPH} (${i + 1})`).join('\n\n');
  return `---\nlayout: leaflet\ntitle: "${title}"\nlang: fr\n${extra}---\n\n${body}\n\nFIN-DU-TRACT\n`;
}

/** The height of body words (not the title) on page 1, in points: it follows the type size. */
function bodyWordHeight(pages: Page[]): number {
  const words = pages[0]!.blocks.flatMap((block) => block.lines.flatMap((line) => line.words)).filter((word) => word.text === 'travailleurs');
  expect(words.length).toBeGreaterThan(0);
  return words[0]!.yMax - words[0]!.yMin;
}

describe('a leaflet is exactly its pages', () => {
  let root: string;
  let result: BuildResult;
  let qrGiven: string[];
  const built = (id: string): BuiltPublication => result.publications.find((p) => p.id === id)!;
  const file = (id: string) => join(root, 'output', `${id}.pdf`);

  beforeAll(async () => {
    ({ root } = await tempProject({
      files: {
        'content/leaflets/short.md': leaflet('Court', 3, 'qr: "https://solidarite.example/court?groupe=1"\ncontact:\n  name: "Comité de Lyon"\n  email: "lyon@solidarite.example"\n  meeting: "Mardi 19 h, Bourse du travail"\n'),
        'content/leaflets/long.md': leaflet('Long', 10),
        'content/leaflets/recto-verso.md': leaflet('Recto verso', 20, 'sides: 2\n'),
        'content/leaflets/recto-court.md': leaflet('Recto court', 2, 'sides: 2\n'),
      },
    }));
    // What pdfmake is given to draw as QR codes.
    const DocMeasure = (require('pdfmake/js/DocMeasure.js') as { default: { prototype: { measureQr(node: { qr: string }): unknown } } }).default;
    const measureQr = DocMeasure.prototype.measureQr;
    qrGiven = [];
    DocMeasure.prototype.measureQr = function (node) {
      qrGiven.push(node.qr);
      return measureQr.call(this, node);
    };
    try {
      result = await build({ root });
    } finally {
      DocMeasure.prototype.measureQr = measureQr;
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds them all without a problem', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('fits text that runs over by setting its type smaller, and says so', async () => {
    const long = built('leaflets/long');
    expect((await pdfInfo(file('leaflets/long'))).pages).toBe(1);
    expect(long.pages).toBe(1);
    expect(long.scale).toBeLessThan(1);
    expect(long.scale).toBeGreaterThanOrEqual(8.5 / 10.5);
    expect(await pdfText(file('leaflets/long'))).toContain('FIN-DU-TRACT');
    expect(publicationLine(long)).toMatch(new RegExp(`type at ${Math.floor(long.scale! * 100)}%$`));
    // Words are smaller by the scale reported.
    const ratio = bodyWordHeight(await pdfLayout(file('leaflets/long'))) / bodyWordHeight(await pdfLayout(file('leaflets/short')));
    expect(ratio).toBeCloseTo(long.scale!, 1);
  });

  it('leaves a short leaflet at full size, not stretched', async () => {
    expect(built('leaflets/short').scale).toBeUndefined();
    expect((await pdfInfo(file('leaflets/short'))).pages).toBe(1);
    expect(publicationLine(built('leaflets/short'))).not.toContain('type at');
  });

  it('makes a recto-verso leaflet exactly two pages, fitted or padded', async () => {
    expect((await pdfInfo(file('leaflets/recto-verso'))).pages).toBe(2);
    expect(built('leaflets/recto-verso').scale ?? 1).toBeLessThanOrEqual(1);
    expect(await pdfText(file('leaflets/recto-verso'))).toContain('FIN-DU-TRACT');
    expect((await pdfInfo(file('leaflets/recto-court'))).pages).toBe(2);
    expect(built('leaflets/recto-court').scale).toBeUndefined();
  });

  it('prints the QR code of the front matter’s address, and the contact block line by line', async () => {
    expect(qrGiven).toEqual(['https://solidarite.example/court?groupe=1']);
    const text = await pdfText(file('leaflets/short'));
    for (const line of ['Comité de Lyon', 'lyon@solidarite.example', 'Mardi 19 h, Bourse du travail']) expect(text).toContain(line);
  });
});
