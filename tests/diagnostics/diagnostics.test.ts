/**
 * One case per diagnostic rule: `cases/<name>.md` (placed at
 * `content/leaflets/<name>.md`) or a folder `cases/<name>/` whose files are
 * laid out as project paths (`content/…`, `templates/…`, `fonts/…`), and
 * `cases/<name>.expected`, the exact formatted diagnostics in the order
 * `build()` returns them.
 *
 * Inputs that cannot be committed (megabytes, a thousand levels of nesting,
 * file names no checkout keeps) are made when their case runs: `generate`,
 * from generated-inputs.ts.
 *
 * The .expected files say what each message SHOULD be, worked out by hand
 * from the input. Where Roneo currently says something else, the case is
 * marked `bug` and runs as `it.fails`, so the suite stays green while the bug
 * is open and turns red (asking for the mark to be removed) once it is fixed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { memoryProject, tempProject } from '../helpers/project.ts';
import { generated } from './generated-inputs.ts';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));

/** A publication with nothing wrong, added beside a broken one to show the build goes on. */
const GOOD_PATH = 'content/leaflets/good.md';
const GOOD_ID = 'leaflets/good';
const GOOD = '---\nlayout: leaflet\ntitle: Un tract sans défaut\ndate: 2024-05-01\n---\n\nRien à signaler ici.\n';

interface Case {
  /** Case name: `cases/<name>.md` or `cases/<name>/`, and `cases/<name>.expected`. */
  name: string;
  /** The rule the case is about (the `it` is grouped under it). */
  rule: string;
  /** The error concerns one publication: add a good one and check it is still built. */
  good?: boolean;
  /** Publication ids that must be built despite the diagnostics (warning-only cases). */
  built?: string[];
  /** Build through the real file system, for behaviour the in-memory world cannot show. */
  disk?: boolean;
  options?: Pick<BuildOptions, 'only' | 'templates'>;
  /** A known bug in src/: the .expected file holds the correct output, which Roneo does not yet produce. */
  bug?: string;
  /** Inputs made when the case runs, added to its committed files (if any). */
  generate?: () => Record<string, string>;
}

const cases: Case[] = [
  // The project's settings file: every problem at its line, and then nothing is built.
  { name: 'config', rule: 'config' },
  { name: 'config-json', rule: 'config' },
  // Reading
  { name: 'invalid-encoding', rule: 'invalid-encoding', good: true },
  {
    name: 'invalid-encoding-literal-fffd',
    rule: 'invalid-encoding',
    good: true,
  },
  {
    name: 'invalid-encoding-cr-only',
    rule: 'invalid-encoding',
    good: true,
  },
  { name: 'read-file', rule: 'read-file', good: true, disk: true },
  { name: 'bom-crlf', rule: 'bom-crlf', built: ['leaflets/bom-crlf'] },
  { name: 'bom-crlf-positions', rule: 'bom-crlf', good: true, built: ['leaflets/crlf-html'] },
  { name: 'empty-file', rule: 'empty-file', good: true },
  { name: 'empty-file-blank', rule: 'empty-file', good: true },
  // A 5.6 MB paragraph: refused before it is read, which would take minutes.
  { name: 'file-too-large', rule: 'file-too-large', good: true, generate: generated.fileTooLarge },

  // Front matter
  { name: 'front-matter-yaml', rule: 'front-matter-yaml', good: true },
  { name: 'front-matter-yaml-alias-bomb', rule: 'front-matter-yaml', good: true },
  { name: 'front-matter-unclosed', rule: 'front-matter-yaml', good: true },
  { name: 'front-matter-yaml-deep', rule: 'front-matter-yaml', good: true, generate: generated.deepFrontMatter },
  { name: 'front-matter', rule: 'front-matter', good: true },
  {
    name: 'front-matter-source-url',
    rule: 'front-matter',
    good: true,
  },
  { name: 'front-matter-cover-pdfa', rule: 'front-matter', good: true },
  { name: 'front-matter-qr-too-long', rule: 'front-matter', good: true },

  // Publications, layouts and includes
  { name: 'unknown-publication', rule: 'unknown-publication', good: true, options: { only: ['nope', 'articles/note', GOOD_ID] } },
  { name: 'content-folder', rule: 'content-folder', disk: true },
  { name: 'templates-folder', rule: 'templates-folder', disk: true, options: { templates: 'layouts' } },
  { name: 'unknown-layout', rule: 'unknown-layout', good: true },
  // File names that cannot name a PDF: a line break, a backslash, Windows devices (as a file and as a folder).
  { name: 'output-name', rule: 'output-name', good: true, generate: generated.outputNames },
  { name: 'include-path', rule: 'include-path', good: true },
  { name: 'include-missing', rule: 'include-missing', good: true },
  { name: 'include-missing-broken', rule: 'include-missing', good: true },
  { name: 'include-cycle', rule: 'include-cycle', good: true },
  { name: 'self-include', rule: 'include-cycle', good: true },
  { name: 'include-publication', rule: 'include-publication', good: true, built: ['leaflets/other'] },
  {
    name: 'duplicate-shared-article',
    rule: 'include-missing',
    good: true,
  },

  // Templates and string tables
  { name: 'template-syntax', rule: 'template-syntax', good: true },
  {
    name: 'template-syntax-block-mismatch',
    rule: 'template-syntax',
    good: true,
  },
  {
    name: 'duplicate-layout-syntax',
    rule: 'template-syntax',
    good: true,
  },
  { name: 'template-runtime', rule: 'template-runtime', good: true },
  // Every `{{…}}` read against the data a layout is given, before it is filled: a misspelt field, one read on the
  // wrong context, a partial that does not exist (even in a branch no publication takes).
  { name: 'template-field', rule: 'template-field', good: true },
  { name: 'template-field-partial', rule: 'template-field', good: true },
  { name: 'template-partial', rule: 'template-partial', good: true },
  {
    name: 'template-output',
    rule: 'template-output',
    good: true,
  },
  { name: 'template-output-not-an-object', rule: 'template-output', good: true },
  { name: 'strings-lang', rule: 'strings-lang', built: ['leaflets/strings-lang'] },
  { name: 'strings-invalid', rule: 'strings-invalid', good: true },
  {
    name: 'strings-invalid-yaml',
    rule: 'strings-invalid',
    good: true,
  },

  // Markdown
  { name: 'raw-html', rule: 'raw-html', built: ['leaflets/raw-html'] },
  { name: 'unknown-directive', rule: 'unknown-directive', built: ['leaflets/unknown-directive'] },
  { name: 'footnote-unused', rule: 'footnote-unused', built: ['leaflets/footnote-unused'] },
  { name: 'does-not-fit', rule: 'does-not-fit', good: true },
  // Limits on one file's structure (src/parse/limits.ts): what is past them is cut out at parse time.
  { name: 'block-too-long', rule: 'block-too-long', good: true, generate: generated.blockTooLong },
  { name: 'nesting-limit-lists', rule: 'nesting-limit', good: true, generate: generated.nestedLists },
  { name: 'nesting-limit-quotes', rule: 'nesting-limit', good: true, generate: generated.nestedQuotes },
  { name: 'nesting-limit-mixed', rule: 'nesting-limit', good: true, generate: generated.nestedMixed },
  { name: 'nesting-limit-inline', rule: 'nesting-limit', good: true, generate: generated.nestedEmphasis },
  { name: 'emphasis-limit', rule: 'emphasis-limit', good: true, generate: generated.emphasisMarks },
  { name: 'footnote-limit', rule: 'footnote-limit', good: true, generate: generated.footnotes },
  // Leaflet variants: errors at the data file's line, or where a missing column is used.
  { name: 'variants-column', rule: 'variants-column', good: true },
  { name: 'variants-duplicate', rule: 'variants-duplicate', good: true },
  { name: 'variants-encoding', rule: 'variants-encoding', good: true },
  { name: 'variants-unclosed-quote', rule: 'variants-syntax', good: true },
  { name: 'variants-yaml-deep', rule: 'variants-syntax', good: true },
  { name: 'variants-row', rule: 'variants-row', good: true },
  { name: 'variants-header', rule: 'variants-header', good: true },
  // A file name from the table is made safe, inside the leaflet's folder, whether it comes from a `slug` column
  // or from the first column; one that leaves nothing (`..`) is refused.
  { name: 'variants-slug-path', rule: 'variants-slug', built: ['leaflets/tract/escape', 'leaflets/tract/etc-x', 'leaflets/tract/a-b'] },
  { name: 'variants-slug-made-safe', rule: 'variants-slug', built: ['leaflets/tract/escape', 'leaflets/tract/etc-passwd'] },
  { name: 'variants-slug-dots', rule: 'variants-slug', good: true },
  { name: 'variant-field', rule: 'variant-field', good: true },
  { name: 'typesetting-settings', rule: 'typesetting-settings', good: true },
  {
    name: 'footnote-undefined',
    rule: 'footnote-undefined',
    built: ['leaflets/footnote-undefined'],
  },
  { name: 'handlebars-in-markdown', rule: 'handlebars-in-markdown', built: ['leaflets/handlebars-in-markdown'] },

  // Images
  { name: 'image-remote', rule: 'image-remote', good: true },
  { name: 'image-path', rule: 'image-path', good: true },
  { name: 'image-missing', rule: 'image-missing', good: true },
  { name: 'image-format', rule: 'image-format', good: true },
  { name: 'image-corrupt', rule: 'image-corrupt', good: true },
  { name: 'image-empty', rule: 'image-empty', good: true },
  // A decompression bomb: a few bytes that announce 400 megapixels.
  { name: 'image-too-large', rule: 'image-too-large', good: true },
  // Drawings that would make the SVG renderer read other files.
  { name: 'image-svg', rule: 'image-svg', good: true },
  { name: 'image-resolution', rule: 'image-resolution', built: ['leaflets/image-resolution'] },
  // The front matter's `cover:` picture, checked like a Markdown image and reported at the field.
  { name: 'image-remote-cover', rule: 'image-remote', good: true },
  { name: 'image-path-cover', rule: 'image-path', good: true },
  { name: 'image-missing-cover', rule: 'image-missing', good: true },
  { name: 'image-format-cover', rule: 'image-format', good: true },
  { name: 'image-corrupt-cover', rule: 'image-corrupt', good: true },
  { name: 'cover-unused', rule: 'cover-unused', good: true, built: ['leaflets/cover-unused'] },

  // Fonts
  { name: 'missing-glyph', rule: 'missing-glyph', good: true },
  {
    name: 'missing-glyph-chapter-title',
    rule: 'missing-glyph',
    good: true,
  },
  {
    name: 'unknown-font',
    rule: 'unknown-font',
    good: true,
  },
  { name: 'fonts', rule: 'fonts' },
  {
    name: 'fonts-unreadable',
    rule: 'fonts',
  },
];

/** The case's files as project paths. */
function caseFiles(name: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const single = join(CASES, `${name}.md`);
  if (existsSync(single)) files[`content/leaflets/${name}.md`] = new Uint8Array(readFileSync(single));
  const folder = join(CASES, name);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const absolute = join(entry.parentPath, entry.name);
      files[relative(folder, absolute).split('\\').join('/')] = new Uint8Array(readFileSync(absolute));
    }
  }
  return files;
}

function expectedLines(name: string): string[] {
  const text = readFileSync(join(CASES, `${name}.expected`), 'utf8');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** The case's committed files and those it makes. */
function inputFiles(c: Case): Record<string, Uint8Array | string> {
  return { ...caseFiles(c.name), ...c.generate?.() };
}

async function buildCase(c: Case): Promise<BuildResult> {
  const files = inputFiles(c);
  if (c.good) {
    expect(files[GOOD_PATH], `${c.name} must not bring its own ${GOOD_PATH}`).toBeUndefined();
    files[GOOD_PATH] = GOOD;
  }
  if (!c.disk) return build({ world: await memoryProject(files), ...c.options });
  const project = await tempProject({ files });
  try {
    return await build({ root: project.root, ...c.options });
  } finally {
    await project.cleanup();
  }
}

describe('diagnostics: one case per rule, exact messages', () => {
  it('every case has an .expected file and every .expected file has a case', () => {
    const names = cases.map((c) => c.name).sort();
    const expectedFiles = readdirSync(CASES)
      .filter((f) => f.endsWith('.expected'))
      .map((f) => f.slice(0, -'.expected'.length))
      .sort();
    expect(expectedFiles).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the byte-level inputs survived checkout (see .gitattributes)', () => {
    const bytes = (path: string) => readFileSync(join(CASES, path));
    for (const path of ['bom-crlf.md', 'bom-crlf-positions/content/leaflets/crlf-date.md', 'bom-crlf-positions/content/leaflets/crlf-html.md']) {
      const data = bytes(path);
      expect([...data.subarray(0, 3)], path).toEqual([0xef, 0xbb, 0xbf]);
      expect(data.toString('latin1').split('\n').slice(0, -1).every((line) => line.endsWith('\r')), path).toBe(true);
    }
    const cr = bytes('invalid-encoding-cr-only.md').toString('latin1');
    expect(cr.includes('\r') && !cr.includes('\n')).toBe(true);
    for (const path of ['invalid-encoding.md', 'invalid-encoding-literal-fffd.md', 'invalid-encoding-cr-only.md']) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(path)), path).toThrow();
    }
  });

  for (const rule of [...new Set(cases.map((c) => c.rule))]) {
    describe(rule, () => {
      for (const c of cases.filter((x) => x.rule === rule)) {
        const test = c.bug ? it.fails : it;
        const title = c.bug ? `${c.name} [known bug: ${c.bug}]` : c.name;
        test(title, async () => {
          const expected = expectedLines(c.name);
          const result = await buildCase(c);
          const actual = result.diagnostics.map(formatDiagnostic);

          expect(actual).toEqual(expected);
          const errors = expected.some((line) => /^[^:]*:\d+:\d+: error: /.test(line));
          expect(result.ok).toBe(!errors);
          const built = result.publications.map((p) => p.id);
          if (c.good) expect(built).toContain(GOOD_ID);
          for (const id of c.built ?? []) expect(built).toContain(id);
          if (!errors) expect(built.length).toBeGreaterThan(0);
        });
      }
    });
  }

  // `roneo check` runs the same checks without rendering: the same messages, except what only setting the
  // text can tell (a leaflet too long for its page), and nothing written.
  const renderTime = new Set(['does-not-fit']);
  describe('check: the same diagnostics, nothing written', () => {
    for (const c of cases.filter((x) => !renderTime.has(x.rule) && !x.disk && !x.bug)) {
      it(c.name, async () => {
        const files = inputFiles(c);
        if (c.good) files[GOOD_PATH] = GOOD;
        const world = await memoryProject(files);
        const before = new Set(world.files.keys());
        const result = await build({ world, ...c.options, check: true });
        expect(result.diagnostics.map(formatDiagnostic)).toEqual(expectedLines(c.name));
        expect(result.publications).toEqual([]);
        if (c.good) expect(result.checked).toContain(GOOD_ID);
        expect([...world.files.keys()].filter((path) => !before.has(path) && !path.startsWith('.cache/'))).toEqual([]);
      });
    }
  });

  it('an error stops every publication when the fonts themselves are broken', async () => {
    const result = await buildCase({ name: 'fonts', rule: 'fonts', good: true });
    expect(result.ok).toBe(false);
    expect(result.publications).toEqual([]);
  });
});
