/**
 * roneo.config.json: Roneo's defaults, then the settings file, then what the
 * caller (the command line's flags) says. Read back from real builds in
 * memory: where files are written, which are made, how text and pictures
 * are set. The settings' diagnostics are tests/diagnostics/cases/config*.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { pdfImages } from '../helpers/pdf.ts';
import { memoryProject } from '../helpers/project.ts';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'roneo-config-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

const LEAFLET = '---\nlayout: leaflet\ntitle: Réglages\nlang: fr\ndate: 2026-01-01\n---\n\nLe "mot d\'ordre" reste...\n';

async function project(config: unknown, files: Record<string, string | Uint8Array> = { 'content/leaflets/reglages.md': LEAFLET }) {
  return memoryProject({ ...files, ...(config === undefined ? {} : { 'roneo.config.json': JSON.stringify(config, null, 2) }) });
}

const outputs = (world: Awaited<ReturnType<typeof project>>) => [...world.files.keys()].filter((path) => !/^(content|textes|templates|fonts|\.cache)\//.test(path) && path !== 'roneo.config.json').sort();

async function textOf(pdf: Uint8Array | undefined): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf!);
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}

describe('roneo.config.json', () => {
  it('sets the folders, and the caller’s options win over it', async () => {
    const world = await project({ content: 'textes', out: 'public', site: false }, { 'textes/leaflets/reglages.md': LEAFLET });
    const fromConfig = await build({ world });
    expect(fromConfig.diagnostics).toEqual([]);
    expect(outputs(world)).toEqual(['public/leaflets/reglages.pdf', 'public/leaflets/reglages.print.pdf', 'public/manifest.json']);
    await build({ world, out: 'ailleurs' });
    expect(outputs(world).filter((path) => path.startsWith('ailleurs/'))).toEqual(['ailleurs/leaflets/reglages.pdf', 'ailleurs/leaflets/reglages.print.pdf', 'ailleurs/manifest.json']);
  });

  it('sets the profiles and whether the download site is made; without the file, Roneo’s defaults hold', async () => {
    const shop = await project({ profiles: ['shop'], site: false });
    await build({ world: shop });
    expect(outputs(shop)).toEqual(['output/leaflets/reglages.pdf', 'output/leaflets/reglages.shop.pdf', 'output/manifest.json']);
    const none = await project(undefined);
    await build({ world: none });
    expect(outputs(none)).toEqual(expect.arrayContaining(['output/index.html', 'output/leaflets/reglages.print.pdf', 'output/SHA256SUMS']));
    const ignored = await project({ profiles: ['shop'], site: false });
    await build({ world: ignored, config: false });
    expect(outputs(ignored)).toContain('output/index.html');
  });

  it('sets the typography under the layout’s and the publication’s own settings', async () => {
    const plain = await project({ typography: false, site: false });
    await build({ world: plain });
    expect(await textOf(plain.files.get('output/leaflets/reglages.pdf'))).toContain('Le "mot d\'ordre" reste...');
    const french = await project(undefined);
    await build({ world: french, site: false });
    expect(await textOf(french.files.get('output/leaflets/reglages.pdf'))).toContain('Le « mot d’ordre » reste…');
    // The publication's front matter has the last word.
    const own = await project({ typography: false, site: false }, { 'content/leaflets/reglages.md': LEAFLET.replace('lang: fr\n', 'lang: fr\ntypography: true\n') });
    await build({ world: own });
    expect(await textOf(own.files.get('output/leaflets/reglages.pdf'))).toContain('Le « mot d’ordre » reste…');
  });

  it('sets the resolution pictures are made for, and the one below which they are reported', async () => {
    const photo = new Uint8Array(await sharp({ create: { width: 2400, height: 800, channels: 3, background: '#777777', noise: { type: 'gaussian', mean: 120, sigma: 50 } } }).jpeg().toBuffer());
    const files = { 'content/leaflets/reglages.md': `${LEAFLET}\n![Photo](photo.jpg)\n`, 'content/leaflets/photo.jpg': photo };
    const textWidth = 419.53 - 68;
    const widthAt = async (config: unknown) => {
      const world = await project(config, files);
      const result = await build({ world });
      const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
      await writeFile(file, world.files.get('output/leaflets/reglages.pdf')!);
      return { width: (await pdfImages(file))[0]!.width, diagnostics: result.diagnostics.map((d) => d.rule) };
    };
    expect(await widthAt({ site: false })).toEqual({ width: Math.ceil((textWidth / 72) * 300), diagnostics: [] });
    expect(await widthAt({ site: false, images: { maxDpi: 150 } })).toEqual({ width: Math.ceil((textWidth / 72) * 150), diagnostics: [] });
    // 2400 px across 351.53 pt is 491 dpi: under a 600 dpi floor, it is reported.
    expect((await widthAt({ site: false, images: { maxDpi: 1200, minDpi: 600 } })).diagnostics).toEqual(['image-resolution']);
  });
});
