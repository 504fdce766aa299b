import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import type { Manifest } from '../../src/publish/manifest.ts';
import { qpdfCheck } from '../helpers/pdf.ts';
import { grayPage } from '../helpers/page-raster.ts';
import { pdfObjects, type PdfValue } from '../helpers/pdf-objects.ts';
import { solidPng } from '../helpers/png.ts';
import { tempProject } from '../helpers/project.ts';

const run = promisify(execFile);
const MM = 72 / 25.4;
const A5 = { width: 419.53, height: 595.28 };

/** Every image drawn, with its colour space as poppler names it (`rgb`, `gray`, `cmyk`…). */
async function imageColours(file: string): Promise<string[]> {
  const { stdout } = await run('pdfimages', ['-list', file]);
  return stdout
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image')
    .map((columns) => columns[5]!);
}

type Box = [number, number, number, number];

/** MediaBox, BleedBox and TrimBox of every page, as written (no inheritance assumed). */
async function pageBoxes(file: string): Promise<Array<{ media: Box; bleed: Box; trim: Box }>> {
  const objects = await pdfObjects(file);
  const root = objects.get(objects.trailer['/Root']) as Record<string, PdfValue>;
  const kids: PdfValue[] = [];
  const walk = (ref: PdfValue) => {
    const node = objects.get(ref) as Record<string, PdfValue>;
    if (node['/Type'] === '/Pages') for (const kid of node['/Kids'] as PdfValue[]) walk(kid);
    else kids.push(ref);
  };
  walk(root['/Pages']!);
  return kids.map((ref) => {
    const page = objects.get(ref) as Record<string, PdfValue>;
    return { media: page['/MediaBox'] as Box, bleed: page['/BleedBox'] as Box, trim: page['/TrimBox'] as Box };
  });
}

const PAMPHLET = `---
layout: pamphlet
title: "Brochure en couleur"
lang: fr
cover: ../images/couverture.png
---

Le texte de la brochure.
`;

describe('print profiles', () => {
  let root: string;
  let result: BuildResult;
  let manifest: Manifest;
  const out = (path: string) => join(root, 'output', path);

  beforeAll(async () => {
    ({ root } = await tempProject({
      files: {
        'content/images/couverture.png': solidPng(1500, 1000, [200, 30, 30]),
        'content/pamphlets/brochure.md': PAMPHLET,
        'content/leaflets/tract.md': '---\nlayout: leaflet\ntitle: "Tract"\n---\n\nUn tract.\n',
        // A layout of the project's own with a background over the whole page, edge to edge.
        'templates/affiche.hbs': '{ pageSize: "A5", pageMargins: [40, 40, 40, 40], background: { canvas: [{ type: "rect", x: 0, y: 0, w: 419.53, h: 595.28, color: "#404040" }] }, content: [{ text: "{{title}}", color: "white" }], defaultStyle: { font: "Noto Sans" } }',
        'content/affiche.md': '---\nlayout: affiche\ntitle: "Affiche"\n---\n',
      },
    }));
    result = await build({ root, profiles: ['home', 'shop'] });
    manifest = JSON.parse(await readFile(out('manifest.json'), 'utf8')) as Manifest;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds every profile without a problem, and lists every file with its profile', () => {
    expect(result.diagnostics).toEqual([]);
    const files = (id: string) => manifest.publications.find((entry) => entry.id === id)!.files!.map((f) => [f.profile, f.kind, f.file]);
    expect(files('pamphlets/brochure')).toEqual([
      ['screen', 'reading', 'pamphlets/brochure.pdf'],
      ['shop', 'shop', 'pamphlets/brochure.shop.pdf'],
      ['home', 'booklet', 'pamphlets/brochure.print.pdf'],
    ]);
    expect(files('leaflets/tract')).toEqual([
      ['screen', 'reading', 'leaflets/tract.pdf'],
      ['shop', 'shop', 'leaflets/tract.shop.pdf'],
      ['home', 'print-sheets', 'leaflets/tract.print.pdf'],
    ]);
  });

  it('keeps the colour picture on screen, and prints it in grey for home', async () => {
    expect(await imageColours(out('pamphlets/brochure.pdf'))).toEqual(['rgb']);
    const home = await imageColours(out('pamphlets/brochure.print.pdf'));
    expect(home.length).toBeGreaterThan(0);
    expect(home.every((colour) => colour === 'gray')).toBe(true);
  });

  it('gives every page of the shop file its trim, 3 mm of bleed and room for the crop marks', async () => {
    for (const file of ['pamphlets/brochure.shop.pdf', 'leaflets/tract.shop.pdf']) {
      const pages = await pageBoxes(out(file));
      expect(pages.length).toBeGreaterThan(0);
      for (const { media, bleed, trim } of pages) {
        expect(trim[2] - trim[0]).toBeCloseTo(A5.width, 1);
        expect(trim[3] - trim[1]).toBeCloseTo(A5.height, 1);
        for (const side of [0, 1]) expect(trim[side]! - bleed[side]!).toBeCloseTo(3 * MM, 1);
        for (const side of [2, 3]) expect(bleed[side]! - trim[side]!).toBeCloseTo(3 * MM, 1);
        expect(media[0]).toBeLessThan(bleed[0]!);
        expect(media[2]).toBeGreaterThan(bleed[2]!);
      }
    }
  });

  it('runs a background that touches the page edge on into the bleed, and leaves the crop-mark area white', async () => {
    const { media, bleed, trim } = (await pageBoxes(out('affiche.shop.pdf')))[0]!;
    const page = await grayPage(out('affiche.shop.pdf'), 1);
    // pdftoppm draws the MediaBox, one pixel per point, top row first.
    const pixel = (x: number, y: number) => page.pixels[Math.round(media![3] - y) * page.width + Math.round(x)]!;
    const middle = (trim![1] + trim![3]) / 2;
    const centre = (trim![0] + trim![2]) / 2;
    // The bleed band on all four sides.
    expect(pixel((trim![0] + bleed![0]) / 2, middle)).toBeLessThan(100);
    expect(pixel((trim![2] + bleed![2]) / 2, middle)).toBeLessThan(100);
    expect(pixel(centre, (trim![1] + bleed![1]) / 2)).toBeLessThan(100);
    expect(pixel(centre, (trim![3] + bleed![3]) / 2)).toBeLessThan(100);
    expect(pixel((media![0] + bleed![0]) / 2, middle)).toBeGreaterThan(240);
  });

  it('writes files that pass qpdf --check, every one of them', async () => {
    const files = manifest.publications.flatMap((entry) => entry.files!.map((f) => f.file));
    expect(files.length).toBe(9);
    for (const file of files) expect((await qpdfCheck(out(file))).ok, file).toBe(true);
  });
});
