import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import type { Manifest } from '../../src/publish/manifest.ts';
import { pdfFonts, pdfInfo, pdfText, qpdfCheck } from '../helpers/pdf.ts';
import { REPO, tempProject } from '../helpers/project.ts';

const GROUPS = `slug,ville,groupe,rendez_vous,contact
lyon,Lyon,comité de Lyon,"Mercredi, 18 h, place des Terreaux","Comité de Lyon
lyon@solidarite.example"
marseille,Marseille,comité de Marseille,"Mercredi, 18 h 30, Vieux-Port","Comité de Marseille
marseille@solidarite.example"
saint-etienne,Saint-Étienne,comité de Saint-Étienne,"Jeudi, 18 h, place Jean-Jaurès","Comité de Saint-Étienne
stetienne@solidarite.example"
`;

const RASSEMBLEMENT = `---
layout: leaflet-local
title: "Rassemblement pour Janaözen"
lang: fr
variants: groupes.csv
---

Rendez-vous à :variant[ville] : **:variant[rendez_vous]**, à l’appel du :variant[groupe].
`;

describe('one leaflet per local group, and print sheets', () => {
  let root: string;
  let result: BuildResult;
  let manifest: Manifest;
  const out = (path: string) => join(root, 'output', path);

  beforeAll(async () => {
    // A layout of the project's own: the leaflet, with the group's city in its title.
    const leaflet = await readFile(join(REPO, 'templates/leaflet.hbs'), 'utf8');
    ({ root } = await tempProject({
      files: {
        'templates/leaflet-local.hbs': leaflet.replace('{ text: "{{title}}", style: "title" },', '{ text: "{{title}} — {{variant.ville}}", style: "title" },'),
        'content/leaflets/rassemblement.md': RASSEMBLEMENT,
        'content/leaflets/groupes.csv': GROUPS,
        'content/leaflets/petit.md': '---\nlayout: leaflet\ntitle: "Petit format"\nformat: A6\n---\n\nUn tract au format A6, quatre par feuille.\n',
        'content/leaflets/recto-verso.md': '---\nlayout: leaflet\ntitle: "Recto verso"\nsides: 2\n---\n\nRECTO-TEXTE\n\n<!-- -->\n',
      },
    }));
    result = await build({ root });
    manifest = JSON.parse(await readFile(out('manifest.json'), 'utf8')) as Manifest;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds every group’s leaflet without a problem', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.publications.map((p) => p.id).filter((id) => id.startsWith('leaflets/rassemblement'))).toEqual([
      'leaflets/rassemblement/lyon',
      'leaflets/rassemblement/marseille',
      'leaflets/rassemblement/saint-etienne',
    ]);
  });

  it('gives each group its own city, meeting place and contact, from the layout and from the Markdown', async () => {
    const rows = [
      ['lyon', 'Lyon', 'place des Terreaux', 'lyon@solidarite.example'],
      ['marseille', 'Marseille', 'Vieux-Port', 'marseille@solidarite.example'],
      ['saint-etienne', 'Saint-Étienne', 'place Jean-Jaurès', 'stetienne@solidarite.example'],
    ] as const;
    for (const [slug, city, place, email] of rows) {
      const text = (await pdfText(out(`leaflets/rassemblement/${slug}.pdf`))).replace(/\s+/g, ' ');
      expect(text).toContain(`Rassemblement pour Janaözen — ${city}`);
      expect(text).toContain(`Rendez-vous à ${city}`);
      expect(text).toContain(place);
      expect(text).toContain(email);
      for (const [other, , , otherEmail] of rows) if (other !== slug) expect(text).not.toContain(otherEmail);
      expect((await pdfInfo(out(`leaflets/rassemblement/${slug}.pdf`))).pages).toBe(1);
    }
  });

  it('puts all the groups on one print file, a sheet each with two copies, listed in the manifest', async () => {
    const info = await pdfInfo(out('leaflets/rassemblement.print.pdf'));
    expect(info.pages).toBe(3);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 842]);
    expect((await qpdfCheck(out('leaflets/rassemblement.print.pdf'))).ok).toBe(true);
    const text = await pdfText(out('leaflets/rassemblement.print.pdf'));
    const sheets = text.split('\f');
    expect(sheets[0]!.match(/lyon@solidarite\.example/g)).toHaveLength(2);
    expect(sheets[1]!.match(/marseille@solidarite\.example/g)).toHaveLength(2);
    expect(sheets[2]!.match(/stetienne@solidarite\.example/g)).toHaveLength(2);
    const entries = manifest.publications.filter((entry) => entry.variant?.of === 'leaflets/rassemblement');
    expect(entries.map((entry) => [entry.file, entry.variant?.slug, entry.variant?.sheet])).toEqual([
      ['leaflets/rassemblement/lyon.pdf', 'lyon', 1],
      ['leaflets/rassemblement/marseille.pdf', 'marseille', 2],
      ['leaflets/rassemblement/saint-etienne.pdf', 'saint-etienne', 3],
    ]);
    for (const entry of entries) {
      expect(entry.print).toMatchObject({
        file: 'leaflets/rassemblement.print.pdf',
        sheets: 3,
        up: 2,
        duplex: false,
        instructions: 'A4, recto seul, à 100\u202F% (taille réelle) ; couper le long des traits de coupe',
      });
    }
  });

  it('embeds the fonts of a sheet once, not once per copy', async () => {
    const leaflet = await pdfFonts(out('leaflets/petit.pdf'));
    const sheet = await pdfFonts(out('leaflets/petit.print.pdf'));
    expect(sheet.length).toBe(leaflet.length);
  });

  it('prints an A6 leaflet four to a sheet', async () => {
    expect([Math.round((await pdfInfo(out('leaflets/petit.pdf'))).width)]).toEqual([298]);
    expect((await pdfText(out('leaflets/petit.print.pdf'))).match(/quatre par feuille/g)).toHaveLength(4);
    expect(manifest.publications.find((entry) => entry.id === 'leaflets/petit')?.print).toMatchObject({ up: 4, sheets: 1 });
  });

  it('prints a recto-verso leaflet on both sides of its sheet', async () => {
    expect((await pdfInfo(out('leaflets/recto-verso.print.pdf'))).pages).toBe(2);
    expect(manifest.publications.find((entry) => entry.id === 'leaflets/recto-verso')?.print).toMatchObject({
      duplex: true,
      sheets: 1,
      instructions: 'A4, recto-verso, retourner sur le bord long, à 100\u202F% ; couper le long des traits de coupe',
    });
  });
});
