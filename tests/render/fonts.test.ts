import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { FontSet, VARIANTS } from '../../src/render/fonts.ts';
import { memoryProject } from '../helpers/project.ts';

/** What the campaign's languages need: French, Turkish, Kazakh Cyrillic and French spacing. */
const REQUIRED = 'àâæçéèêëîïôœùûüÿÀÉÈÇŒ«»’…—–' + 'şğıİŞĞ' + 'БългарскаЖЩЫЭЮЯжщыэюяё' + 'әғқңөұүһіӘҒҚҢӨҰҮҺІ' + '\u202F\u00A0';

describe('the shipped fonts', () => {
  it('declares a text face, a display face and a mono face, each in four variants', async () => {
    const diagnostics = new Diagnostics();
    const fonts = await FontSet.load(await memoryProject({}), 'fonts', diagnostics);
    expect(diagnostics.list).toEqual([]);
    expect(fonts.families()).toEqual(['Charis SIL', 'Noto Sans', 'Noto Sans Mono']);
  });

  it.each(['Charis SIL', 'Noto Sans'])('%s covers every character the campaign needs, in every variant', async (family) => {
    const fonts = await FontSet.load(await memoryProject({}), 'fonts', new Diagnostics());
    for (const variant of VARIANTS) {
      const face = fonts.face(family, variant)!;
      const missing = [...REQUIRED].filter((c) => !face.hasGlyph(c.codePointAt(0)!));
      expect(missing, `${family} ${variant}`).toEqual([]);
    }
  });

  it('reports a font without a glyph rather than trusting it', async () => {
    const fonts = await FontSet.load(await memoryProject({}), 'fonts', new Diagnostics());
    expect(fonts.face('Charis SIL', 'normal')!.hasGlyph(0x2603)).toBe(false);
  });
});
