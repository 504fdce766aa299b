import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { SourceDocument } from '../load/load-document.ts';
import type { ImageRegistry } from '../transform/images.ts';
import { type Typesetting, typesetFields, typesetTree } from '../transform/typography/index.ts';
import { formatDate } from './format-date.ts';
import { LAYOUT_DATA } from './layout-data-model.ts';
import { reportLimits } from './report-limits.ts';
import { typesettingFor } from './typesetting-settings.ts';
import type { StringTables } from './strings.ts';
import type { Templates } from './templates.ts';
import { type PdfContent, toPdfmake } from './to-pdfmake/index.ts';
import { withVariant } from '../transform/variant-fields.ts';

export interface ParsedDocument {
  document: SourceDocument;
  tree: Root;
}

export interface LayoutInput {
  publication: ParsedDocument;
  chapters: ParsedDocument[];
  images: ImageRegistry;
  /** The registry key of the front matter's `cover:` picture, when it could be read. */
  cover?: string;
  /** The registry key of the front matter's `logo:` picture. */
  logo?: string;
  /** One row of the publication's `variants:` table: `{{variant.<column>}}` in the layout, `:variant[<column>]` in the Markdown. */
  variant?: Readonly<Record<string, string>>;
  /** What the PDF is for: `screen` (the default), `home` or `shop`; a layout reads it as `{{profile}}`. */
  profile?: string;
  version: string;
  /** The project's `typography` and `hyphenation` settings (roneo.config.json), under the layout's and the publication's. */
  projectTypesetting?: { typography?: unknown; hyphenation?: unknown };
}

/** The filled layout: a pdfmake document definition plus Roneo's own settings. */
export interface LaidOutDocument {
  definition: Record<string, unknown>;
  templatePath: string;
  /** The layout and its partials: errors reported in them fail this publication. */
  templatePaths: string[];
}

/** Fields a layout prints as they are: identifiers, paths and addresses are not prose. */
const NOT_PROSE = new Set(['layout', 'include', 'lang', 'date', 'qr', 'cover', 'logo', 'variants', 'url', 'typography', 'hyphenation', 'keywords']);

/**
 * Converts the publication and its chapters to pdfmake content and hands
 * them, with the front matter, to the publication's Handlebars layout. The
 * Markdown enters the layout only as JSON data, so `{{…}}` in an article is
 * printed, never evaluated.
 *
 * The layout is filled twice: first without content, to read the
 * typesetting rules it sets (`roneo: { typography, hyphenation }`), which
 * the text must be set with before it is converted.
 */
export function layoutPublication(
  input: LayoutInput,
  templates: Templates,
  strings: StringTables,
  diagnostics: Diagnostics,
): LaidOutDocument | undefined {
  const { document } = input.publication;
  const layout = document.meta.layout!;
  if (!templates.has(layout)) {
    const known = templates.names().join(', ') || 'none';
    diagnostics.error(document.frontMatter.locate(['layout']), `unknown layout \`${layout}\` (templates: ${known})`, 'unknown-layout');
    return undefined;
  }
  // A misspelt field would print nothing, in silence; a missing partial fail only where a publication reaches it.
  if (!templates.checkFields(layout, LAYOUT_DATA, diagnostics)) return undefined;
  if (reportLimits([input.publication, ...input.chapters], diagnostics)) return undefined;
  const lang = document.meta.lang;
  const { table, found } = strings.forLang(lang);
  if (!found) {
    diagnostics.warn(document.frontMatter.locate(['lang']), `no string table for \`${lang}\`; the layout's own words print in English`, 'strings-lang');
  }

  const data = (body: (parsed: ParsedDocument, idPrefix: string) => PdfContent[], typeset: (parsed: ParsedDocument) => Typesetting | undefined) => {
    const fields = (parsed: ParsedDocument) => {
      const settings = typeset(parsed);
      return settings ? typesetFields(parsed.document.meta, settings, NOT_PROSE) : parsed.document.meta;
    };
    const { layout: _layout, include: _include, ...own } = fields(input.publication);
    return {
      ...own,
      id: document.id,
      lang,
      dateText: document.meta.date ? formatDate(document.meta.date, lang) : undefined,
      coverImage: input.cover,
      logoImage: input.logo,
      // A local group's own `contact` column stands in for the publication's.
      contactLines: contactLines(input.variant?.contact ?? own.contact),
      profile: input.profile ?? 'screen',
      variant: input.variant ? variantFields(input.variant, typeset(input.publication)) : undefined,
      strings: table,
      body: body(input.publication, 'c0-'),
      chapters: input.chapters.map((chapter, index) => ({
        ...fields(chapter),
        id: chapter.document.id,
        dateText: chapter.document.meta.date ? formatDate(chapter.document.meta.date, lang) : undefined,
        number: index + 1,
        content: body(chapter, `c${index + 1}-`),
      })),
      roneo: { version: input.version },
    };
  };

  // First pass: the layout's own settings, read from a fill without content. Its errors are the layout's
  // and are reported here once (identical reports from the second pass are merged).
  const draft = templates.render(layout, data(() => [], () => undefined), diagnostics);
  const typesetting = typesettingFor(draft?.roneo, input.publication.document, templates.pathOf(layout), diagnostics, input.projectTypesetting);

  // The converted content is made for this fill alone, so the definition may take it without a copy.
  const fresh = new WeakSet<object>();
  const convert = (parsed: ParsedDocument, idPrefix: string): PdfContent[] => {
    const content = toPdfmake(typesetTree(withVariant(parsed.tree, input.variant), typesetting(parsed.document.meta.lang)), {
      file: parsed.document.path,
      diagnostics,
      images: input.images,
      strings: table,
      idPrefix,
      sourceText: parsed.document.text,
    });
    fresh.add(content);
    return content;
  };
  const definition = templates.render(layout, data(convert, (parsed) => typesetting(parsed.document.meta.lang)), diagnostics, fresh);
  if (!definition) return undefined;
  return { definition, templatePath: templates.pathOf(layout), templatePaths: [...templates.sourcesOf(layout).keys()] };
}

/** Front matter `contact:` as the lines a layout prints: text line by line, or a mapping's values in the order written. */
function contactLines(contact: unknown): string[] {
  if (typeof contact === 'string') return contact.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (typeof contact === 'object' && contact !== null) return Object.values(contact).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return [];
}

/** A variant's values as a layout prints them: with the publication's typography, as its other fields. */
function variantFields(fields: Readonly<Record<string, string>>, settings: Typesetting | undefined): Record<string, string> {
  return settings ? typesetFields({ ...fields }, settings, new Set(['url', 'email', 'web', 'slug'])) : { ...fields };
}
