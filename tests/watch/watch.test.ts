/**
 * `watch()` on a real temporary copy of the campaign, with a real chokidar watcher: every assertion is on the
 * rebuild events (what was built, what was unchanged, the diagnostics, what triggered it) and on counters,
 * never on how long anything took. Each change asks for its event before making the change.
 */
import { open, readFile, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { templateCompileCount } from '../../src/layout/templates.ts';
import { fontParseCount } from '../../src/render/fonts.ts';
import { type RebuildEvent, type Watcher, watch } from '../../src/watch/index.ts';
import { tempProject } from '../helpers/project.ts';
import type { Manifest } from '../../src/publish/manifest.ts';
import { sha256 } from '../../src/publish/write-outputs.ts';
import { CAMPAIGN_IDS } from '../helpers/campaign-ids.ts';
import { pdfText } from '../helpers/pdf.ts';

const ALL: string[] = [...CAMPAIGN_IDS];
const others = (built: string[]) => ALL.filter((id) => !built.includes(id));

describe('roneo watch on the campaign', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let watcher: Watcher;
  const events: RebuildEvent[] = [];
  /** Builds under way, by onStart of their first publication and their event: never more than one. */
  let building = 0;
  let mostAtOnce = 0;
  /** Called once at the start of the next build, while it runs. */
  let duringNextBuild: (() => void) | undefined;

  const path = (file: string) => join(project.root, file);
  /** Edits a file and resolves with the rebuild its change triggered. */
  async function edit(file: string, change: (text: string) => string): Promise<RebuildEvent> {
    const rebuilt = watcher.next((event) => event.trigger.includes(file));
    await writeFile(path(file), change(await readFile(path(file), 'utf8')));
    return rebuilt;
  }
  const append = (line: string) => (text: string) => `${text}\n${line}\n`;

  beforeAll(async () => {
    project = await tempProject({ content: true });
    watcher = await watch({
      root: project.root,
      onStart: ({ index }) => {
        if (index !== 1) return;
        mostAtOnce = Math.max(mostAtOnce, ++building);
        const during = duringNextBuild;
        duringNextBuild = undefined;
        during?.();
      },
      onRebuild: (event) => {
        building = 0;
        events.push(event);
      },
    });
  });
  afterAll(async () => {
    await watcher?.close();
    await project?.cleanup();
  });

  it('builds everything once, then watches what the build reads', () => {
    expect(events).toHaveLength(1);
    expect(watcher.last).toBe(events[0]);
    expect(events[0]).toMatchObject({ sequence: 0, trigger: [], built: ALL, unchanged: [], diagnostics: [], ok: true });
    expect(watcher.watching).toEqual(['content/', 'templates/', 'fonts/', 'roneo.config.json']);
  });

  it('an article rebuilds exactly the pamphlet and the dossier that include it', async () => {
    const event = await edit('content/articles/janaozen-2011.md', append('Une phrase ajoutée pendant la surveillance.'));
    expect(event).toMatchObject({ trigger: ['content/articles/janaozen-2011.md'], built: ['dossier', 'pamphlets/janaozen-2011'], ok: true, diagnostics: [] });
    expect(event.unchanged).toEqual(others(event.built));
  });

  it('a layout rebuilds exactly its publications', async () => {
    const event = await edit('templates/pamphlet.hbs', (text) => `${text}\n`);
    expect(event).toMatchObject({ built: ['pamphlets/icor-kazakhstan-2022', 'pamphlets/janaozen-2011'], ok: true });
    expect(event.unchanged).toEqual(others(event.built));
  });

  it('refreshes the download page after a rebuild: the rebuilt leaflet’s preview, the manifest and the checksums', async () => {
    const id = 'leaflets/solidarite-janvier-2022';
    const event = await edit(`content/${id}.md`, append('Une ligne pour la page de téléchargement.'));
    expect(event.built).toEqual([id]);
    await watcher.idle();
    const manifest = JSON.parse(await readFile(path('output/manifest.json'), 'utf8')) as Manifest;
    const entry = manifest.publications.find((p) => p.id === id)!;
    expect(entry.sha256).toBe(sha256(await readFile(path(`output/${id}.pdf`))));
    expect(entry.preview?.file).toBe(`${id}.webp`);
    expect(entry.preview?.sha256).toBe(sha256(await readFile(path(`output/${id}.webp`))));
    expect(manifest.publications.every((p) => p.preview !== undefined || (p.variant?.sheet ?? 1) > 1)).toBe(true);
    const sums = await readFile(path('output/SHA256SUMS'), 'utf8');
    expect(sums).toContain(`${entry.sha256}  ${id}.pdf\n`);
    expect(await readFile(path('output/index.html'), 'utf8')).toContain(`${id}.webp`);
  });

  it('a leaflet rebuilds exactly that leaflet', async () => {
    const event = await edit('content/leaflets/solidarite-janvier-2022.md', append('Une ligne de plus.'));
    expect(event).toMatchObject({ built: ['leaflets/solidarite-janvier-2022'], ok: true });
    expect(event.unchanged).toEqual(others(event.built));
  });

  it('a picture inside content rebuilds what prints it', async () => {
    const event = await edit('content/images/carte-kazakhstan.svg', append('<!-- retouchée -->'));
    expect(event).toMatchObject({ built: ['leaflets/rassemblement-16-decembre/lille', 'leaflets/rassemblement-16-decembre/lyon', 'leaflets/rassemblement-16-decembre/marseille'], ok: true });
  });

  it('a saved file that changes nothing the PDFs are made from builds nothing', async () => {
    const event = await edit('content/dossier.md', (text) => text);
    expect(event).toMatchObject({ built: [], unchanged: ALL, ok: true });
  });

  it('stays warm: a rebuild parses no font and compiles no template again', async () => {
    const leaflet = () => edit('content/leaflets/janaozen-anniversaire.md', append('Encore une ligne.'));
    const article = () => edit('content/articles/icor-kazakhstan-2022.md', append('Une phrase de plus.'));
    // Once each: a layout is compiled when first used, and the templates changed above.
    await leaflet();
    await article();
    const fonts = fontParseCount();
    const templates = templateCompileCount();
    expect((await leaflet()).built).toEqual(['leaflets/janaozen-anniversaire']);
    expect((await article()).built).toEqual(['dossier', 'pamphlets/icor-kazakhstan-2022']);
    expect([fontParseCount(), templateCompileCount()]).toEqual([fonts, templates]);
  });

  it('a font rebuilds everything, and only that font is parsed again', async () => {
    const fonts = fontParseCount();
    const rebuilt = watcher.next((event) => event.trigger.includes('fonts/NotoSansMono-Regular.ttf'));
    // Four more bytes after the tables: another file to fontkit's eyes, the same font.
    await writeFile(path('fonts/NotoSansMono-Regular.ttf'), Buffer.concat([await readFile(path('fonts/NotoSansMono-Regular.ttf')), Buffer.alloc(4)]));
    const event = await rebuilt;
    expect(event).toMatchObject({ built: ALL, ok: true });
    expect(fontParseCount()).toBe(fonts + 1);
  });

  it('a broken file is reported without stopping the watch, and its fix builds it', async () => {
    const file = 'content/leaflets/janaozen-anniversaire.md';
    const broken = await edit(file, (text) => text.replace('date: "2026-12-16"', 'date: "2026-13-01"'));
    expect(broken.ok).toBe(false);
    expect(broken.error).toBeUndefined();
    expect(broken.built).toEqual([]);
    expect(broken.diagnostics.map(formatDiagnostic)).toEqual([`${file}:6:7: error: front matter \`date\` is not a real calendar date [front-matter]`]);
    expect(watcher.closed).toBe(false);
    const fixed = await edit(file, (text) => text.replace('date: "2026-13-01"', 'date: "2026-12-15"'));
    expect(fixed).toMatchObject({ built: ['leaflets/janaozen-anniversaire'], diagnostics: [], ok: true });
  });

  const LEAFLET = '---\nlayout: leaflet\ntitle: "Un tract écrit en deux fois"\ndate: 2026-05-01\n---\n\nLa première moitié du texte, puis la seconde.\n';
  const HALF = LEAFLET.slice(0, LEAFLET.indexOf('date'));

  it('reads a half-saved file again: the half is reported, the whole is built', async () => {
    const file = 'content/leaflets/demi.md';
    const half = watcher.next((event) => event.trigger.includes(file));
    await writeFile(path(file), HALF);
    const first = await half;
    expect(first.error).toBeUndefined();
    expect(first.built).not.toContain('leaflets/demi');
    const whole = watcher.next((event) => event.trigger.includes(file));
    await writeFile(path(file), LEAFLET);
    expect(await whole).toMatchObject({ built: ['leaflets/demi'], diagnostics: [], ok: true });
  });

  it('a file saved in two writes in quick succession ends built, with no crash', async () => {
    const file = 'content/leaflets/demi-vite.md';
    const seen = events.length;
    const built = watcher.next((event) => event.built.includes('leaflets/demi-vite'));
    await writeFile(path(file), HALF);
    await writeFile(path(file), LEAFLET);
    expect(await built).toMatchObject({ diagnostics: [], ok: true });
    expect(events.slice(seen).filter((event) => event.error)).toEqual([]);
  });

  it('a second save within 50 ms of the first, which chokidar does not report, is built all the same', async () => {
    const file = 'content/leaflets/deux-saisies.md';
    const created = watcher.next((event) => event.built.includes('leaflets/deux-saisies'));
    await writeFile(path(file), LEAFLET);
    await created;
    await watcher.idle();
    const seen = events.length;
    // Written while the build of the first save runs, after it read the file: chokidar drops this change.
    duringNextBuild = () => writeFileSync(path(file), LEAFLET.replace('la seconde', 'la seconde, mise au net'));
    const first = watcher.next((event) => event.trigger.includes(file));
    await writeFile(path(file), LEAFLET.replace('la seconde', 'la seconde, premier jet'));
    expect(await first).toMatchObject({ built: ['leaflets/deux-saisies'], ok: true });
    await watcher.idle();
    expect(events.slice(seen).map((event) => event.built)).toEqual([['leaflets/deux-saisies'], ['leaflets/deux-saisies']]);
    const text = (await pdfText(path('output/leaflets/deux-saisies.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('mise au net');
  });

  it('a save that empties the file before writing it is not reported as an empty file; a file really emptied is', async () => {
    const file = 'content/leaflets/vide-puis-plein.md';
    const created = watcher.next((event) => event.built.includes('leaflets/vide-puis-plein'));
    await writeFile(path(file), LEAFLET);
    await created;
    await watcher.idle();
    const seen = events.length;
    // As some editors save: the file emptied, then written a moment later.
    const rebuilt = watcher.next((event) => event.built.includes('leaflets/vide-puis-plein'));
    const handle = await open(path(file), 'w');
    // Longer than the gathering of changes, and within the 50 ms in which chokidar reports no second change.
    await new Promise((resolve) => setTimeout(resolve, 40));
    await handle.writeFile(LEAFLET.replace('la seconde', 'la seconde, réécrite'));
    await handle.close();
    expect(await rebuilt).toMatchObject({ ok: true, diagnostics: [] });
    await watcher.idle();
    expect(events.slice(seen).flatMap((event) => event.diagnostics.map((d) => d.rule))).toEqual([]);
    const emptied = watcher.next((event) => event.trigger.includes(file));
    await writeFile(path(file), '');
    expect((await emptied).diagnostics.map((d) => `${d.file} [${d.rule}]`)).toEqual([`${file} [empty-file]`]);
    await writeFile(path(file), LEAFLET);
    await watcher.idle();
  });

  it('changes made during a rebuild are built together by one more rebuild, never two builds at once', async () => {
    const started = 'content/leaflets/janaozen-anniversaire.md';
    const during = ['content/leaflets/demi.md', 'content/leaflets/demi-vite.md'];
    duringNextBuild = () => {
      for (const file of during) writeFileSync(path(file), LEAFLET.replace('la seconde', 'la seconde, revue'));
    };
    await watcher.idle();
    const after = watcher.next((event) => event.trigger.includes(during[0]!));
    const first = await edit(started, append('Une ligne écrite avant les autres.'));
    const second = await after;
    expect(first).toMatchObject({ trigger: [started], built: ['leaflets/janaozen-anniversaire'] });
    expect(second).toMatchObject({ sequence: first.sequence + 1, trigger: during.sort(), built: ['leaflets/demi', 'leaflets/demi-vite'], ok: true });
    await watcher.idle();
    expect(mostAtOnce).toBe(1);
  });
});
