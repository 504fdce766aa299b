import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfLang, pdfText, qpdfCheck } from '../helpers/pdf.ts';
import { sha256 } from '../../src/publish/write-outputs.ts';
import { bodyText, buildCampaign, type CampaignBuild, firstOutOfOrder, fold } from './campaign-build.ts';

const run = promisify(execFile);
const A4 = { width: 595.28, height: 841.89 };
const A5 = { width: 419.53, height: 595.28 };

interface Expectation {
  id: string;
  layout: string;
  size: { width: number; height: number };
  pages: [number, number];
  title: string;
  /** Phrases of the source, in reading order. */
  phrases: string[];
}

const JANAOZEN_PHRASES = [
  'Journée historique au Kazakhstan',
  'Ce vendredi 16 décembre 2011 restera à jamais marqué d’une encre des plus sanglantes',
  'la libération de Natalia Sokolovaïa, leur avocate.',
  'ils ont pris d’assaut le bâtiment de l’äkimat',
  'toutes les exploitations pétrolières de la compagnie ÖzenMunayGaz avaient cessé le travail en solidarité.',
  'le dimanche sanglant du 9 janvier 1905 et le massacre de la Léna en 1912',
  'Halte à la guerre, l’armée et la police hors de la province de Mangistau !',
  'Pour la convocation d’une assemblée constituante révolutionnaire des travailleurs',
];

const ICOR_PHRASES = [
  'Solidarité avec les travailleurs et les masses populaires au Kazakhstan',
  'L’élément déclencheur a été le doublement du prix du gaz liquide.',
  'ont abattu au moins 225 manifestant.e.s.',
  'Halte aux méthodes fascistes de répression',
  'Plus de 3 000 arrestations ont eu lieu, selon la chaîne publique Khabar.',
  'Liberté pour tous les détenus politiques sur une base antifasciste !',
  'Pour le droit de faire grève et de manifester en masse !',
  'Pour la démocratie, la liberté, la paix et le socialisme !',
  'Signataires',
  'PCPCI Parti Communiste Prolétarien de Côte d’Ivoire',
  'БКП Българска Комунистическа Партия (Parti communiste bulgare)',
  'BP (NK-T) Bolşevik Parti (Kuzey Kürdistan-Türkiye)',
  'ROL Revolutionary Organization of Labor',
];

const PUBLICATIONS: Expectation[] = [
  {
    id: 'leaflets/janaozen-anniversaire',
    layout: 'leaflet',
    size: A5,
    pages: [1, 1],
    title: 'Janaözen, 16 décembre 2011 : nous n’oublions pas',
    phrases: ['Janaözen, 16 décembre 2011 : nous n’oublions pas', 'Natalia Sokolovaïa', 'ÖzenMunayGaz', 'Pour la création d’un parti de masse des travailleurs !'],
  },
  {
    id: 'leaflets/solidarite-janvier-2022',
    layout: 'leaflet',
    size: A5,
    pages: [1, 1],
    title: 'Kazakhstan, janvier 2022 : solidarité avec le soulèvement',
    phrases: ['Kazakhstan, janvier 2022', 'doublement du prix du gaz liquide', 'au moins 225', 'Pour la démocratie, la liberté, la paix et le socialisme !'],
  },
  ...(
    [
      ['lyon', 'Lyon', 'place des Terreaux'],
      ['marseille', 'Marseille', 'sur le Vieux-Port'],
      ['lille', 'Lille', 'Grand-Place'],
    ] as const
  ).map(([slug, city, place]): Expectation => ({
    id: `leaflets/rassemblement-16-decembre/${slug}`,
    layout: 'leaflet',
    size: A5,
    pages: [1, 1],
    title: `16 décembre : rassemblement pour Janaözen (${slug})`,
    // The group's own city, meeting place and address, from `groupes-locaux.csv`.
    phrases: ['16 décembre : rassemblement pour Janaözen', 'au moins 225 manifestants', `Rassemblement à ${city}`, place, `à l’appel du comité de ${city}`, `${slug}@solidarite-kazakhstan.example`],
  })),
  {
    id: 'pamphlets/janaozen-2011',
    layout: 'pamphlet',
    size: A5,
    pages: [3, 16],
    title: 'Journée historique au Kazakhstan',
    phrases: JANAOZEN_PHRASES,
  },
  {
    id: 'pamphlets/icor-kazakhstan-2022',
    layout: 'pamphlet',
    size: A5,
    pages: [3, 16],
    title: 'Solidarité avec les travailleurs et les masses populaires au Kazakhstan',
    phrases: ICOR_PHRASES,
  },
  {
    id: 'dossier',
    layout: 'dossier',
    size: A4,
    pages: [6, 40],
    title: 'Kazakhstan : la classe ouvrière face à la répression',
    phrases: ['Sommaire', 'Introduction', 'Chronologie', '9 janvier 1905', '21 janvier 2022', 'Sources', ...JANAOZEN_PHRASES, ...ICOR_PHRASES, 'Colophon'],
  },
];

describe('the campaign, built and read back', () => {
  let campaign: CampaignBuild;
  beforeAll(async () => {
    campaign = await buildCampaign();
  });
  afterAll(() => campaign.cleanup());

  it('builds every publication without an error or a warning', () => {
    expect(campaign.result.diagnostics).toEqual([]);
    expect(campaign.result.publications.map((p) => p.id).sort()).toEqual(PUBLICATIONS.map((p) => p.id).sort());
  });

  describe.each(PUBLICATIONS)('$id', (expected) => {
    it('has the source text in reading order, with every script intact', async () => {
      // The dossier's running head sits in the top 45 pt; the other layouts have none.
      const text = fold(await bodyText(campaign.pdf(expected.id), expected.layout === 'dossier' ? 45 : 0));
      expect(firstOutOfOrder(text, expected.phrases)).toBeUndefined();
      expect(text).not.toContain('\uFFFD');
    });

    it('has the right page size and page count', async () => {
      const info = await pdfInfo(campaign.pdf(expected.id));
      expect(info.width).toBeCloseTo(expected.size.width, 1);
      expect(info.height).toBeCloseTo(expected.size.height, 1);
      expect(info.pages).toBeGreaterThanOrEqual(expected.pages[0]);
      expect(info.pages).toBeLessThanOrEqual(expected.pages[1]);
      const built = campaign.result.publications.find((p) => p.id === expected.id)!;
      expect(built.pages).toBe(info.pages);
    });

    it('embeds every font it uses', async () => {
      const fonts = await pdfFonts(campaign.pdf(expected.id));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.some((f) => f.name.includes('CharisSIL'))).toBe(true);
      expect(fonts.some((f) => f.name.includes('NotoSans'))).toBe(true);
    });

    it('carries title, author, subject, creator and language', async () => {
      const { fields } = await pdfInfo(campaign.pdf(expected.id));
      expect(fields.Title).toBe(expected.title);
      expect(fields.Author).toMatch(/\S/);
      expect(fields.Subject).toMatch(/\S/);
      expect(fields.Creator).toMatch(/^Roneo \d+\.\d+\.\d+$/);
      expect(await pdfLang(campaign.pdf(expected.id))).toBe('fr');
    });

    it('passes qpdf --check', async () => {
      const check = await qpdfCheck(campaign.pdf(expected.id));
      expect(check.output).toContain('No syntax or stream encoding errors found');
      expect(check.ok).toBe(true);
    });
  });

  it('lists every PDF in the manifest with its true size and checksum', async () => {
    const manifest = JSON.parse(await readFile(join(campaign.root, 'output/manifest.json'), 'utf8')) as {
      publications: Array<{ id: string; layout: string; title: string; lang: string; file: string; pages: number; bytes: number; sha256: string }>;
    };
    expect(manifest.publications.map((p) => p.id)).toEqual(PUBLICATIONS.map((p) => p.id).sort());
    for (const entry of manifest.publications) {
      const bytes = await readFile(join(campaign.root, 'output', entry.file));
      const expected = PUBLICATIONS.find((p) => p.id === entry.id)!;
      expect(entry).toMatchObject({ layout: expected.layout, title: expected.title, lang: 'fr', file: `${entry.id}.pdf`, bytes: bytes.length });
      expect(entry.sha256).toBe(sha256(bytes));
      expect(entry.pages).toBe((await pdfInfo(join(campaign.root, 'output', entry.file))).pages);
    }
  });

  it('makes links and contents entries clickable in the dossier', async () => {
    const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', campaign.pdf('dossier'), '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain('/URI (https://www.icor.info)');
    // Every contents line jumps to a named destination that exists.
    const targets = [...stdout.matchAll(/\/D \(([^)]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThanOrEqual(8);
    const start = stdout.indexOf('/Dests');
    const named = stdout.slice(start, stdout.indexOf('endobj', start));
    for (const target of targets) expect(named.split(`(${target})`).length - 1, target).toBeGreaterThanOrEqual(1);
  });
});
