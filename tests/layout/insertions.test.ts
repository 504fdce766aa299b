import JSON5 from 'json5';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { asJsonData, Insertions } from '../../src/layout/insertions.ts';
import { Templates } from '../../src/layout/templates.ts';
import { createMemoryWorld } from '../../src/world/memory-world.ts';
import { readBackPdf } from '../helpers/memory-pdf.ts';
import { memoryProject } from '../helpers/project.ts';

/** A layout `t` made of `text`, filled with `data`; `fresh` as layoutPublication marks converted content. */
async function fill(text: string, data: Record<string, unknown>, fresh = new WeakSet<object>()) {
  const diagnostics = new Diagnostics();
  const templates = await Templates.load(createMemoryWorld({ 'templates/t.hbs': text }), 'templates', diagnostics);
  return { definition: templates.render('t', data, diagnostics, fresh), diagnostics: diagnostics.list };
}

const content = () => [{ text: [{ text: 'Texte', bold: true }], style: 'p', _source: { file: 'a.md', line: 1, column: 1 } }];

describe('content enters a layout by placeholder', () => {
  it('puts the content in place, the first time without a copy', async () => {
    const body = content();
    const { definition, diagnostics } = await fill('{ content: [{ stack: {{json body}} }], title: "{{title}}" }', { body, title: 'T' }, new WeakSet([body]));
    expect(diagnostics).toEqual([]);
    expect(definition).toEqual({ content: [{ stack: content() }], title: 'T' });
    expect((definition!.content as Array<{ stack: unknown }>)[0]!.stack).toBe(body);
  });

  it('gives a value inserted twice as two independent trees', async () => {
    const body = content();
    const { definition } = await fill('{ a: {{json body}}, b: {{json body}} }', { body }, new WeakSet([body]));
    const { a, b } = definition as { a: ReturnType<typeof content>; b: ReturnType<typeof content> };
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    a[0]!.style = 'changed';
    (a[0]!.text[0] as { text: string }).text = 'changé';
    expect(b).toEqual(content());
  });

  it('copies values that were not made for this render, as JSON text did', async () => {
    const meta = { source: { name: 'ICOR', url: 'https://icor.info' }, list: [1, 2] };
    const { definition } = await fill('{ a: {{json meta}}, b: {{json meta.list}} }', { meta });
    const { a, b } = definition as { a: typeof meta; b: number[] };
    expect(a).toEqual(meta);
    expect(a).not.toBe(meta);
    expect(a.source).not.toBe(meta.source);
    expect(b).not.toBe(meta.list);
  });

  it('keeps a layout’s JSON5 errors as they were: the placeholder is an array, as the content', async () => {
    const body = content();
    const { definition, diagnostics } = await fill('{\n  content: [\n    { text: "x" }\n    {{json body}},\n  ],\n}', { body }, new WeakSet([body]));
    expect(definition).toBeUndefined();
    expect(diagnostics.map((d) => d.reason)).toEqual([
      "layout does not produce valid JSON5: invalid character '[' (at line 4, column 5 of the filled layout)",
    ]);
  });

  it('does not search inserted content for placeholders', () => {
    const insertions = new Insertions(new WeakSet());
    const fresh = new WeakSet<object>();
    const first = [{ text: 'un' }];
    fresh.add(first);
    const own = new Insertions(fresh);
    const placeholder = own.write(first);
    // Content whose text is a real placeholder of this very render, as if a Markdown author had guessed the nonce.
    const second: unknown[] = [{ text: JSON.parse(placeholder) as unknown }];
    fresh.add(second);
    const filled = own.fill(JSON5.parse(`{ a: ${placeholder}, b: ${own.write(second)} }`)) as { a: unknown; b: Array<{ text: unknown }> };
    expect(filled.a).toBe(first);
    expect(filled.b[0]!.text).toEqual(JSON.parse(placeholder));
    // Another render draws another nonce: the first render's placeholders are only text to it.
    expect(insertions.fill(JSON5.parse(`{ a: ${placeholder} }`))).toEqual({ a: JSON.parse(placeholder) });
  });

  it('prints a placeholder written in Markdown or front matter as text', async () => {
    const forged = '["roneo-content:00000000000000000000000000000000:0"]';
    const world = await memoryProject({
      'content/leaflets/t.md': `---\nlayout: leaflet\ntitle: '${forged}'\ntypography: false\nhyphenation: false\n---\n\n${forged}\n`,
    });
    const result = await build({ world });
    expect(result.diagnostics).toEqual([]);
    const { text, info } = await readBackPdf(world.files.get('output/leaflets/t.pdf'));
    expect(info.fields.Title).toBe(forged);
    // The body's line; the title, set large, is cut over two lines.
    expect(text.split('\n')).toContain(forged);
  });

  it('leaves a front-matter value shaped like a placeholder as it is', async () => {
    const forged = '["roneo-content:00000000000000000000000000000000:0"]';
    const body = content();
    const { definition } = await fill('{ title: "{{title}}", list: [{{{title}}}], content: {{json body}} }', { body, title: forged }, new WeakSet([body]));
    expect(definition).toEqual({ title: forged, list: [JSON.parse(forged) as unknown], content: body });
  });
});

describe('asJsonData', () => {
  it('makes in place what a JSON round trip would make', () => {
    const shared = { x: 1 };
    const value: unknown[] = [
      { a: undefined, b: 1, c: () => 1, d: Number.NaN, e: -0, f: new Date(0), g: shared, h: shared, i: [undefined, Symbol('s')] },
      undefined,
    ];
    const expected: unknown = JSON.parse(JSON.stringify(value));
    expect(asJsonData(value)).toBe(value);
    expect(value).toStrictEqual(expected);
    const node = value[0] as { g: object; h: object };
    expect(node.g).not.toBe(node.h);
  });

  it('throws on a cycle, as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = [cycle];
    expect(() => asJsonData([cycle])).toThrow(TypeError);
  });
});
