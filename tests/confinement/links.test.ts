/**
 * A shared content folder may hold links put there by anyone: a link to a
 * file outside the project must never bring that file into a PDF. Shown with
 * real symbolic links on disk, to a picture, an article, a publication and a
 * layout kept outside; links that stay inside their folder, and a content
 * folder that is itself a link, still work.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { tempProject } from '../helpers/project.ts';
import { pdfImages, pdfText } from '../helpers/pdf.ts';

const SECRET = 'Texte confidentiel hors du projet';
const leaflet = (title: string, body: string) => `---\nlayout: leaflet\ntitle: "${title}"\ndate: 2024-05-01\n---\n\n${body}\n`;

describe('links out of the content, templates and fonts folders are not followed', () => {
  let outside: string;
  let project: Awaited<ReturnType<typeof tempProject>>;
  let result: BuildResult;

  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'roneo-outside-'));
    const picture = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c00000' } }).png().toBuffer();
    await writeFile(join(outside, 'secret.png'), picture);
    await writeFile(join(outside, 'secret.md'), `---\ntitle: "Secret"\n---\n\n${SECRET}.\n`);
    await writeFile(join(outside, 'secret-leaflet.md'), leaflet('Secret', SECRET));
    await writeFile(join(outside, 'spy.hbs'), '{ content: ["' + SECRET + '"] }\n');
    project = await tempProject({
      files: {
        'content/images/inside.png': picture,
        'content/leaflets/picture.md': leaflet('Un lien vers une image', 'Avant.\n\n![Secret](../images/secret.png "Légende")\n\nAprès.'),
        'content/leaflets/alias.md': leaflet('Un lien qui reste dedans', '![Dedans](../images/alias.png "Légende")'),
        'content/leaflets/spy.md': '---\nlayout: spy\ntitle: "Espion"\ndate: 2024-05-01\n---\n\nTexte.\n',
        'content/pamphlets/include.md': '---\nlayout: pamphlet\ntitle: "Un recueil"\ndate: 2024-05-01\ninclude:\n  - articles/secret.md\n---\n\nIntroduction.\n',
        'content/leaflets/good.md': leaflet('Un tract sans défaut', 'Rien à signaler ici.'),
      },
    });
    await symlink(join(outside, 'secret.png'), join(project.root, 'content/images/secret.png'));
    await symlink(join(project.root, 'content/images/inside.png'), join(project.root, 'content/images/alias.png'));
    await mkdir(join(project.root, 'content/articles'), { recursive: true });
    await symlink(join(outside, 'secret.md'), join(project.root, 'content/articles/secret.md'));
    await symlink(join(outside, 'secret-leaflet.md'), join(project.root, 'content/leaflets/secret.md'));
    await symlink(join(outside, 'spy.hbs'), join(project.root, 'templates/spy.hbs'));
    result = await build({ root: project.root, site: false, profiles: ['screen'] });
  });
  afterAll(async () => {
    await project?.cleanup();
    await rm(outside, { recursive: true, force: true });
  });

  it('reports each link out at the line that uses it', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'content/articles/secret.md:1:1: error: cannot read file: is a link to a file outside the content folder, which Roneo does not follow [read-file]',
      'content/leaflets/picture.md:9:1: error: image `../images/secret.png` is a link to a file outside the content folder, which Roneo does not follow [image-path]',
      // A layout is never a link: the templates folder's listing has none, so the layout is unknown.
      'content/leaflets/spy.md:2:9: error: unknown layout `spy` (templates: dossier, leaflet, pamphlet) [unknown-layout]',
      'content/pamphlets/include.md:6:5: error: cannot include `articles/secret.md`: it has errors of its own [include-missing]',
    ]);
  });

  it('builds what is sound, a link staying inside its folder included, and nothing from outside', async () => {
    expect(result.publications.map((publication) => publication.id).sort()).toEqual(['leaflets/alias', 'leaflets/good']);
    const alias = join(project.root, 'output/leaflets/alias.pdf');
    expect(await pdfImages(alias)).toHaveLength(1);
    for (const publication of result.publications) {
      const path = join(project.root, publication.path);
      expect(await pdfText(path)).not.toContain(SECRET);
      expect((await readFile(path)).includes(SECRET)).toBe(false);
    }
  });

  it('a content folder that is itself a link is read where it really is', async () => {
    const elsewhere = await tempProject({ files: { 'kept/leaflets/tract.md': leaflet('Ailleurs', 'Un tract rangé ailleurs.') } });
    try {
      await symlink(join(elsewhere.root, 'kept'), join(project.root, 'linked-content'));
      const linked = await build({ root: project.root, content: 'linked-content', out: 'output-linked', site: false, profiles: ['screen'] });
      expect(linked.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(linked.publications.map((publication) => publication.id)).toEqual(['leaflets/tract']);
    } finally {
      await elsewhere.cleanup();
    }
  });
});
