import { type Diagnostic, Diagnostics, type SourcePoint, at } from './diagnostics/diagnostic.ts';
import { sortDiagnostics } from './diagnostics/format.ts';
import { layoutPublication, type ParsedDocument } from './layout/layout-publication.ts';
import { StringTables } from './layout/strings.ts';
import { Templates } from './layout/templates.ts';
import { findPublications } from './load/find-publications.ts';
import type { SourceDocument } from './load/load-document.ts';
import { resolveIncludes } from './load/resolve-includes.ts';
import { type ManifestEntry, type OutputFile, type Preview, SCHEMA_FILE } from './publish/manifest.ts';
import schema from './publish/manifest.schema.json' with { type: 'json' };
import { checksumsFile } from './publish/site/checksums.ts';
import { pageData } from './publish/site/page-data.ts';
import { PagePreviews } from './publish/site/page-previews.ts';
import { stagePage } from './publish/site/render-page.ts';
import { sha256, stageManifest, stagePublication } from './publish/write-outputs.ts';
import type { FontSet } from './render/fonts.ts';
import { checkGlyphCoverage } from './render/glyph-coverage.ts';
import type { RenderedPdf } from './render/render-pdf.ts';
import { placeImages } from './render/place-images.ts';
import { type BookletSetting, bookletSetting } from './publish/booklet-setting.ts';
import type { Variant } from './load/variants.ts';
import { variantsOf } from './load/publication-variants.ts';
import { CONFIG_FILE, loadConfig, type ProjectConfig } from './load/config.ts';
import { fingerprint, folderHash } from './load/fingerprint.ts';
import { type BuildRecord, BuildRecords, outputsIntact } from './publish/build-records.ts';
import { type SheetSetting, sheetSetting } from './publish/sheet-setting.ts';
import { CommitError } from './publish/commit-journal.ts';
import { takeOutputFolder, type Waiting } from './publish/output-folder.ts';
import { Staging } from './publish/staging.ts';
import { ImageStore } from './transform/image-store.ts';
import { ImageRegistry, resolveFieldImage, resolveImages } from './transform/images.ts';
import { printImages } from './transform/print-images.ts';
import { lintFootnoteCalls } from './transform/lint-footnote-calls.ts';
import { VERSION } from './version.ts';
import { confineWorld } from './world/confined-world.ts';
import { createNodeWorld } from './world/node-world.ts';
import { removeAbandonedTemporaries } from './world/abandoned-temporaries.ts';
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
  /**
   * What to make besides the reading PDF (`screen`, always made): `home` (black-and-white friendly: the print
   * files of leaflets and pamphlets, a `.home.pdf` for other layouts) and `shop` (`.shop.pdf`: bleed, crop marks,
   * page boxes). Default: screen and home.
   */
  profiles?: readonly Profile[];
  /**
   * Folder for what builds keep between runs (processed pictures), project-relative; git-ignored and safe to
   * delete. Default `.cache/roneo`; `false` keeps nothing.
   */
  cache?: string | false;
  /**
   * Make the output folder a download site (default true): `index.html` with a preview of each publication's
   * first page, `SHA256SUMS`, and the manifest's JSON Schema beside it.
   */
  site?: boolean;
  /**
   * Check only: every validation a build makes (front matter, includes, layouts, glyph coverage, pictures
   * decoded, variants), with the same diagnostics, but nothing is rendered or written.
   */
  check?: boolean;
  /** Build every publication, even those whose inputs have not changed since their last good build. */
  force?: boolean;
  /**
   * Build nothing: make the download site (previews, page, checksums) from each publication's last good build.
   * `roneo watch` runs it after reporting a rebuild, so the PDFs come back first.
   */
  siteOnly?: boolean;
  /** The project's settings file, project-relative (default `roneo.config.json`, read when it exists); `false` reads none. */
  config?: string | false;
  /** Called as each publication is made, for progress output (its files are put in place with the others', at the end). */
  onPublication?: (publication: BuiltPublication) => void;
  /** Called as each publication is started, for live progress: its id, and its place among those found. */
  onStart?: (start: { id: string; index: number; total: number }) => void;
  /**
   * While another build writes the same output folder (it holds `<out>/.roneo-lock`): wait for it to finish
   * (true, the default), fail at once with an `output-locked` error (false), or wait at most this many milliseconds.
   */
  wait?: boolean | number;
  /** Called once when this build has to wait for another: who holds the output folder, and a line saying so. */
  onWaiting?: (waiting: Waiting) => void;
  /**
   * Stops the build when it aborts: at once while it waits for another build, else before its next publication
   * or before it puts its files in place. The output folder is left as it was, and build() rejects with the
   * signal's reason.
   */
  signal?: AbortSignal;
}

export interface BuiltPublication extends ManifestEntry {
  /** Project-relative path of the written PDF. */
  path: string;
  /** The size its type was set at to fit its pages, when below 1. */
  scale?: number;
  /** Not built again: its inputs are those of its last good build, whose files are still in place. */
  unchanged?: boolean;
  milliseconds: number;
}

export interface BuildResult {
  publications: BuiltPublication[];
  /** With `check`: the publications (and variants) that passed every check. */
  checked: string[];
  /** Every problem found, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** False when any error was reported. */
  ok: boolean;
}

const GENERATOR = `Roneo ${VERSION}`;
/** The bleed print shops ask for. */
const SHOP_BLEED_MM = 3;
const MM = 72 / 25.4;
export type Profile = 'screen' | 'home' | 'shop';
export const PROFILES: readonly Profile[] = ['screen', 'home', 'shop'];
/** When a publication has no date and SOURCE_DATE_EPOCH is unset, a fixed date keeps builds reproducible. */
const FALLBACK_DATE = new Date('1980-01-01T00:00:00Z');

type Dirs = Record<'content' | 'templates' | 'fonts' | 'out', string>;

/**
 * Everything a build makes is staged inside the output folder, then put in place in one short commit at the
 * end, holding the folder's lock from start to end: see publish/staging.ts and publish/output-lock.ts.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const given = options.world ?? createNodeWorld(options.root ?? process.cwd());
  const diagnostics = new Diagnostics();
  const failed = (): BuildResult => ({ publications: [], checked: [], diagnostics: sortDiagnostics(diagnostics.list), ok: false });
  // Roneo's defaults, then the project's settings file, then what the caller (the command line's flags) says.
  const config = options.config === false ? {} : await loadConfig(given, options.config ?? CONFIG_FILE, diagnostics);
  if (!config) return failed();
  const dirs: Dirs = {
    content: clean(options.content ?? config.content ?? 'content'),
    templates: clean(options.templates ?? config.templates ?? 'templates'),
    fonts: clean(options.fonts ?? config.fonts ?? 'fonts'),
    out: clean(options.out ?? config.out ?? 'output'),
  };
  // What the build reads from these folders must really be in them: a link out of them is not followed.
  const world = confineWorld(given, [
    { path: dirs.content, name: 'content' },
    { path: dirs.templates, name: 'templates' },
    { path: dirs.fonts, name: 'fonts' },
  ]);
  const staging = new Staging(world, dirs.out);
  // A check writes nothing: no lock to take, nothing to finish.
  if (options.check) return make(options, world, diagnostics, config, dirs, staging);
  const lock = await takeOutputFolder(world, dirs.out, options, diagnostics);
  if (!lock) return failed();
  try {
    // A killed build may have been writing to the cache too.
    const cache = cacheDirOf(options, config);
    if (lock.afterKill && cache !== undefined) await removeAbandonedTemporaries(world, cache);
    return await make(options, world, diagnostics, config, dirs, staging);
  } finally {
    // Stopped, failed or thrown before its commit: what it staged goes, and the folder is as it found it.
    await staging.discard();
    await lock.release();
  }
}

/** The build itself, the output folder being this build's. */
async function make(options: BuildOptions, world: World, diagnostics: Diagnostics, config: ProjectConfig, dirs: Dirs, staging: Staging): Promise<BuildResult> {
  const [index, templates, strings] = await Promise.all([
    findPublications(world, dirs.content, options.only, diagnostics),
    Templates.load(world, dirs.templates, diagnostics),
    StringTables.load(world, dirs.templates, diagnostics),
  ]);

  const parsed = new Map<string, ParsedDocument>();
  const parse = (document: SourceDocument): ParsedDocument => {
    let result = parsed.get(document.path);
    if (!result) {
      result = { document, tree: parser!.parseMarkdown(document.text) };
      lintFootnoteCalls(result.tree, document.path, diagnostics);
      parsed.set(document.path, result);
    }
    return result;
  };

  const profiles = new Set<Profile>(['screen', ...(options.profiles ?? config.profiles?.filter((p): p is Profile => p !== 'screen') ?? ['home'])]);
  const cacheDir = cacheDirOf(options, config);
  const store = new ImageStore(world, cacheDir);
  const site = (options.site ?? config.site) !== false;
  const pictureSettings = { ...(config.images?.maxDpi ? { maxDpi: config.images.maxDpi } : {}), ...(config.images?.minDpi ? { minDpi: config.images.minDpi } : {}) };
  const previews = new PagePreviews(world, dirs.out, cacheDir, staging);
  const previewOf = async (id: string, pdf: Uint8Array, where: SourcePoint): Promise<Preview | undefined> => {
    try {
      return await previews.make(id, pdf);
    } catch (error) {
      diagnostics.warn(where, `no preview for the download page: ${(error as Error).message.split('\n')[0]}`, 'site-preview');
      return undefined;
    }
  };
  // What each publication's last good build was made from: an unchanged one is not built again.
  const records = cacheDir !== undefined && !options.check ? await BuildRecords.load(world, cacheDir) : undefined;
  let sharedInputs: Promise<string> | undefined;
  const shared = () =>
    (sharedInputs ??= Promise.all([folderHash(world, dirs.fonts), folderHash(world, `${dirs.templates}/strings`)]).then(([fontFiles, stringFiles]) =>
      // The download site is not an input: previews are drawn from the PDFs, whenever one is missing.
      JSON.stringify({ version: VERSION, fontFiles, stringFiles, profiles: [...profiles].sort(), dirs, config: { ...config, site: undefined }, epoch: world.env('SOURCE_DATE_EPOCH') ?? null }),
    ));
  const built: BuiltPublication[] = [];
  const checked: string[] = [];
  // What only a publication that is built needs is loaded when the first one is: fonts parsed, the Markdown parser,
  // pdfmake. A build with nothing to do (no change since the last) loads none of them.
  let parser: typeof import('./parse/parse-markdown.ts') | undefined;
  let fonts: FontSet | undefined;
  let fontsBroken = false;
  let skipped = 0;
  const loadBuildStages = async () => {
    if (fonts) return;
    const [parse, fontModule] = await Promise.all([import('./parse/parse-markdown.ts'), import('./render/fonts.ts')]);
    parser = parse;
    fonts = await fontModule.FontSet.load(world, dirs.fonts, diagnostics);
    fontsBroken = diagnostics.list.some((d) => d.rule === 'fonts');
  };

  /** Renders one leaflet or publication; every problem with the result is reported, and then there is none. */
  const renderChecked = async (definition: Record<string, unknown>, publication: SourceDocument, images: ImageRegistry, variant: Variant | undefined, scaleHint: number | undefined, options: { bleed?: number; greyscale?: boolean } = {}) => {
    const where = variant?.at ?? at(publication.path);
    const { bleed, greyscale = false } = options;
    // Each picture made for the widest it prints in this layout: the box is set first, then the pixels.
    const placed = placeImages(definition, (key) => images.entries.get(key)?.info);
    // pdfmake loads while sharp makes the pictures on its own threads: the first build saves the shorter of the two.
    const renderer = import('./render/render-pdf.ts');
    renderer.catch(() => undefined);
    const pictures = await printImages(placed, images, { greyscale, store, diagnostics, ...pictureSettings });
    if (!pictures) return undefined;
    let rendered: RenderedPdf;
    try {
      const { renderPdf } = await renderer;
      rendered = await renderPdf({ definition, fonts: fonts!, images: pictures, metadata: metadataOf(publication, world, variant), ...(scaleHint !== undefined ? { scaleHint } : {}), ...(bleed ? { bleed } : {}) });
    } catch (error) {
      diagnostics.error(where, `rendering failed: ${(error as Error).message.split('\n')[0]}`, 'render');
      return undefined;
    }
    if (rendered.unplacedFootnotes.length > 0) {
      // Never a PDF that silently lacks a note.
      for (const source of rendered.unplacedFootnotes) {
        diagnostics.error(source ?? at(publication.path), 'this footnote could not be set at the foot of any page: its reference is in a place the layout does not follow (a header, a footer or a positioned block)', 'footnote-unplaced');
      }
      return undefined;
    }
    if (rendered.overflow) {
      const { pages, lines, minBodySize } = rendered.overflow;
      const over = `${lines} ${lines === 1 ? 'line' : 'lines'} too long`;
      const whose = variant ? `the leaflet for ${variant.slug} ` : '';
      diagnostics.error(where, `${whose}does not fit on ${pages} ${pages === 1 ? 'page' : 'pages'}: ${over} at the minimum size (${minBodySize} pt body text); shorten the text`, 'does-not-fit');
      return undefined;
    }
    return rendered;
  };

  /** Stages `output/<name>.pdf`, put in place at the end with everything else; the previous file, if any, stays until then. */
  const write = async (name: string, bytes: Uint8Array): Promise<string | undefined> => {
    try {
      return await stagePublication(staging, dirs.out, name, bytes);
    } catch (error) {
      diagnostics.error(at(`${dirs.out}/${name}.pdf`), `cannot write the PDF: ${(error as Error).message}`, 'write-output');
      return undefined;
    }
  };

  /** A pamphlet as a saddle-stitched booklet on A4; a failure is reported against the publication. */
  const printBooklet = async (publication: SourceDocument, pamphlet: Uint8Array, setting: BookletSetting) => {
    try {
      const { imposeBooklet } = await impose();
      return await imposeBooklet(pamphlet, { ...setting, title: `${publication.meta.title} (booklet)`, creationDate: metadataOf(publication, world).creationDate, producer: GENERATOR });
    } catch (error) {
      diagnostics.error(at(publication.path), `cannot make the booklet: ${(error as Error).message.split('\n')[0]}`, 'print-booklet');
      return undefined;
    }
  };

  /**
   * The home profile's rendering: pictures in true greyscale, and what the layout changes for `home`. The
   * screen rendering itself when neither applies (no pictures, a layout that never reads `{{profile}}`), which is most often.
   */
  const renderHome = async (definition: Record<string, unknown> | undefined, rendered: RenderedPdf, publication: SourceDocument, images: ImageRegistry, variant: Variant | undefined) => {
    if (!definition) return undefined;
    return renderChecked(definition, publication, images, variant, rendered.scale < 1 ? rendered.scale : undefined, { greyscale: true });
  };

  /** The shop profile's file: the page with 3 mm of bleed, crop marks and its boxes. */
  const renderShop = async (definition: Record<string, unknown> | undefined, publication: SourceDocument, images: ImageRegistry, variant: Variant | undefined, scale: number) => {
    if (!definition) return undefined;
    const rendered = await renderChecked(definition, publication, images, variant, scale < 1 ? scale : undefined, { bleed: SHOP_BLEED_MM * MM });
    if (!rendered) return undefined;
    try {
      const { finishForShop } = await impose();
      return (await finishForShop(rendered.bytes, { bleedMm: SHOP_BLEED_MM, title: metadataOf(publication, world, variant).title, creationDate: metadataOf(publication, world).creationDate, producer: GENERATOR })).bytes;
    } catch (error) {
      diagnostics.error(variant?.at ?? at(publication.path), `cannot make the print-shop file: ${(error as Error).message.split('\n')[0]}`, 'print-shop');
      return undefined;
    }
  };

  /** The print sheets of a publication's leaflets; a failure is reported against the publication. */
  const printSheets = async (publication: SourceDocument, leaflets: Uint8Array[], sheet: SheetSetting) => {
    try {
      const { imposeLeaflets } = await impose();
      return await imposeLeaflets(leaflets, { up: sheet.up, title: `${publication.meta.title} (print sheets)`, creationDate: metadataOf(publication, world).creationDate, producer: GENERATOR });
    } catch (error) {
      diagnostics.error(at(publication.path), `cannot make the print sheets: ${(error as Error).message.split('\n')[0]}`, 'print-sheets');
      return undefined;
    }
  };
  /** A publication not built again: its last good build's entries and warnings, and any preview the site now lacks. */
  const reuse = async (record: BuildRecord, publication: SourceDocument) => {
    // Its warnings were found from these same inputs: they still hold.
    for (const warning of record.warnings) diagnostics.warn(warning, warning.reason, warning.rule);
    const entries: BuiltPublication[] = [];
    let previewed = false;
    for (const entry of record.publications) {
      const result: BuiltPublication = { ...entry, unchanged: true, milliseconds: 0 };
      if (!site || (result.variant && result.variant.sheet > 1)) delete result.preview;
      else if (!result.preview || (await world.fileSize(`${dirs.out}/${result.preview.file}`)) !== result.preview.bytes) {
        // Built while the site was off (roneo watch makes it after each rebuild): its preview is drawn now, from its PDF.
        const preview = await previewOf(result.id, await world.readFile(`${dirs.out}/${result.file}`), at(publication.path));
        if (preview) result.preview = preview;
        previewed = true;
      }
      entries.push(result);
      built.push(result);
      options.onPublication?.(result);
    }
    if (previewed) records?.set(publication.id, { ...record, publications: entries.map(({ unchanged: _unchanged, ...entry }) => entry) });
  };

  for (const [position, publication] of index.publications.entries()) {
    options.signal?.throwIfAborted();
    options.onStart?.({ id: publication.id, index: position + 1, total: index.publications.length });
    const started = world.now();
    const mark = diagnostics.list.length;
    const includes = await resolveIncludes(publication, dirs.content, index.load, diagnostics);
    const record = options.force && !options.siteOnly ? undefined : records?.get(publication.id);
    if (options.siteOnly && !record) continue;
    const unchanged = async (last: BuildRecord) =>
      diagnostics.countSince(mark) === 0 &&
      (await fingerprint(world, { shared: await shared(), documents: [publication, ...includes], templates: templates.sourcesOf(publication.meta.layout!), files: last.files })) === last.fingerprint &&
      (await outputsIntact(world, dirs.out, last.publications));
    if (record && (options.siteOnly || (await unchanged(record)))) {
      await reuse(record, publication);
      skipped += 1;
      continue;
    }
    await loadBuildStages();
    const chapters = includes.map(parse);
    const own = parse(publication);
    const images = new ImageRegistry();
    const imageContext = { world, contentDir: dirs.content, diagnostics, registry: images };
    for (const document of [own, ...chapters]) {
      await resolveImages(document.tree, { ...imageContext, file: document.document.path });
    }
    const coverAt = publication.frontMatter.locate(['cover']);
    const cover = publication.meta.cover === undefined ? undefined : await resolveFieldImage(publication.meta.cover, coverAt, 'cover image', { ...imageContext, file: publication.path });
    const logoAt = publication.frontMatter.locate(['logo']);
    const logo = publication.meta.logo === undefined ? undefined : await resolveFieldImage(publication.meta.logo, logoAt, 'logo', { ...imageContext, file: publication.path });
    const layoutName = publication.meta.layout!;
    const templateSources = templates.sourcesOf(layoutName);
    const variants = await variantsOf(publication, [own, ...chapters], templateSources, dirs.content, world, diagnostics);
    if (variants === null || fontsBroken) continue;
    const texts = new Map([own, ...chapters].map((p) => [p.document.path, p.document.text] as const));

    // One leaflet per row of `variants:`, else the publication itself; each for every profile asked.
    const copies: Array<{ id: string; variant?: Variant; rendered: RenderedPdf; home?: RenderedPdf; shop?: Uint8Array }> = [];
    let scaleHint: number | undefined;
    let sheet: SheetSetting | undefined;
    let bookletOf: BookletSetting | undefined;
    let failed = false;
    for (const variant of variants?.rows ?? [undefined]) {
      const laidOut = layoutPublication({ publication: own, chapters, images, cover, logo, version: VERSION, projectTypesetting: config, ...(variant ? { variant: variant.fields } : {}) }, templates, strings, diagnostics);
      if (!laidOut) {
        failed = true;
        break;
      }
      if (copies.length === 0 && cover !== undefined && !printsImage(laidOut.definition, cover)) {
        diagnostics.warn(coverAt, `front matter \`cover\` is not printed: the ${layoutName} layout has no cover image`, 'cover-unused');
      }
      if (copies.length === 0 && logo !== undefined && !printsImage(laidOut.definition, logo)) {
        diagnostics.warn(logoAt, `front matter \`logo\` is not printed: the ${layoutName} layout has no place for a logo`, 'logo-unused');
      }
      checkGlyphCoverage(laidOut.definition, fonts!, { texts, templates: templateSources, fallback: variant ? variant.at : at(laidOut.templatePath) }, diagnostics);
      // Errors found while building an earlier publication still count for every file this one uses.
      const used = new Set([publication.path, ...chapters.map((c) => c.document.path), ...laidOut.templatePaths, ...(variants ? [variants.file] : [])]);
      if (diagnostics.countSince(mark) > 0 || diagnostics.hasErrorsIn(used)) {
        failed = true;
        break;
      }
      if (options.check) {
        // Pictures are decoded in full, as rendering would: a file cut short is found only then.
        const placed = placeImages(laidOut.definition, (key) => images.entries.get(key)?.info);
        if (!(await printImages(placed, images, { greyscale: false, store, diagnostics, ...pictureSettings }))) {
          failed = true;
          break;
        }
        checked.push(variant ? `${publication.id}/${variant.slug}` : publication.id);
        continue;
      }
      sheet ??= sheetSetting(laidOut.definition);
      bookletOf ??= bookletSetting(laidOut.definition);
      const rendered = await renderChecked(laidOut.definition, publication, images, variant, scaleHint);
      if (!rendered) {
        failed = true;
        break;
      }
      scaleHint = rendered.scale;
      const layoutFor = (profile: Profile) => layoutPublication({ publication: own, chapters, images, cover, logo, version: VERSION, projectTypesetting: config, profile, ...(variant ? { variant: variant.fields } : {}) }, templates, strings, diagnostics)?.definition;
      const homeDiffers = images.entries.size > 0 || readsProfile(templateSources);
      const home = !profiles.has('home') ? undefined : homeDiffers ? await renderHome(layoutFor('home'), rendered, publication, images, variant) : rendered;
      const shop = profiles.has('shop') ? await renderShop(layoutFor('shop'), publication, images, variant, rendered.scale) : undefined;
      if ((profiles.has('home') && !home) || (profiles.has('shop') && !shop)) {
        failed = true;
        break;
      }
      copies.push({ id: variant ? `${publication.id}/${variant.slug}` : publication.id, ...(variant ? { variant } : {}), rendered, ...(home ? { home } : {}), ...(shop ? { shop } : {}) });
    }
    if (failed || options.check) continue;

    // Print files are the home profile's: made from its rendering (greyscale pictures, what the layout changes for home).
    const forPrint = (copy: (typeof copies)[number]) => (copy.home ?? copy.rendered).bytes;
    const print = sheet && profiles.has('home') ? await printSheets(publication, copies.map(forPrint), sheet) : undefined;
    if (sheet && profiles.has('home') && !print) continue;
    const booklet = bookletOf && profiles.has('home') && copies.length === 1 ? await printBooklet(publication, forPrint(copies[0]!), bookletOf) : undefined;
    if (bookletOf && profiles.has('home') && !booklet) continue;
    const written: BuiltPublication[] = [];
    for (const [index, copy] of copies.entries()) {
      const file = await write(copy.id, copy.rendered.bytes);
      if (!file) break;
      const digest = sha256(copy.rendered.bytes);
      const files: OutputFile[] = [{ profile: 'screen', kind: 'reading', file, bytes: copy.rendered.bytes.byteLength, sha256: digest }];
      // A layout without print files gets the home profile as a PDF of its own, unless it is the reading PDF itself.
      if (copy.home === copy.rendered && !sheet && !bookletOf) {
        files.push({ profile: 'home', kind: 'reading', file, bytes: copy.rendered.bytes.byteLength, sha256: digest });
      } else if (copy.home && !sheet && !bookletOf) {
        const homeFile = await write(`${copy.id}.home`, copy.home.bytes);
        if (!homeFile) break;
        files.push({ profile: 'home', kind: 'reading', file: homeFile, bytes: copy.home.bytes.byteLength, sha256: sha256(copy.home.bytes) });
      }
      if (copy.shop) {
        const shopFile = await write(`${copy.id}.shop`, copy.shop);
        if (!shopFile) break;
        files.push({ profile: 'shop', kind: 'shop', file: shopFile, bytes: copy.shop.byteLength, sha256: sha256(copy.shop) });
      }
      // A leaflet for many local groups is shown once on the download page, by its first group's page 1.
      const preview = site && index === 0 ? await previewOf(copy.id, copy.rendered.bytes, copy.variant?.at ?? at(publication.path)) : undefined;
      written.push({
        id: copy.id,
        layout: layoutName,
        title: metadataOf(publication, world, copy.variant).title,
        ...(publication.meta.subtitle ? { subtitle: publication.meta.subtitle } : {}),
        lang: publication.meta.lang,
        ...(publication.meta.date ? { date: publication.meta.date } : {}),
        file,
        pages: copy.rendered.pages,
        ...(copy.rendered.scale < 1 ? { scale: copy.rendered.scale } : {}),
        bytes: copy.rendered.bytes.byteLength,
        sha256: digest,
        ...(copy.variant ? { variant: { of: publication.id, slug: copy.variant.slug, sheet: index + 1 } } : {}),
        files,
        ...(preview ? { preview } : {}),
        path: `${dirs.out}/${file}`,
        milliseconds: 0,
      });
    }
    if (written.length < copies.length) continue;
    if (print) {
      const file = await write(`${publication.id}.print`, print.bytes);
      if (!file) continue;
      const words = strings.forLang(publication.meta.lang).table;
      const instructions = (print.duplex ? words.print_sheet_duplex : words.print_sheet) ?? '';
      const entry = { file, sheets: print.sheets, up: sheet!.up, duplex: print.duplex, instructions, bytes: print.bytes.byteLength, sha256: sha256(print.bytes) };
      for (const result of written) {
        result.print = entry;
        result.files!.push({ profile: 'home', kind: 'print-sheets', file, bytes: entry.bytes, sha256: entry.sha256, instructions });
      }
    }
    if (booklet) {
      const file = await write(`${publication.id}.print`, booklet.bytes);
      if (!file) continue;
      const words = strings.forLang(publication.meta.lang).table;
      const instructions = booklet.signatures > 1 ? (words.print_booklet_signatures ?? '').replaceAll('{sheets}', String(bookletOf?.sheetsPerSignature ?? 8)) : (words.print_booklet ?? '');
      written[0]!.print = {
        file,
        sheets: booklet.sheets,
        up: 2,
        duplex: true,
        instructions,
        bytes: booklet.bytes.byteLength,
        sha256: sha256(booklet.bytes),
        booklet: { pages: booklet.pages, blanks: booklet.blanks, signatures: booklet.signatures },
      };
      written[0]!.files!.push({ profile: 'home', kind: 'booklet', file, bytes: booklet.bytes.byteLength, sha256: sha256(booklet.bytes), instructions });
    }
    const milliseconds = world.now() - started;
    for (const result of written) {
      result.milliseconds = milliseconds / written.length;
      built.push(result);
      options.onPublication?.(result);
    }
    if (records) {
      const files = [...images.files, ...(variants ? [variants.file] : [])];
      records.set(publication.id, {
        fingerprint: await fingerprint(world, { shared: await shared(), documents: [publication, ...includes], templates: templateSources, files }),
        files,
        publications: written.map((result) => ({ ...result, milliseconds: 0 })),
        warnings: diagnostics.list.slice(mark).filter((d) => d.severity === 'warning'),
      });
    }
  }
  // Broken fonts are reported even when no publication got as far as needing them; only a build where every
  // publication was unchanged (fonts included, by their fingerprint) leaves them unread.
  if (!options.siteOnly && (skipped < index.publications.length || index.publications.length === 0)) {
    if (!fonts) await loadBuildStages();
    templates.checkPartials(diagnostics);
  }

  if (built.length > 0) {
    const entries = built.map(({ path: _path, milliseconds: _ms, scale: _scale, unchanged: _unchanged, ...entry }) => entry);
    try {
      // Staged after the files they describe, so put in place after them: the schema, the manifest, its
      // checksums, then the page, which never links a file that is not there yet.
      const encode = (text: string) => new TextEncoder().encode(text);
      if (site) await staging.put(`${dirs.out}/${SCHEMA_FILE}`, encode(`${JSON.stringify(schema, null, 2)}\n`));
      const manifest = await stageManifest(world, staging, dirs.out, entries, new Set(index.ids), GENERATOR);
      if (site) {
        await staging.put(`${dirs.out}/SHA256SUMS`, encode(checksumsFile(manifest)));
        await stagePage(world, staging, dirs, { manifest, inputs: await shared(), data: () => pageData(manifest, (lang) => strings.forLang(lang).table) }, diagnostics);
      }
    } catch (error) {
      diagnostics.error(at(`${dirs.out}/manifest.json`), `cannot write the manifest: ${(error as Error).message}`, 'write-output');
    }
  }
  // Last: the records tell of what this build put in place, and are put in place after it.
  await records?.stage(staging);
  options.signal?.throwIfAborted();
  try {
    await staging.commit();
  } catch (error) {
    // A journal written: its commit is begun, and the next build finishes it. Else nothing was put in place.
    if (error instanceof CommitError) diagnostics.error(at(error.path), `cannot put the built files in place: ${error.message}; the next build finishes doing so`, 'write-output');
    else diagnostics.error(at(`${dirs.out}/manifest.json`), `cannot put the built files in place: ${(error as Error).message}; nothing was changed`, 'write-output');
  }
  const sorted = sortDiagnostics(diagnostics.list);
  return { publications: built, checked, diagnostics: sorted, ok: !sorted.some((d) => d.severity === 'error') };
}

/** The print files' code (pdf-lib) is loaded only by a build that makes print files. */
const impose = () => import('./impose/index.ts');

/** Whether a layout or its partials read `{{profile}}`: only then can the profiles' definitions differ. */
function readsProfile(sources: ReadonlyMap<string, string>): boolean {
  for (const text of sources.values()) for (const mustache of text.matchAll(/\{\{[^}]*\}\}/g)) if (/(?<![\w.])profile\b/.test(mustache[0])) return true;
  return false;
}

function metadataOf(document: SourceDocument, world: World, variant?: Variant) {
  const meta = document.meta;
  const keywords = meta.keywords;
  return {
    title: variant ? `${meta.title} (${variant.slug})` : meta.title,
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

function cacheDirOf(options: BuildOptions, config: ProjectConfig): string | undefined {
  const cache = options.cache ?? config.cache ?? '.cache/roneo';
  return cache === false ? undefined : clean(cache);
}

function clean(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}
