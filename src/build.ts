import { type Diagnostic, Diagnostics, at } from './diagnostics/diagnostic.ts';
import { sortDiagnostics } from './diagnostics/format.ts';
import { layoutPublication, type ParsedDocument } from './layout/layout-publication.ts';
import { StringTables } from './layout/strings.ts';
import { Templates } from './layout/templates.ts';
import { findPublications } from './load/find-publications.ts';
import type { SourceDocument } from './load/load-document.ts';
import { resolveIncludes } from './load/resolve-includes.ts';
import { parseMarkdown } from './parse/parse-markdown.ts';
import type { ManifestEntry } from './publish/manifest.ts';
import { sha256, writeManifest, writePublication } from './publish/write-outputs.ts';
import { FontSet } from './render/fonts.ts';
import { checkGlyphCoverage } from './render/glyph-coverage.ts';
import { renderPdf } from './render/render-pdf.ts';
import { ImageRegistry, resolveCover, resolveImages } from './transform/images.ts';
import { lintFootnoteCalls } from './transform/lint-footnote-calls.ts';
import { VERSION } from './version.ts';
import { createNodeWorld } from './world/node-world.ts';
import type { World } from './world/world.ts';

export interface BuildOptions {
  /** Project folder that the other paths are relative to; defaults to the current directory. */
  root?: string;
  content?: string;
  templates?: string;
  fonts?: string;
  out?: string;
  /** Build only these publication ids (`leaflets/janaozen`). */
  only?: readonly string[];
  /** Injected file system, clock and environment; defaults to the real machine at `root`. */
  world?: World;
  /** Called as each publication is written, for progress output. */
  onPublication?: (publication: BuiltPublication) => void;
}

export interface BuiltPublication extends ManifestEntry {
  /** Project-relative path of the written PDF. */
  path: string;
  /** The size its type was set at to fit its pages, when below 1. */
  scale?: number;
  milliseconds: number;
}

export interface BuildResult {
  publications: BuiltPublication[];
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** False when any error was reported. */
  ok: boolean;
}

const GENERATOR = `Roneo ${VERSION}`;
/** When a publication has no date and SOURCE_DATE_EPOCH is unset, a fixed date keeps builds reproducible. */
const FALLBACK_DATE = new Date('1980-01-01T00:00:00Z');

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const world = options.world ?? createNodeWorld(options.root ?? process.cwd());
  const dirs = {
    content: clean(options.content ?? 'content'),
    templates: clean(options.templates ?? 'templates'),
    fonts: clean(options.fonts ?? 'fonts'),
    out: clean(options.out ?? 'output'),
  };
  const diagnostics = new Diagnostics();
  const [index, templates, strings, fonts] = await Promise.all([
    findPublications(world, dirs.content, options.only, diagnostics),
    Templates.load(world, dirs.templates, diagnostics),
    StringTables.load(world, dirs.templates, diagnostics),
    FontSet.load(world, dirs.fonts, diagnostics),
  ]);

  const parsed = new Map<string, ParsedDocument>();
  const parse = (document: SourceDocument): ParsedDocument => {
    let result = parsed.get(document.path);
    if (!result) {
      result = { document, tree: parseMarkdown(document.text) };
      lintFootnoteCalls(result.tree, document.path, diagnostics);
      parsed.set(document.path, result);
    }
    return result;
  };

  const built: BuiltPublication[] = [];
  const fontsBroken = diagnostics.list.some((d) => d.rule === 'fonts');
  for (const publication of index.publications) {
    const started = world.now();
    const mark = diagnostics.list.length;
    const chapters = (await resolveIncludes(publication, dirs.content, index.load, diagnostics)).map(parse);
    const own = parse(publication);
    const images = new ImageRegistry();
    const imageContext = { world, contentDir: dirs.content, diagnostics, registry: images, pdfa: publication.meta.pdfa === true };
    for (const document of [own, ...chapters]) {
      await resolveImages(document.tree, { ...imageContext, file: document.document.path });
    }
    const coverAt = publication.frontMatter.locate(['cover']);
    const cover = publication.meta.cover === undefined ? undefined : await resolveCover(publication.meta.cover, coverAt, { ...imageContext, file: publication.path });
    const laidOut = layoutPublication({ publication: own, chapters, images, cover, version: VERSION }, templates, strings, diagnostics);
    if (!laidOut || fontsBroken) continue;
    if (cover !== undefined && !printsImage(laidOut.definition.content, cover)) {
      diagnostics.warn(coverAt, `front matter \`cover\` is not printed: the ${publication.meta.layout} layout has no cover image`, 'cover-unused');
    }
    const texts = new Map([own, ...chapters].map((p) => [p.document.path, p.document.text] as const));
    checkGlyphCoverage(laidOut.definition, fonts, { texts, templates: templates.sourcesOf(publication.meta.layout!), fallback: at(laidOut.templatePath) }, diagnostics);
    // Errors found while building an earlier publication still count for every file this one uses.
    const used = new Set([publication.path, ...chapters.map((c) => c.document.path), ...laidOut.templatePaths]);
    if (diagnostics.countSince(mark) > 0 || diagnostics.hasErrorsIn(used)) continue;

    let rendered: Awaited<ReturnType<typeof renderPdf>>;
    try {
      rendered = await renderPdf({
        definition: laidOut.definition,
        fonts,
        images: images.bytes,
        metadata: metadataOf(publication, world),
      });
    } catch (error) {
      diagnostics.error(at(publication.path), `rendering failed: ${(error as Error).message.split('\n')[0]}`, 'render');
      continue;
    }
    if (rendered.unplacedFootnotes.length > 0) {
      // Never a PDF that silently lacks a note.
      for (const source of rendered.unplacedFootnotes) {
        diagnostics.error(source ?? at(publication.path), 'this footnote could not be set at the foot of any page: its reference is in a place the layout does not follow (a header, a footer or a positioned block)', 'footnote-unplaced');
      }
      continue;
    }
    if (rendered.overflow) {
      const { pages, lines, minBodySize } = rendered.overflow;
      const over = `${lines} ${lines === 1 ? 'line' : 'lines'} too long`;
      diagnostics.error(at(publication.path), `does not fit on ${pages} ${pages === 1 ? 'page' : 'pages'}: ${over} at the minimum size (${minBodySize} pt body text); shorten the text`, 'does-not-fit');
      continue;
    }
    let file: string;
    try {
      file = await writePublication(world, dirs.out, publication.id, rendered.bytes);
    } catch (error) {
      // The previous PDF, if any, is untouched: writes go to a temporary name first.
      diagnostics.error(at(`${dirs.out}/${publication.id}.pdf`), `cannot write the PDF: ${(error as Error).message}`, 'write-output');
      continue;
    }
    const result: BuiltPublication = {
      id: publication.id,
      layout: publication.meta.layout!,
      title: publication.meta.title,
      lang: publication.meta.lang,
      file,
      pages: rendered.pages,
      ...(rendered.scale < 1 ? { scale: rendered.scale } : {}),
      bytes: rendered.bytes.byteLength,
      sha256: sha256(rendered.bytes),
      path: `${dirs.out}/${file}`,
      milliseconds: world.now() - started,
    };
    built.push(result);
    options.onPublication?.(result);
  }

  if (built.length > 0) {
    const entries = built.map(({ path: _path, milliseconds: _ms, scale: _scale, ...entry }) => entry);
    try {
      await writeManifest(world, dirs.out, entries, new Set(index.ids), GENERATOR);
    } catch (error) {
      diagnostics.error(at(`${dirs.out}/manifest.json`), `cannot write the manifest: ${(error as Error).message}`, 'write-output');
    }
  }
  const sorted = sortDiagnostics(diagnostics.list);
  return { publications: built, diagnostics: sorted, ok: !sorted.some((d) => d.severity === 'error') };
}

function metadataOf(document: SourceDocument, world: World) {
  const meta = document.meta;
  const keywords = meta.keywords;
  return {
    title: meta.title,
    author: meta.author ?? (typeof meta.publisher === 'string' ? meta.publisher : undefined),
    subject: meta.subtitle ?? meta.title,
    keywords: Array.isArray(keywords) ? keywords.map(String).join(', ') : typeof keywords === 'string' ? keywords : undefined,
    lang: meta.lang,
    pdfa: meta.pdfa === true,
    creator: GENERATOR,
    creationDate: creationDate(meta.date, world.env('SOURCE_DATE_EPOCH')),
  };
}

/** SOURCE_DATE_EPOCH wins, as reproducible-builds.org specifies; then the publication's own date. */
export function creationDate(date: string | undefined, epoch: string | undefined): Date {
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  if (date) return new Date(`${date}T00:00:00Z`);
  return FALLBACK_DATE;
}

/** Whether a layout placed this picture anywhere in its content. */
function printsImage(content: unknown, key: string): boolean {
  const work: unknown[] = [content];
  while (work.length > 0) {
    const value = work.pop();
    if (Array.isArray(value)) work.push(...value);
    else if (typeof value === 'object' && value !== null) {
      if ((value as { image?: unknown }).image === key) return true;
      work.push(...Object.values(value));
    }
  }
  return false;
}

function clean(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}
