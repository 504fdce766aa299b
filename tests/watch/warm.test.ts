/**
 * What keeps a watching process warm: fonts parsed once per content of their file, templates compiled once
 * per text of the folder's layouts and partials. Proved by counters, never by timing; and what the caches
 * keep must not change what a build reports.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { Templates, templateCompileCount } from '../../src/layout/templates.ts';
import { FontSet, fontParseCount } from '../../src/render/fonts.ts';
import { memoryProject } from '../helpers/project.ts';

describe('fonts parsed once per process', () => {
  it('parses a font file once while its bytes are the same, and again once they change', async () => {
    const world = await memoryProject({});
    const before = fontParseCount();
    const first = await FontSet.load(world, 'fonts', new Diagnostics());
    const parsed = fontParseCount() - before;
    // fonts.json lists ten files (one of them twice): a cold process parses each, a warm one none.
    expect(parsed).toBeLessThanOrEqual(10);
    const second = await FontSet.load(world, 'fonts', new Diagnostics());
    expect(fontParseCount()).toBe(before + parsed);
    // The very Buffer: pdfmake's copy and pdfkit's parsed font, both found by it, are reused too.
    expect(second.face('Charis SIL', 'normal')!.bytes).toBe(first.face('Charis SIL', 'normal')!.bytes);
    expect(second.face('Charis SIL', 'normal')!.hasGlyph(0x4e8)).toBe(first.face('Charis SIL', 'normal')!.hasGlyph(0x4e8));

    const file = world.files.get('fonts/CharisSIL-Bold.ttf')!;
    world.files.set('fonts/CharisSIL-Bold.ttf', new Uint8Array([...file, 0, 0, 0, 0]));
    const changed = await FontSet.load(world, 'fonts', new Diagnostics());
    expect(fontParseCount()).toBe(before + parsed + 1);
    expect(changed.face('Charis SIL', 'bold')!.bytes.byteLength).toBe(file.byteLength + 4);
    expect(changed.face('Charis SIL', 'normal')!.bytes).toBe(first.face('Charis SIL', 'normal')!.bytes);
  });

  it('reports a file that cannot be read at every load', async () => {
    const world = await memoryProject({ 'fonts/fonts.json': JSON.stringify({ Cassée: { normal: 'x.ttf', bold: 'x.ttf', italics: 'x.ttf', bolditalics: 'x.ttf' } }), 'fonts/x.ttf': 'pas une fonte' });
    for (let round = 0; round < 2; round++) {
      const diagnostics = new Diagnostics();
      await FontSet.load(world, 'fonts', diagnostics);
      expect(diagnostics.list.map(formatDiagnostic)).toEqual(['fonts/x.ttf:1:1: error: cannot read font: Unknown font format [fonts]']);
    }
  });
});

describe('templates compiled once per process', () => {
  const leafletData = { title: 'Titre', lang: 'fr', strings: {}, content: [] };

  it('compiles a folder once while its layouts and partials are the same text', async () => {
    const world = await memoryProject({ 'templates/essai.hbs': '{ "content": [{{json title}}] {{> piece}} }', 'templates/partials/piece.hbs': ', "info": { "title": {{json title}} }' });
    const render = async () => {
      const diagnostics = new Diagnostics();
      const templates = await Templates.load(world, 'templates', diagnostics);
      return { definition: templates.render('essai', leafletData, diagnostics), diagnostics: diagnostics.list.map(formatDiagnostic) };
    };
    const first = await render();
    expect(first).toEqual({ definition: { content: ['Titre'], info: { title: 'Titre' } }, diagnostics: [] });
    const compiled = templateCompileCount();
    expect(await render()).toEqual(first);
    expect(templateCompileCount()).toBe(compiled);
    // Another text is another folder: compiled anew, and it is what renders.
    world.files.set('templates/partials/piece.hbs', new TextEncoder().encode(', "info": { "subject": {{json title}} }'));
    expect((await render()).definition).toEqual({ content: ['Titre'], info: { subject: 'Titre' } });
    expect(templateCompileCount()).toBeGreaterThan(compiled);
  });

  it('reports a syntax error at every build that loads it, though it is compiled once', async () => {
    const world = await memoryProject({ 'templates/essai.hbs': '{ "content": [] }\n{{#if title}}', 'templates/partials/piece.hbs': '{{/each}}' });
    const reports: string[][] = [];
    let compiled = 0;
    for (let round = 0; round < 2; round++) {
      const diagnostics = new Diagnostics();
      const templates = await Templates.load(world, 'templates', diagnostics);
      // Each build reports the layout's error once, however often it renders it.
      expect(templates.render('essai', leafletData, diagnostics)).toBeUndefined();
      expect(templates.render('essai', leafletData, diagnostics)).toBeUndefined();
      reports.push(diagnostics.list.map(formatDiagnostic));
      if (round === 0) compiled = templateCompileCount();
    }
    expect(reports[0]).toEqual([
      expect.stringMatching(/^templates\/partials\/piece\.hbs:1:1: error: template syntax error: Expecting .* got 'OPEN_ENDBLOCK' \[template-syntax\]$/),
      expect.stringMatching(/^templates\/essai\.hbs:2:1: error: template syntax error: Expecting .* got 'EOF' \[template-syntax\]$/),
    ]);
    expect(reports[1]).toEqual(reports[0]);
    expect(templateCompileCount()).toBe(compiled);
  });
});
