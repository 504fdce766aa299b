import type { Root } from 'mdast';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { SourceDocument } from '../load/load-document.ts';
import type { ImageRegistry } from '../transform/images.ts';
import { formatDate } from './format-date.ts';
import type { StringTables } from './strings.ts';
import type { Templates } from './templates.ts';
import { type PdfContent, toPdfmake } from './to-pdfmake/index.ts';

export interface ParsedDocument {
  document: SourceDocument;
  tree: Root;
}

export interface LayoutInput {
  publication: ParsedDocument;
  chapters: ParsedDocument[];
  images: ImageRegistry;
  version: string;
}

/** The filled layout: a pdfmake document definition plus Roneo's own settings. */
export interface LaidOutDocument {
  definition: Record<string, unknown>;
  templatePath: string;
  /** The layout and its partials: errors reported in them fail this publication. */
  templatePaths: string[];
}

/**
 * Converts the publication and its chapters to pdfmake content and hands
 * them, with the front matter, to the publication's Handlebars layout. The
 * Markdown enters the layout only as JSON data, so `{{…}}` in an article is
 * printed, never evaluated.
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
  const lang = document.meta.lang;
  const { table, found } = strings.forLang(lang);
  if (!found) {
    diagnostics.warn(document.frontMatter.locate(['lang']), `no string table for \`${lang}\`; the layout's own words print in English`, 'strings-lang');
  }
  const convert = (parsed: ParsedDocument, idPrefix: string): PdfContent[] =>
    toPdfmake(parsed.tree, {
      file: parsed.document.path,
      diagnostics,
      images: input.images,
      strings: table,
      idPrefix,
      sourceText: parsed.document.text,
    });

  const { layout: _layout, include: _include, ...fields } = document.meta;
  const data = {
    ...fields,
    id: document.id,
    lang,
    dateText: document.meta.date ? formatDate(document.meta.date, lang) : undefined,
    strings: table,
    body: convert(input.publication, 'c0-'),
    chapters: input.chapters.map((chapter, index) => ({
      ...chapter.document.meta,
      id: chapter.document.id,
      dateText: chapter.document.meta.date ? formatDate(chapter.document.meta.date, lang) : undefined,
      number: index + 1,
      content: convert(chapter, `c${index + 1}-`),
    })),
    roneo: { version: input.version },
  };
  const definition = templates.render(layout, data, diagnostics);
  if (!definition) return undefined;
  return { definition, templatePath: templates.pathOf(layout), templatePaths: [...templates.sourcesOf(layout).keys()] };
}
