import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import { pdfText, qpdfCheck } from '../helpers/pdf.ts';
import { solidPng } from '../helpers/png.ts';
import { tempProject } from '../helpers/project.ts';
import { firstOutOfOrder, fold } from './campaign-build.ts';

const run = promisify(execFile);

/** Every CommonMark and GFM construct in one pamphlet, to be read back from the PDF. */
const KITCHEN_SINK = `---
layout: pamphlet
title: Toutes les constructions
lang: fr
date: 2024-05-01
---

# Titre un

## Titre deux

### Titre trois

#### Titre quatre

##### Titre cinq

###### Titre six

Un paragraphe avec *emphase*, **gras**, ***les deux***, ~~barré~~, \`code en ligne\`,
un [lien cliquable](https://example.org/lien) et une adresse nue https://example.org/nue dans le texte,\\
puis un saut de ligne forcé.

1. premier
2. deuxième
   - imbriqué A
   - imbriqué B
3. troisième

- [x] tâche faite
- [ ] tâche à faire

> Une citation en bloc.

---

| Ville | Grévistes |
|:------|----------:|
| Janaözen | 16 000 |
| Aqtau | 4 000 |

\`\`\`
bloc de code
  indenté
\`\`\`

![Une photo](photo.png "Légende de la photo")

Une affirmation sourcée[^1].

[^1]: La note de bas de page.
`;

describe('every Markdown construct, read back from a real PDF', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let result: BuildResult;
  let pdf: string;

  beforeAll(async () => {
    const project = await tempProject({ files: { 'content/pamphlets/tout.md': KITCHEN_SINK, 'content/pamphlets/photo.png': solidPng(1500, 1000) } });
    ({ root, cleanup } = project);
    result = await build({ world: createNodeWorld(root) });
    pdf = join(root, 'output/pamphlets/tout.pdf');
  });
  afterAll(() => cleanup());

  it('builds without a diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.publications).toHaveLength(1);
  });

  it('prints every construct’s text, in reading order', async () => {
    const text = fold(await pdfText(pdf));
    const order = [
      'Titre un',
      'Titre deux',
      'Titre trois',
      'Titre quatre',
      'Titre cinq',
      'Titre six',
      'Un paragraphe avec emphase, gras, les deux, barré, code en ligne, un lien cliquable et une adresse nue https://example.org/nue dans le texte,',
      'puis un saut de ligne forcé.',
      '1. premier',
      '2. deuxième',
      'imbriqué A',
      'imbriqué B',
      '3. troisième',
      'tâche faite',
      'tâche à faire',
      'Une citation en bloc.',
      'Ville Grévistes',
      'Janaözen 16 000',
      'Aqtau 4 000',
      'bloc de code',
      'indenté',
      'Légende de la photo',
      'Une affirmation sourcée1.',
      // At the foot of the page, its number hanging at the left.
      '1 La note de bas de page.',
    ];
    expect(firstOutOfOrder(text, order)).toBeUndefined();
  });

  it('embeds the picture once, at 300 dpi across the text width (a 1500-px picture on 331.5 pt)', async () => {
    const { stdout } = await run('pdfimages', ['-list', pdf]);
    const rows = stdout.trim().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.trim().split(/\s+/).slice(3, 5)).toEqual([String(Math.ceil((331.5 / 72) * 300)), '921']);
  });

  it('makes links clickable and the note reference jump to its note', async () => {
    const { stdout } = await run('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toContain('/URI (https://example.org/lien)');
    expect(stdout).toContain('/URI (https://example.org/nue)');
    // The reference is a GoTo action to the named destination the note carries.
    expect(stdout).toContain('/D (c0-fn-1)');
    const start = stdout.indexOf('/Dests');
    expect(stdout.slice(start, stdout.indexOf('endobj', start))).toContain('(c0-fn-1)');
  });

  it('is a structurally sound PDF', async () => {
    expect((await qpdfCheck(pdf)).ok).toBe(true);
  });
});
