/**
 * `pdfa: true`: the file identifies itself as PDF/A-2b and carries what that
 * claim needs and tools here can check: the XMP identification in a
 * well-formed packet that agrees with the Info dictionary, an sRGB output
 * intent with its ICC profile, PDF 1.7, every font embedded with the glyph
 * widths its program has, no .notdef drawn, /Lang, a trailer /ID and no
 * encryption, print-flagged annotations, no device CMYK. This is not a
 * PDF/A validation: veraPDF is not available offline, and what it checks
 * beyond these points is not tested here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import { pdfFonts, pdfInfo, pdfLang, qpdfCheck } from '../helpers/pdf.ts';
import { drawnText } from '../helpers/pdf-drawn-text.ts';
import { type PdfDictionary, type PdfObjects, pdfObjects, pdfString, type PdfValue } from '../helpers/pdf-objects.ts';
import { solidPng } from '../helpers/png.ts';
import { tempProject } from '../helpers/project.ts';

function dossier(pdfa: boolean): string {
  return `---
layout: dossier
title: "Solidarité & luttes : <Kazakhstan>"
subtitle: "Janaözen 2011 — soulèvement de janvier 2022"
lang: fr
date: 2024-05-01
author: "Comité de solidarité Kazakhstan"
publisher: "Comité de solidarité Kazakhstan"
keywords: [Kazakhstan, Janaözen, grève, ICOR]
cover: couverture.png
${pdfa ? 'pdfa: true\n' : ''}source: { name: ICOR, url: "https://www.icor.info" }
---

## Introduction

Un texte avec un [lien](https://example.org) et une note[^1].

![Photo](couverture.png)

[^1]: La note.
`;
}

const FILES = {
  'content/archive.md': dossier(true),
  'content/ordinaire.md': dossier(false),
  'content/couverture.png': solidPng(1200, 900),
};
const EPOCH = '1700000000';

async function buildProject(): Promise<{ root: string; result: BuildResult; cleanup: () => Promise<void> }> {
  const project = await tempProject({ files: FILES });
  const result = await build({ world: createNodeWorld(project.root, { SOURCE_DATE_EPOCH: EPOCH }) });
  return { root: project.root, result, cleanup: project.cleanup };
}

/** The XMP packet, from the catalog's /Metadata stream. */
function xmpOf(objects: PdfObjects): string | undefined {
  const catalog = objects.get(objects.trailer['/Root']) as PdfDictionary;
  return objects.data(catalog['/Metadata'])?.toString('utf8');
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!);

/** The text of an XMP property; the items of an rdf:Seq, Bag or Alt, joined by `|`. */
function xmpProperty(xmp: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp);
  if (!match) return undefined;
  const items = [...match[1]!.matchAll(/<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((m) => unescapeXml(m[1]!));
  return items.length > 0 ? items.join('|') : unescapeXml(match[1]!.trim());
}

/** Elements properly nested and closed, and no bare `<` or `&` in text: what an XML parser would refuse. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '');
  for (const [tag, closing, name, , selfClosing] of body.matchAll(/<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) problems.push(`unbalanced ${tag}`);
  }
  if (open.length > 0) problems.push(`unclosed ${open.join(', ')}`);
  const text = body.replace(/<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g, '');
  if (/</.test(text)) problems.push('a bare < in text');
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) problems.push('a bare & in text');
  return problems;
}

/** `D:20231114221320Z` (PDF) and `2023-11-14T22:13:20Z` (XMP) as one instant. */
function pdfDate(value: string | undefined): number | undefined {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z/.exec(value ?? '');
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

function everyValue(value: PdfValue, visit: (v: PdfValue) => void): void {
  visit(value);
  if (Array.isArray(value)) value.forEach((v) => everyValue(v, visit));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      visit(key);
      everyValue(v, visit);
    }
  }
}

/** Pages that draw CID 0: pdfkit maps it to U+0000 in ToUnicode, and an unmapped code reads as U+FFFD. */
async function notdefPages(file: string): Promise<number[]> {
  return (await drawnText(file)).flatMap((text, index) => (/[\u0000\uFFFD]/.test(text) ? [index + 1] : []));
}

describe('PDF/A-2b with `pdfa: true`', () => {
  let first: Awaited<ReturnType<typeof buildProject>>;
  let second: Awaited<ReturnType<typeof buildProject>>;
  let archive: PdfObjects;
  let ordinary: PdfObjects;
  const pdf = (id: string, root = first.root) => join(root, 'output', `${id}.pdf`);

  beforeAll(async () => {
    // Two folders: identical bytes prove nothing of the machine gets in, /ID included. One after the
    // other: pdfmake's fonts and settings are process-wide.
    first = await buildProject();
    second = await buildProject();
    [archive, ordinary] = await Promise.all([pdfObjects(pdf('archive')), pdfObjects(pdf('ordinaire'))]);
  });
  afterAll(async () => {
    await first.cleanup();
    await second.cleanup();
  });

  it('builds both dossiers without a problem', () => {
    expect(first.result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(first.result.publications.map((p) => p.id).sort()).toEqual(['archive', 'ordinaire']);
  });

  it('identifies itself as PDF/A-2b in well-formed XMP, on a PDF 1.7 file', async () => {
    const xmp = xmpOf(archive)!;
    expect(xmp).toBeDefined();
    expect(xmlProblems(xmp)).toEqual([]);
    expect(xmpProperty(xmp, 'pdfaid:part')).toBe('2');
    expect(xmpProperty(xmp, 'pdfaid:conformance')).toBe('B');
    // PDF/A forbids the bytes and encoding attributes in the packet header, and a filtered metadata stream.
    expect(xmp).toMatch(/^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/);
    expect(xmp).toMatch(/<\?xpacket end="w"\?>$/);
    const catalog = archive.get(archive.trailer['/Root']) as PdfDictionary;
    expect(archive.get(catalog['/Metadata'])).not.toHaveProperty('/Filter');
    const head = (await readFile(pdf('archive'))).subarray(0, 15);
    expect(head.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    // The comment after the header: at least four bytes above 127, so the file reads as binary.
    expect([...head.subarray(9, 15)].filter((b) => b > 127).length).toBeGreaterThanOrEqual(4);
  });

  it('has XMP that agrees with the Info dictionary: title, author, subject, keywords, tool, dates', () => {
    const xmp = xmpOf(archive)!;
    const info = archive.get(archive.trailer['/Info']) as PdfDictionary;
    const field = (key: string) => pdfString(archive.get(info[key]));
    expect(field('/Title')).toBe('Solidarité & luttes : <Kazakhstan>');
    expect(xmpProperty(xmp, 'dc:title')).toBe(field('/Title'));
    expect(xmpProperty(xmp, 'dc:creator')).toBe(field('/Author'));
    expect(xmpProperty(xmp, 'dc:description')).toBe(field('/Subject'));
    expect(field('/Keywords')).toBe('Kazakhstan, Janaözen, grève, ICOR');
    expect(xmpProperty(xmp, 'pdf:Keywords')).toBe(field('/Keywords'));
    expect(xmpProperty(xmp, 'dc:subject')).toBe('Kazakhstan|Janaözen|grève|ICOR');
    expect(xmpProperty(xmp, 'xmp:CreatorTool')).toBe(field('/Creator'));
    expect(xmpProperty(xmp, 'pdf:Producer')).toBe(field('/Producer'));
    expect(pdfDate(field('/CreationDate'))).toBe(Number(EPOCH) * 1000);
    expect(Date.parse(xmpProperty(xmp, 'xmp:CreateDate')!)).toBe(pdfDate(field('/CreationDate')));
    expect(Date.parse(xmpProperty(xmp, 'xmp:ModifyDate')!)).toBe(pdfDate(field('/ModDate')));
    expect(xmpProperty(xmp, 'dc:language')).toBe('fr');
  });

  it('has an sRGB output intent with its ICC profile', () => {
    const catalog = archive.get(archive.trailer['/Root']) as PdfDictionary;
    const intents = catalog['/OutputIntents'] as PdfValue[];
    expect(intents).toHaveLength(1);
    const intent = archive.get(intents[0]) as PdfDictionary;
    expect(intent['/Type']).toBe('/OutputIntent');
    expect(intent['/S']).toBe('/GTS_PDFA1');
    expect(pdfString(intent['/OutputConditionIdentifier'])).toBe('sRGB IEC61966-2.1');
    expect((archive.get(intent['/DestOutputProfile']) as PdfDictionary)['/N']).toBe(3);
    const profile = archive.data(intent['/DestOutputProfile'])!;
    // An ICC profile: its size at byte 0, 'acsp' at 36, an RGB display profile of version 2 or 4.
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(profile.subarray(12, 16).toString('latin1')).toBe('mntr');
    expect([2, 4]).toContain(profile[8]);
  });

  it('embeds every font, sets /Lang, has a trailer /ID and no encryption', async () => {
    const fonts = await pdfFonts(pdf('archive'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(await pdfLang(pdf('archive'))).toBe('fr');
    const id = archive.trailer['/ID'] as string[];
    expect(id).toHaveLength(2);
    expect(id[0]).toMatch(/^b:[0-9a-f]{32}$/);
    expect(archive.trailer).not.toHaveProperty('/Encrypt');
    expect((await pdfInfo(pdf('archive'))).fields.Encrypted).toBe('no');
  });

  it('declares every glyph width as the embedded font program has it', () => {
    const fonts = archive.all().filter((o): o is PdfDictionary => !!o && typeof o === 'object' && !Array.isArray(o) && o['/Subtype'] === '/CIDFontType2');
    expect(fonts.length).toBeGreaterThan(0);
    for (const dictionary of fonts) {
      const descriptor = archive.get(dictionary['/FontDescriptor']) as PdfDictionary;
      const program = fontkit.create(archive.data(descriptor['/FontFile2'])!) as fontkit.Font;
      const w = archive.get(dictionary['/W']) as PdfValue[];
      const mismatches: string[] = [];
      // W is [first [w1 w2 …] first [w1 …] …] in thousandths of an em.
      for (let i = 0; i < w.length; i += 2) {
        (w[i + 1] as number[]).forEach((width, offset) => {
          const cid = (w[i] as number) + offset;
          const actual = (program.getGlyph(cid).advanceWidth * 1000) / program.unitsPerEm;
          if (Math.abs(actual - width) > 0.01) mismatches.push(`CID ${cid}: ${width} declared, ${actual} in the font`);
        });
      }
      expect(mismatches, String(dictionary['/BaseFont'])).toEqual([]);
    }
  });

  it('never draws glyph 0 (.notdef), which PDF/A forbids', async () => {
    expect(await notdefPages(pdf('archive'))).toEqual([]);
  });

  it('sets the print flag on every annotation and uses no device CMYK', () => {
    const annotations = archive.all().filter((o): o is PdfDictionary => !!o && typeof o === 'object' && !Array.isArray(o) && o['/Type'] === '/Annot');
    expect(annotations.length).toBeGreaterThan(0);
    for (const annotation of annotations) expect((annotation['/F'] as number) & 4).toBe(4);
    const names = new Set<string>();
    for (const object of archive.all()) everyValue(object, (v) => typeof v === 'string' && v.startsWith('/') && names.add(v));
    expect(names.has('/DeviceCMYK')).toBe(false);
    // Nothing PDF/A forbids outright.
    for (const forbidden of ['/JavaScript', '/JS', '/Launch', '/EmbeddedFiles', '/Encrypt']) expect(names.has(forbidden), forbidden).toBe(false);
  });

  it('passes qpdf --check', async () => {
    const check = await qpdfCheck(pdf('archive'));
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.ok).toBe(true);
  });

  it('is byte-identical when built twice with the same SOURCE_DATE_EPOCH, /ID included', async () => {
    for (const id of ['archive', 'ordinaire']) {
      const a = await readFile(pdf(id, first.root));
      const b = await readFile(pdf(id, second.root));
      expect(a.equals(b), id).toBe(true);
    }
  });

  it('carries none of the PDF/A markers without `pdfa: true`, and keeps its keywords and language', async () => {
    const catalog = ordinary.get(ordinary.trailer['/Root']) as PdfDictionary;
    expect(catalog).not.toHaveProperty('/OutputIntents');
    expect(catalog).not.toHaveProperty('/Metadata');
    const raw = (await readFile(pdf('ordinaire'))).toString('latin1');
    expect(raw).not.toContain('pdfaid');
    expect(raw).not.toContain('GTS_PDFA1');
    expect(raw.startsWith('%PDF-1.7')).toBe(false);
    const info = ordinary.get(ordinary.trailer['/Info']) as PdfDictionary;
    expect(pdfString(ordinary.get(info['/Keywords']))).toBe('Kazakhstan, Janaözen, grève, ICOR');
    expect(await pdfLang(pdf('ordinaire'))).toBe('fr');
    expect((await qpdfCheck(pdf('ordinaire'))).ok).toBe(true);
  });
});

describe('the campaign dossier', () => {
  it('claims PDF/A-2b, with its keywords in the Info dictionary and the XMP', async () => {
    const project = await tempProject({ content: true });
    try {
      const result = await build({ world: createNodeWorld(project.root), only: ['dossier'] });
      expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
      const objects = await pdfObjects(join(project.root, 'output/dossier.pdf'));
      const xmp = xmpOf(objects)!;
      expect(xmpProperty(xmp, 'pdfaid:part')).toBe('2');
      expect(xmpProperty(xmp, 'pdfaid:conformance')).toBe('B');
      const keywords = pdfString(objects.get((objects.get(objects.trailer['/Info']) as PdfDictionary)['/Keywords']));
      expect(keywords).toMatch(/Kazakhstan/);
      expect(xmpProperty(xmp, 'pdf:Keywords')).toBe(keywords);
      expect(await notdefPages(join(project.root, 'output/dossier.pdf'))).toEqual([]);
      expect((await qpdfCheck(join(project.root, 'output/dossier.pdf'))).ok).toBe(true);
    } finally {
      await project.cleanup();
    }
  });
});
