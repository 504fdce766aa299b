import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import { pdfImages, qpdfCheck } from '../helpers/pdf.ts';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import { solidPng } from '../helpers/png.ts';
import { tempProject } from '../helpers/project.ts';

const run = promisify(execFile);

/** Every image drawn: its page and its size in pixels, as stored in the PDF. */
async function imagesIn(file: string): Promise<Array<{ page: number; width: number; height: number }>> {
  return (await pdfImages(file)).filter((image) => image.type === 'image').map(({ page, width, height }) => ({ page, width, height }));
}

/** Where page 1's image is drawn, in points from the top left of the page, read from its content stream. */
async function coverImageBox(file: string): Promise<{ x: number; top: number; width: number; height: number }> {
  const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', '--pages', file, '1', '--', file, '-'], {
    encoding: 'latin1',
    maxBuffer: 64 * 1024 * 1024,
  });
  // pdfkit flips the page to top-down coordinates, then draws an image as `w 0 0 -h x y+h cm /I1 Do`.
  const match = /([\d.]+) 0 0 -([\d.]+) ([\d.]+) ([\d.]+) cm\s+\/I\d+ Do/.exec(stdout);
  if (!match) throw new Error('no image drawn on page 1');
  const [width, height, x, bottom] = match.slice(1).map(Number) as [number, number, number, number];
  return { x, top: bottom - height, width, height };
}

const A4 = { width: 595.28, height: 841.89, margins: [72, 64, 72, 64] as const };

function dossier(title: string, cover?: string): string {
  return `---
layout: dossier
title: "${title}"
subtitle: "Janaözen 2011 — soulèvement de janvier 2022"
date: 2024-05-01
author: Comité de solidarité Kazakhstan
publisher: Comité de solidarité Kazakhstan
${cover ? `cover: ${cover}\n` : ''}---

## Introduction

Le texte du dossier.
`;
}

const LONG_TITLE = 'Kazakhstan : la classe ouvrière face à la répression, de Janaözen 2011 au soulèvement de janvier 2022, une longue histoire de grèves et de luttes';

describe('the cover image from front matter `cover:`', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let result: BuildResult;
  const pdf = (id: string) => join(root, 'output', `${id}.pdf`);

  beforeAll(async () => {
    const project = await tempProject({
      files: {
        'content/avec.md': dossier('Kazakhstan : la classe ouvrière', 'images/couverture.png'),
        'content/portrait.md': dossier('Kazakhstan : la classe ouvrière', 'images/portrait.png'),
        'content/long.md': dossier(LONG_TITLE, 'images/portrait.png'),
        'content/sans.md': dossier('Kazakhstan : la classe ouvrière'),
        'content/pamphlets/brochure.md': `---\nlayout: pamphlet\ntitle: Janaözen 2011\ncover: ../images/couverture.png\n---\n\nLe texte.\n`,
        'content/images/couverture.png': solidPng(2400, 1600),
        'content/images/portrait.png': solidPng(900, 2700, [30, 60, 160]),
      },
    });
    ({ root, cleanup } = project);
    result = await build({ world: createNodeWorld(root) });
  });
  afterAll(() => cleanup());

  it('builds every publication without a problem', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.publications.map((p) => p.id).sort()).toEqual(['avec', 'long', 'pamphlets/brochure', 'portrait', 'sans']);
  });

  it('puts the picture on the cover page and nowhere else, with 300 dpi at the width it is printed', async () => {
    // 2400 × 1600 px across the text width: 451.28 pt on the A4 dossier, 331.5 pt on the A5 pamphlet.
    expect(await imagesIn(pdf('avec'))).toEqual([{ page: 1, width: Math.ceil((451.28 / 72) * 300), height: 1254 }]);
    expect(await imagesIn(pdf('pamphlets/brochure'))).toEqual([{ page: 1, width: Math.ceil((331.5 / 72) * 300), height: 921 }]);
    expect((await qpdfCheck(pdf('avec'))).ok).toBe(true);
  });

  it('prints no image on a cover without `cover:`', async () => {
    expect(await imagesIn(pdf('sans'))).toEqual([]);
  });

  it('fits the picture inside the text block, below the title block, keeping its aspect', async () => {
    const right = A4.width - A4.margins[2];
    const bottom = A4.height - A4.margins[3];
    for (const id of ['avec', 'portrait', 'long']) {
      const box = await coverImageBox(pdf(id));
      const [page1] = await pdfLayout(pdf(id));
      const lastText = Math.max(...page1!.blocks.flatMap((b) => b.lines).map((l) => l.yMax));
      expect(box.x, id).toBeGreaterThanOrEqual(A4.margins[0] - 0.01);
      expect(box.x + box.width, id).toBeLessThanOrEqual(right + 0.01);
      expect(box.top, id).toBeGreaterThan(lastText);
      expect(box.top + box.height, id).toBeLessThanOrEqual(bottom + 0.01);
      const aspect = id === 'avec' ? 600 / 400 : 300 / 900;
      expect(box.width / box.height, id).toBeCloseTo(aspect, 2);
    }
    // A landscape picture takes the full text width; a tall one is shrunk to the room the title leaves.
    expect((await coverImageBox(pdf('avec'))).width).toBeCloseTo(right - A4.margins[0], 1);
    const portrait = await coverImageBox(pdf('portrait'));
    const long = await coverImageBox(pdf('long'));
    expect(portrait.top + portrait.height).toBeCloseTo(bottom, 0);
    expect(long.top + long.height).toBeCloseTo(bottom, 0);
    expect(long.height).toBeLessThan(portrait.height);
  });

  it('leaves the cover on one page: the contents still open page 2', async () => {
    for (const id of ['avec', 'portrait', 'long', 'sans']) {
      const pages = await pdfLayout(pdf(id));
      const page2 = pages[1]!.blocks.flatMap((b) => b.lines).map((l) => l.text);
      expect(page2.some((line) => line.includes('Sommaire')), id).toBe(true);
    }
  });
});
