import { metadataSchema } from '../load/metadata-schema.ts';

/**
 * What a layout may read at one place of the data it is filled with, for the
 * check of its `{{…}}` before it is filled (template-fields.ts). Only the
 * fields' names and kinds: their values differ with every publication.
 */
export type Shape =
  /**
   * Named fields, every one there for every publication (an optional one may be empty). `frontMatter`: it
   * holds a front matter, whose fields of the layout's own may be read inside `{{#if name}}`.
   */
  | { kind: 'record'; what: string; fields: ReadonlyMap<string, Shape>; frontMatter?: boolean }
  | { kind: 'list'; what: string; item: Shape }
  /** Text, a number or a flag: nothing below it but `length`. */
  | { kind: 'text'; what: string }
  /** Any value: a local group's columns, the string table, a field of the layout's own. Anything may be read below it. */
  | { kind: 'open' };

const OPEN: Shape = { kind: 'open' };
const text = (what: string): Shape => ({ kind: 'text', what });
const record = (what: string, fields: Record<string, Shape>, frontMatter = false): Shape => ({ kind: 'record', what, fields: new Map(Object.entries(fields)), ...(frontMatter ? { frontMatter } : {}) });
const list = (what: string, item: Shape): Shape => ({ kind: 'list', what, item });

/** Front-matter fields Roneo reads, whether or not a publication writes them: a layout may test any of them. */
function frontMatter(): Record<string, Shape> {
  const fields: Record<string, Shape> = {};
  for (const name of Object.keys(metadataSchema.shape)) fields[name] = text(`\`${name}\``);
  return {
    ...fields,
    source: record('`source`', { name: text('`source.name`'), url: text('`source.url`') }),
    include: list('`include`', text('an `include` entry')),
    keywords: OPEN,
    contact: OPEN,
    variants: OPEN,
    // Checked by the typesetting settings, and passed on as written.
    typography: OPEN,
    hyphenation: OPEN,
  };
}

/** One included article, as `{{#each chapters}}` gives it (layoutPublication's `chapters`). */
const chapter = record('a chapter', {
  ...frontMatter(),
  id: text('`id`'),
  dateText: text('`dateText`'),
  number: text('`number`'),
  content: list('`content`', OPEN),
}, true);

/**
 * The data layoutPublication fills a layout with: the publication's front
 * matter (less `layout` and `include`) and what Roneo adds. Fields of the
 * front matter that Roneo does not know (`publisher`, `licence`…) are the
 * layout's own: absent from some publications, they are read inside
 * `{{#if name}}`, which the check allows for any name.
 */
export const LAYOUT_DATA: Shape = (() => {
  const { layout: _layout, include: _include, ...own } = frontMatter();
  return record('the data a layout is given', {
    ...own,
    id: text('`id`'),
    dateText: text('`dateText`'),
    coverImage: text('`coverImage`'),
    logoImage: text('`logoImage`'),
    contactLines: list('`contactLines`', text('a contact line')),
    profile: text('`profile`'),
    variant: OPEN,
    strings: OPEN,
    body: list('`body`', OPEN),
    chapters: list('`chapters`', chapter),
    roneo: record('`roneo`', { version: text('`roneo.version`') }),
  }, true);
})();
