/**
 * The output folder as a download site, read back from a real build of the
 * campaign: the manifest against its JSON Schema, SHA256SUMS with
 * `sha256sum -c`, and the page's HTML (every link a file that exists, every
 * preview the size it says, the groups and words in the campaign's
 * language, text from the Markdown escaped). The page in a real browser is
 * tests/browser/.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import type { Manifest } from '../../src/publish/manifest.ts';
import schema from '../../src/publish/manifest.schema.json' with { type: 'json' };
import { memoryProject } from '../helpers/project.ts';
import { buildCampaign, type CampaignBuild } from '../pdf/campaign-build.ts';

const run = promisify(execFile);

let campaign: CampaignBuild;
let manifest: Manifest;
let html: string;
const out = (file: string) => join(campaign.root, 'output', file);

beforeAll(async () => {
  campaign = await buildCampaign();
  manifest = JSON.parse(await readFile(out('manifest.json'), 'utf8')) as Manifest;
  html = await readFile(out('index.html'), 'utf8');
}, 120_000);

afterAll(() => campaign?.cleanup());

function validator() {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

describe('the manifest', () => {
  it('follows the JSON Schema shipped in the repository, which is written beside it', async () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.$schema).toBe('manifest.schema.json');
    expect(JSON.parse(await readFile(out('manifest.schema.json'), 'utf8'))).toEqual(schema);
  });

  it('is refused by the schema when it is wrong: the schema checks something', () => {
    const validate = validator();
    const broken = (change: (copy: Manifest) => void) => {
      const copy = structuredClone(manifest);
      change(copy);
      return validate(copy);
    };
    expect(broken((m) => (m.publications[0]!.sha256 = 'not a checksum'))).toBe(false);
    expect(broken((m) => (m.publications[0]!.file = '../etc/passwd'))).toBe(false);
    expect(broken((m) => (m.publications[0]!.pages = 0))).toBe(false);
    expect(broken((m) => ((m.publications[0] as unknown as Record<string, unknown>).unexpected = 1))).toBe(false);
    expect(broken((m) => delete (m.publications[0] as Partial<Manifest['publications'][number]>).title)).toBe(false);
  });

  it('gives each publication its date and a preview of its first page (a leaflet for several groups, its first group’s)', () => {
    expect(manifest.publications).toHaveLength(campaign.result.publications.length);
    for (const entry of manifest.publications) {
      expect(entry.date, entry.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (entry.variant && entry.variant.sheet > 1) expect(entry.preview, entry.id).toBeUndefined();
      else expect(entry.preview?.file, entry.id).toBe(`${entry.id}.webp`);
    }
  });
});

describe('SHA256SUMS', () => {
  it('passes `sha256sum -c` and lists every file of the manifest', async () => {
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(campaign.root, 'output') });
    const checked = stdout.trim().split('\n');
    expect(checked.every((line) => line.endsWith(': OK'))).toBe(true);
    const listed = new Set(checked.map((line) => line.slice(0, -': OK'.length)));
    for (const entry of manifest.publications) {
      for (const file of [entry.file, ...(entry.files ?? []).map((f) => f.file), entry.print?.file, entry.preview?.file]) {
        if (file !== undefined) expect(listed.has(file), file).toBe(true);
      }
    }
  });
});

describe('the download page', () => {
  it('is static HTML in the campaign’s language, with no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<html lang="fr">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(html).toContain('<h1>Tracts, brochures et dossier à télécharger</h1>');
  });

  it('groups the publications by kind, each under its heading, in order', () => {
    const headings = [...html.matchAll(/<h2 id="([\w-]+)-heading">([^<]+)<\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(headings).toEqual([
      ['leaflet', 'Tracts'],
      ['variant', 'Tracts des groupes locaux'],
      ['pamphlet', 'Brochures'],
      ['dossier', 'Dossier'],
    ]);
    const sections = html.split(/<section /).slice(1);
    const titlesIn = (kind: string) => [...sections.find((s) => s.startsWith(`id="${kind}"`))!.matchAll(/<h3 id="[^"]+">([^<]+)<\/h3>/g)].map((m) => decode(m[1]!));
    const titles = (layout: string, variants: boolean) => manifest.publications.filter((p) => p.layout === layout && (p.variant !== undefined) === variants).map((p) => p.title);
    expect(titlesIn('leaflet')).toEqual(titles('leaflet', false));
    // A leaflet for several local groups is one card, under its own title.
    expect(titlesIn('variant')).toEqual(['16 décembre : rassemblement pour Janaözen']);
    expect(titlesIn('pamphlet')).toEqual(titles('pamphlet', false));
    expect(titlesIn('dossier')).toEqual(titles('dossier', false));
  });

  it('links every file of every publication, and every link is a file in the output folder', () => {
    const links = [...html.matchAll(/<a href="([^"#]+)"/g)].map((m) => decodeURIComponent(decode(m[1]!)));
    for (const link of links) expect(existsSync(out(link)), link).toBe(true);
    for (const entry of manifest.publications) {
      for (const file of entry.files ?? []) expect(links, file.file).toContain(file.file);
    }
    expect(links).toEqual(expect.arrayContaining(['SHA256SUMS', 'manifest.json']));
  });

  it('shows each publication’s facts, its print instructions and its checksum', () => {
    const dossier = manifest.publications.find((p) => p.id === 'dossier')!;
    const card = html.slice(html.indexOf('id="p-dossier"'), html.indexOf('</article>', html.indexOf('id="p-dossier"')));
    expect(card).toContain('<dd>français</dd>');
    expect(card).toContain('<dd>16 décembre 2026</dd>');
    expect(card).toContain(`<dd>${dossier.pages} pages</dd>`);
    expect(card).toContain(`<code>${dossier.sha256}</code>`);
    const pamphlet = manifest.publications.find((p) => p.id === 'pamphlets/janaozen-2011')!;
    expect(html).toContain(`<p class="how">${escape(pamphlet.print!.instructions)}</p>`);
    expect(pamphlet.print!.instructions).toContain('retourner sur le bord court');
  });

  it('lists each local group’s leaflet in its publication’s card, with the print file they share once', () => {
    const start = html.indexOf('id="p-leaflets-rassemblement-16-decembre"');
    const card = html.slice(start, html.indexOf('</article>', start));
    const rows = [...card.matchAll(/<tr><th scope="row">([^<]+)<\/th><td><a href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    const variants = manifest.publications.filter((p) => p.variant?.of === 'leaflets/rassemblement-16-decembre').sort((a, b) => a.variant!.sheet - b.variant!.sheet);
    expect(rows).toEqual(variants.map((p) => [p.variant!.slug, p.file]));
    expect(card.match(/Feuilles à imprimer/g)).toHaveLength(1);
    for (const p of variants) expect(card).toContain(`<code>${p.sha256}</code>`);
  });

  it('shows a preview of page 1 of each publication, with alt text, at the size the picture has', async () => {
    const images = [...html.matchAll(/<img class="preview" src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]*)"/g)];
    expect(images).toHaveLength(manifest.publications.filter((p) => p.preview).length);
    expect(images).toHaveLength(6);
    for (const [, src, width, height, alt] of images) {
      const meta = await sharp(out(decodeURIComponent(src!))).metadata();
      expect([meta.format, meta.width, meta.height], src).toEqual(['webp', Number(width), Number(height)]);
      expect(decode(alt!)).toMatch(/^Première page : .+/);
    }
  });
});

describe('text from the Markdown on the page', () => {
  it('is escaped: a title with markup and template syntax prints as text', async () => {
    const world = await memoryProject({
      'content/leaflets/piege.md': '---\nlayout: leaflet\ntitle: "<script>alert(1)</script> & {{title}} \\"quoted\\""\ndate: 2026-01-01\n---\n\nTexte.\n',
    });
    const result = await build({ world });
    expect(result.ok).toBe(true);
    const page = new TextDecoder().decode(world.files.get('output/index.html'));
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{title}} &quot;quoted&quot;');
  });
});

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#96|#61);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`', '#61': '=' })[name]!);
}

function escape(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39', '`': '#96', '=': '#61' }[c]!};`);
}
