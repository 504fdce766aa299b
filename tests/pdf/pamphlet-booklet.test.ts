import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import type { Manifest } from '../../src/publish/manifest.ts';
import { pdfInfo, pdfText, qpdfCheck } from '../helpers/pdf.ts';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import { tempProject } from '../helpers/project.ts';

const PARAGRAPH = 'Les travailleurs du pétrole de Janaözen manifestaient sans violence sur la grand-place pour la reprise des négociations, la libération de leur avocate et le respect de leurs droits syndicaux.';

const PAMPHLET = `---
layout: pamphlet
title: "Brochure de test"
subtitle: "Un livret plié"
lang: fr
publisher: "Comité de solidarité"
contact:
  name: "Comité de Lyon"
  email: "lyon@solidarite.example"
qr: "https://solidarite.example/brochure"
---

${Array.from({ length: 24 }, (_, i) => `${PARAGRAPH} (${i + 1})`).join('\n\n')}
`;

describe('a pamphlet and its booklet', () => {
  let root: string;
  let result: BuildResult;
  let manifest: Manifest;
  const out = (path: string) => join(root, 'output', path);

  beforeAll(async () => {
    ({ root } = await tempProject({ files: { 'content/pamphlets/brochure.md': PAMPHLET } }));
    result = await build({ root });
    manifest = JSON.parse(await readFile(out('manifest.json'), 'utf8')) as Manifest;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds without a problem', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('ends the reading PDF with a back cover: colophon, contact, no page number', async () => {
    const pages = (await pdfText(out('pamphlets/brochure.pdf'))).split('\f').filter((page) => page.trim() !== '');
    const back = pages.at(-1)!;
    expect(back).toContain('Colophon');
    expect(back).toContain('lyon@solidarite.example');
    expect(back).not.toMatch(/^\s*\d+\s*$/m);
    // Every page before it but the cover carries its number.
    expect(pages.at(-2)).toMatch(new RegExp(`^\\s*${pages.length - 1}\\s*$`, 'm'));
  });

  it('imposes the booklet on A4 landscape, padded to a multiple of four with the blanks before the back cover', async () => {
    const reading = (await pdfInfo(out('pamphlets/brochure.pdf'))).pages;
    const padded = Math.ceil(reading / 4) * 4;
    const info = await pdfInfo(out('pamphlets/brochure.print.pdf'));
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([842, 595]);
    expect(info.pages).toBe(padded / 2);
    expect((await qpdfCheck(out('pamphlets/brochure.print.pdf'))).ok).toBe(true);
    const entry = manifest.publications.find((p) => p.id === 'pamphlets/brochure')!;
    expect(entry.print).toMatchObject({
      file: 'pamphlets/brochure.print.pdf',
      sheets: padded / 4,
      duplex: true,
      instructions: 'A4, recto-verso, retourner sur le bord court, à 100\u202F% ; plier, agrafer au pli',
      booklet: { pages: padded, blanks: padded - reading, signatures: 1 },
    });
  });

  it('puts the back cover on the left and the front cover on the right of the first sheet', async () => {
    const [front] = await pdfLayout(out('pamphlets/brochure.print.pdf'));
    const words = front!.blocks.flatMap((block) => block.lines.flatMap((line) => line.words));
    const half = front!.width / 2;
    const colophon = words.find((word) => word.text === 'Colophon')!;
    const title = words.find((word) => word.text === 'Brochure')!;
    expect(colophon.xMax).toBeLessThan(half);
    expect(title.xMin).toBeGreaterThan(half);
  });
});
