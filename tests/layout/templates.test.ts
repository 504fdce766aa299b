import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { readBackPdf } from '../helpers/memory-pdf.ts';
import { memoryProject } from '../helpers/project.ts';

const leaflet = (front: string, body: string) => `---\nlayout: leaflet\n${front}\n---\n\n${body}\n`;

describe('layouts fill values as data, never as code', () => {
  it('escapes a title holding ", \\ and }} for the layout, and prints it whole', async () => {
    const world = await memoryProject({
      // Typography off: this test is about escaping, and French rules would turn the quotes into « ».
      'content/leaflets/t.md': leaflet(String.raw`title: 'Le "grand" soir \ {{title}} }} fin'` + '\ntypography: false', 'Texte.'),
    });
    const result = await build({ world });
    expect(result.diagnostics).toEqual([]);
    const { text, info } = await readBackPdf(world.files.get('output/leaflets/t.pdf'));
    expect(info.fields.Title).toBe(String.raw`Le "grand" soir \ {{title}} }} fin`);
    expect(text).toContain(String.raw`Le "grand" soir \ {{title}} }} fin`);
  });

  it('prints Handlebars syntax written in Markdown as text', async () => {
    const body = 'Avant {{title}} et {{{raw}}} et {{> partial}} et {{#each x}}boucle{{/each}} après.';
    const world = await memoryProject({ 'content/leaflets/t.md': leaflet('title: Titre\ntypography: false', body) });
    const result = await build({ world });
    expect(result.diagnostics).toEqual([]);
    const { text } = await readBackPdf(world.files.get('output/leaflets/t.pdf'));
    // Line breaks may fall anywhere, even inside `{{/each}}`: compare without white space.
    expect(text.replace(/\s+/g, '')).toContain(body.replace(/\s+/g, ''));
  });

  it('prints the layout’s own words in the publication’s language', async () => {
    const dossier = (lang: string) => `---\nlayout: dossier\ntitle: Dossier\nlang: ${lang}\ninclude: [articles/a.md, articles/b.md]\n---\n\nIntro.\n`;
    const words: Record<string, string[]> = {
      fr: ['Sommaire', 'Chapitre 1', 'Chapitre 2', 'Colophon'],
      en: ['Contents', 'Chapter 1', 'Chapter 2', 'Colophon'],
      ru: ['Содержание', 'Глава 1', 'Глава 2', 'Выходные данные'],
    };
    for (const [lang, expected] of Object.entries(words)) {
      const world = await memoryProject({
        'content/dossier.md': dossier(lang),
        'content/articles/a.md': '---\ntitle: Article\n---\n\nTexte.\n',
        'content/articles/b.md': '---\ntitle: Autre\n---\n\nTexte.\n',
      });
      const result = await build({ world });
      expect(result.diagnostics, lang).toEqual([]);
      const { text } = await readBackPdf(world.files.get('output/dossier.pdf'));
      for (const word of expected) expect(text, `${lang}: ${word}`).toContain(word);
    }
  });

  it('writes dates out in the publication’s language', async () => {
    const world = await memoryProject({
      'content/leaflets/fr.md': leaflet('title: T\ndate: 2011-12-16', 'x'),
      'content/leaflets/en.md': leaflet('title: T\ndate: 2011-12-16\nlang: en', 'x'),
    });
    await build({ world });
    expect((await readBackPdf(world.files.get('output/leaflets/fr.pdf'))).text).toContain('16 décembre 2011');
    expect((await readBackPdf(world.files.get('output/leaflets/en.pdf'))).text).toContain('December 16, 2011');
  });
});

describe('chapters', () => {
  it('numbers chapters only when there is more than one', async () => {
    const world = await memoryProject({
      'content/pamphlets/p.md': '---\nlayout: pamphlet\ntitle: Brochure\ninclude: [articles/a.md]\n---\n',
      'content/articles/a.md': '---\ntitle: Article seul\n---\n\nTexte.\n',
    });
    await build({ world });
    const { text } = await readBackPdf(world.files.get('output/pamphlets/p.pdf'));
    expect(text).toContain('Article seul');
    expect(text).not.toContain('Chapitre');
  });
});
