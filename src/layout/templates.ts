import { createHash } from 'node:crypto';
import JSON5 from 'json5';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { at } from '../diagnostics/diagnostic.ts';
import type { World } from '../world/world.ts';
import { createHandlebars, type HandlebarsEnv, SafeString } from './handlebars-env.ts';
import { formatDate } from './format-date.ts';
import { Insertions } from './insertions.ts';
import type { Shape } from './layout-data-model.ts';
import { type FieldProblem, templateFieldProblems } from './template-fields.ts';

export type LayoutData = Record<string, unknown>;

interface Source {
  path: string;
  text: string;
}

/** A template's syntax error, kept to be reported again by each build that uses the same text. */
interface SyntaxProblem {
  line: number;
  column: number;
  detail: string;
}

/**
 * What compiling a templates folder gives: the Handlebars environment with its helpers and partials
 * registered, and each layout compiled when first used (or its syntax error). Shared by every build in this
 * process whose layouts and partials are the same text, so that `roneo watch` compiles each once.
 */
interface CompiledFolder {
  hb: HandlebarsEnv;
  sources: Map<string, Source>;
  /** Every partial, by name; those that compile are registered on `hb`. */
  partials: Map<string, Source & { name: string }>;
  /** The partials that do not, with their error; undefined until the partials' syntax is checked. */
  brokenPartials: Array<{ path: string; problem: SyntaxProblem }> | undefined;
  layouts: Map<string, HandlebarsTemplateDelegate<LayoutData> | SyntaxProblem>;
  /** Each layout's fields and partials that do not exist, found when it is first filled. */
  fieldProblems: Map<string, FieldProblem[]>;
}

/**
 * Templates folders compiled in this process, by the hash of every layout's and partial's path and text, most
 * recently used last; a few, so that a long session editing templates does not keep every version.
 */
const compiledFolders = new Map<string, CompiledFolder>();
const MAX_COMPILED_FOLDERS = 8;
let compiles = 0;

/** How many layouts and partials this process compiled: a test proves a second build compiles none. */
export function templateCompileCount(): number {
  return compiles;
}

/**
 * The Handlebars layouts of a templates folder: `<name>.hbs` for each layout
 * and `partials/<name>.hbs` for the pieces they share. Each fills a pdfmake
 * document definition written in JSON5.
 */
export class Templates {
  /** Layouts whose syntax error this build has reported: each is reported once. */
  private readonly reported = new Set<string>();
  /** Whether this build has reported the partials' syntax errors. */
  private partialsReported = false;
  private readonly hb: HandlebarsEnv;
  private readonly sources: Map<string, Source>;
  private readonly partials: Map<string, Source>;

  private constructor(
    private readonly dir: string,
    private readonly folder: CompiledFolder,
  ) {
    this.hb = folder.hb;
    this.sources = folder.sources;
    this.partials = folder.partials;
  }

  static async load(world: World, dir: string, diagnostics: Diagnostics): Promise<Templates> {
    let files: string[] = [];
    try {
      files = await world.listFiles(dir);
    } catch {
      diagnostics.error(at(dir), 'templates folder not found', 'templates-folder');
    }
    const layouts: Source[] = [];
    const partials: Array<Source & { name: string }> = [];
    for (const path of files.filter((f) => f.endsWith('.hbs'))) {
      const name = path.slice(dir.length + 1, -'.hbs'.length);
      const isPartial = name.startsWith('partials/');
      if (!isPartial && name.includes('/')) continue;
      const text = new TextDecoder().decode(await world.readFile(path)).replace(/\r\n?/g, '\n');
      if (isPartial) partials.push({ name: name.slice('partials/'.length), path, text });
      else layouts.push({ path, text });
    }
    const key = createHash('sha256');
    for (const { path, text } of [...layouts, ...partials]) key.update(`${path}\0${text}\0`);
    const digest = `${dir}\0${key.digest('hex')}`;
    let folder = compiledFolders.get(digest);
    if (folder) {
      compiledFolders.delete(digest);
    } else {
      const hb = createHandlebars();
      registerHelpers(hb);
      folder = { hb, sources: new Map(), partials: new Map(), brokenPartials: undefined, layouts: new Map(), fieldProblems: new Map() };
      for (const source of layouts) folder.sources.set(source.path.slice(dir.length + 1, -'.hbs'.length), source);
      for (const partial of partials) {
        folder.partials.set(partial.name, partial);
        hb.registerPartial(partial.name, partial.text);
      }
      if (compiledFolders.size >= MAX_COMPILED_FOLDERS) compiledFolders.delete(compiledFolders.keys().next().value!);
    }
    compiledFolders.set(digest, folder);
    return new Templates(dir, folder);
  }

  /**
   * The partials' syntax, checked once per folder when a layout is first filled (a build with nothing to
   * fill, because nothing changed, skips the cost) and reported once per build. A partial that does not
   * compile is unregistered, so a layout that uses it fails where it does.
   */
  checkPartials(diagnostics: Diagnostics): void {
    if (!this.folder.brokenPartials) {
      const broken: Array<{ path: string; problem: SyntaxProblem }> = [];
      for (const [name, { path, text }] of this.folder.partials) {
        const problem = syntaxProblem(this.hb, text);
        if (!problem) continue;
        broken.push({ path, problem });
        this.hb.unregisterPartial(name);
      }
      this.folder.brokenPartials = broken;
    }
    if (this.partialsReported) return;
    this.partialsReported = true;
    for (const { path, problem } of this.folder.brokenPartials) report(path, problem, diagnostics);
  }

  has(layout: string): boolean {
    return this.sources.has(layout);
  }

  names(): string[] {
    return [...this.sources.keys()].sort();
  }

  pathOf(layout: string): string {
    return this.sources.get(layout)?.path ?? `${this.dir}/${layout}.hbs`;
  }

  /** The layout's own file and every partial, by path: where a value written in a template can come from. */
  sourcesOf(layout: string): Map<string, string> {
    const texts = new Map<string, string>();
    const own = this.sources.get(layout);
    if (own) texts.set(own.path, own.text);
    for (const partial of this.partials.values()) texts.set(partial.path, partial.text);
    return texts;
  }

  /**
   * Checks that every `{{…}}` of the layout and of the partials it uses names
   * a field of `data` and an existing partial, branches no publication takes
   * included (template-fields.ts); each problem is reported at its place.
   * Read once per folder, `data` being the same model for every publication.
   * Whether the layout may be filled.
   */
  checkFields(layout: string, data: Shape, diagnostics: Diagnostics): boolean {
    const source = this.sources.get(layout);
    if (!source) return true;
    let problems = this.folder.fieldProblems.get(layout);
    if (!problems) {
      problems = templateFieldProblems({ layout: source, partials: this.partials, helpers: new Set(Object.keys(this.hb.helpers)), data, parse: (text) => this.hb.parse(text) });
      this.folder.fieldProblems.set(layout, problems);
    }
    for (const problem of problems) diagnostics.error(at(problem.file, problem.line, problem.column), problem.reason, problem.rule);
    return problems.length === 0;
  }

  /**
   * Fills a layout and parses its JSON5; every failure is reported against
   * the .hbs file. `fresh` holds the content arrays made for this render
   * alone: the definition takes them by reference instead of copying them.
   */
  render(layout: string, data: LayoutData, diagnostics: Diagnostics, fresh: WeakSet<object> = new WeakSet()): Record<string, unknown> | undefined {
    const source = this.sources.get(layout);
    if (!source) return undefined;
    this.checkPartials(diagnostics);
    let template = this.folder.layouts.get(layout);
    if (template === undefined) {
      template = syntaxProblem(this.hb, source.text) ?? this.hb.compile<LayoutData>(source.text);
      this.folder.layouts.set(layout, template);
    }
    if (typeof template !== 'function') {
      if (!this.reported.has(layout)) report(source.path, template, diagnostics);
      this.reported.add(layout);
      return undefined;
    }
    const insertions = new Insertions(fresh);
    let output: string;
    try {
      activeInsertions.set(data, insertions);
      output = template(data, { allowProtoPropertiesByDefault: false });
    } catch (error) {
      const message = String((error as Error).message);
      const { file, line, column } = this.locateRuntimeError(source, message);
      diagnostics.error(at(file, line, column), `template error: ${message.split('\n')[0]}`, 'template-runtime');
      return undefined;
    } finally {
      activeInsertions.delete(data);
    }
    try {
      const parsed = insertions.fill(JSON5.parse(output));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the layout must produce one { … } document definition');
      return parsed as Record<string, unknown>;
    } catch (error) {
      const e = error as Error & { lineNumber?: number; columnNumber?: number };
      const where = e.lineNumber ? ` (at line ${e.lineNumber}, column ${e.columnNumber ?? 1} of the filled layout)` : '';
      const reason = e.message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '');
      diagnostics.error(at(source.path), `layout does not produce valid JSON5: ${reason}${where}`, 'template-output');
      return undefined;
    }
  }

  /** Handlebars runtime errors carry no position: find the partial or helper named in the message. */
  private locateRuntimeError(source: Source, message: string): { file: string; line: number; column: number } {
    const partial = /partial (\S+) could not be found/.exec(message)?.[1];
    const helper = /Missing helper: "([^"]+)"/.exec(message)?.[1];
    const word = /no string "([^"]+)"/.exec(message)?.[1];
    const needle = partial
      ? new RegExp(`{{#?>\\s*${escapeRegExp(partial)}\\b`)
      : helper
        ? new RegExp(`{{[#^]?\\s*${escapeRegExp(helper)}\\b`)
        : word
          ? new RegExp(`{{\\s*t\\s+["']${escapeRegExp(word)}["']`)
          : undefined;
    for (const candidate of [source, ...this.partials.values()]) {
      const found = needle ? positionOf(candidate.text, needle) : undefined;
      if (found) return { file: candidate.path, ...found };
    }
    return { file: source.path, line: 1, column: 1 };
  }
}

/** Parses and compiles a template's text, as Handlebars will: its syntax error, if it has one. */
function syntaxProblem(hb: HandlebarsEnv, text: string): SyntaxProblem | undefined {
  compiles++;
  try {
    hb.precompile(text);
    return undefined;
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    const message = String(e.message);
    // Block mismatches carry a position; parser errors only name their line.
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    const column = e.column !== undefined ? e.column + 1 : 1;
    const detail = message.startsWith('Parse error') ? (message.split('\n').at(-1) ?? message) : message.replace(/ - \d+:\d+$/, '');
    return { line, column, detail: detail.trim() };
  }
}

function report(path: string, problem: SyntaxProblem, diagnostics: Diagnostics): void {
  diagnostics.error(at(path, problem.line, problem.column), `template syntax error: ${problem.detail}`, 'template-syntax');
}

/** The insertions of the render under way, by its data object: Handlebars gives helpers that object as `@root`. */
const activeInsertions = new WeakMap<object, Insertions>();

function registerHelpers(hb: HandlebarsEnv): void {
  /** Inserts a value as data: how Markdown content enters a layout as data, never as template code. */
  hb.registerHelper('json', (...args: unknown[]) => {
    // Called with no value, Handlebars passes only its options, which JSON then writes out as the value.
    const options = args.at(-1) as Handlebars.HelperOptions;
    const root: unknown = options.data?.root;
    const insertions = typeof root === 'object' && root !== null ? activeInsertions.get(root) : undefined;
    return new SafeString(insertions ? insertions.write(args[0]) : JSON.stringify(args[0] ?? null));
  });
  /** `{{t "contents"}}`: a word from the publication's string table. */
  hb.registerHelper('t', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
    const strings = (options.data?.root as { strings?: Record<string, string> } | undefined)?.strings ?? {};
    const word = strings[String(key)];
    if (word === undefined) throw new Error(`no string "${String(key)}" in the string tables`);
    return word;
  });
  /** `{{date value}}`: a YYYY-MM-DD date written out in the publication's language. */
  hb.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) => {
    const lang = (options.data?.root as { lang?: string } | undefined)?.lang ?? 'fr';
    return typeof value === 'string' ? formatDate(value, lang) : '';
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

function positionOf(text: string, pattern: RegExp): { line: number; column: number } | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
