/**
 * Front matter for generated publications and articles: every field the
 * README lists, with good values mostly and wrong ones sometimes (a date that
 * is not in the calendar, an unknown layout, a QR code too long to draw, a
 * list where text is expected), unknown fields, and YAML that does not parse.
 */
import fc from 'fast-check';
import { pictureAddress } from './pictures.ts';
import { type Flavour, oneLine } from './text.ts';
import { yamlList, yamlScalar } from './yaml-values.ts';

export type Layout = 'leaflet' | 'pamphlet' | 'dossier';

export interface FrontMatterContext {
  /** The publication's layout, or undefined for an article. */
  layout: Layout | undefined;
  flavour: Flavour;
  /** Content-relative paths the `include:` list may name (existing or not). */
  includable: readonly string[];
  /** The variants table beside a leaflet, when the case has one. */
  variantsFile?: string;
}

/** A field's value: a good one mostly, a wrong one now and then, so that most documents get past their front matter. */
const goodOrBad = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 24 }, { arbitrary: bad, weight: 1 });

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const dateValue = goodOrBad(
  fc.oneof(isoDate.map((d) => JSON.stringify(d)), isoDate),
  fc.constantFrom('"2023-02-30"', '"16/12/2011"', '"2011-13-01"', '"0000-00-00"', '"99999-01-01"', 'demain', '20111216', '2011-12-16T10:00:00Z', '"2011-12-16 "'),
);

const langValue = goodOrBad(fc.constantFrom('fr', 'fr', 'fr', 'fr', 'en', 'ru', 'kk', 'tr', 'de', 'uk', 'en-GB', 'es'), fc.constantFrom('zz', 'français', '12', 'fr_FR', '""', 'x-klingon', 'fr-'));

const urlValue = goodOrBad(
  fc.constantFrom('https://solidarite-kazakhstan.example/16-decembre', 'http://www.socialismkz.info', 'https://www.icor.info/?q=Janaözen#s'),
  fc.oneof(
    fc.constantFrom('ftp://example.org', 'pas une adresse', 'javascript:alert(1)', '"https://"', 'mailto:x@example.org'),
    // A QR code holds under 3 KB: longer addresses cannot be drawn at all.
    fc.integer({ min: 100, max: 4000 }).map((n) => `https://example.org/${'q'.repeat(n)}`),
  ),
);

function titleValue(flavour: Flavour) {
  return goodOrBad(
    yamlScalar(oneLine(flavour, 8)),
    fc.oneof(
      fc.constantFrom('""', '', '123', '[a, b]', '{ a: 1 }', 'null', '"{{title}}"', '"{{{body}}}"', '"\\"quoted\\""', 'true'),
      fc.integer({ min: 20, max: 120 }).map((n) => JSON.stringify('Janaözen '.repeat(n))),
    ),
  );
}

function contactValue(flavour: Flavour) {
  const lines = fc
    .subarray(['name', 'address', 'email', 'phone', 'web', 'meeting', 'fax'], { minLength: 1 })
    .chain((keys) => fc.tuple(...keys.map((key) => yamlScalar(oneLine(flavour, 3)).map((value) => `\n  ${key}: ${value}`))))
    .map((entries) => entries.join(''));
  return goodOrBad(
    fc.oneof(yamlScalar(oneLine(flavour, 4)), fc.constant('"Comité de Lyon\\nlyon@solidarite-kazakhstan.example"'), lines),
    fc.constantFrom('[a, b]', '{ name: [x] }', '42'),
  );
}

function includeValue(includable: readonly string[]) {
  const good = fc.constantFrom(...includable);
  const bad = fc.constantFrom('articles/absente.md', '../dehors.md', '/etc/passwd', 'articles', 'articles/notes.txt', 'leaflets/tract.md');
  return goodOrBad(yamlList(good), fc.oneof(yamlList(fc.oneof(good, bad)), fc.constantFrom('articles/seul.md', '42', '{ a: b }')));
}

const typographyValue = goodOrBad(
  fc.constantFrom('{ quotes: ["“", "”"] }', 'false', '{ enabled: false }', '{ spaceBefore: { "!": "\\u202F" } }', '{ thousands: "\\u00A0", ellipsis: false }', '{ apostrophe: "", singleOpen: "" }'),
  fc.constantFrom('{ quotes: "x" }', '{ bogus: 1 }', '[1, 2]'),
);

const hyphenationValue = goodOrBad(
  fc.oneof(
    fc
      .record({ minWord: fc.integer({ min: 1, max: 12 }), minLeft: fc.integer({ min: 1, max: 6 }), minRight: fc.integer({ min: 1, max: 6 }) })
      .map(({ minWord, minLeft, minRight }) => `{ minWord: ${minWord}, minLeft: ${minLeft}, minRight: ${minRight} }`),
    fc.constantFrom('false', '{ capitalized: true, headings: true }', '{ exceptions: [Nazarbaïev, révo-lutionnaire, "", "-"] }', '{ enabled: true }'),
  ),
  fc.constantFrom('{ minWord: "big" }', '{ minWord: -1 }', '{ minLeft: 0, minRight: 0 }', '{ exceptions: "x" }'),
);

const pictureField = pictureAddress.map((address) => JSON.stringify(address));

function sourceValue(flavour: Flavour) {
  return goodOrBad(
    fc.tuple(yamlScalar(oneLine(flavour, 4)), urlValue).map(([name, url]) => `{ name: ${name}, url: ${url.startsWith('"') ? url : JSON.stringify(url)} }`),
    fc.constantFrom('{ name: x }', '"texte"', '{ url: "https://example.org" }'),
  );
}

/** Fields the README does not list: passed to the layout, and some are names JavaScript objects already have. */
const extraField = fc.constantFrom(
  'publisher: "Comité de solidarité Kazakhstan"',
  'licence: "CC BY-SA 4.0"',
  'print: true',
  'foo: bar',
  '__proto__: { polluted: true }',
  'constructor: x',
  'toString: 1',
  'hasOwnProperty: 2',
  'roneo: { pages: 5 }',
  'body: "{{title}}"',
  'chapters: 3',
  'profile: shop',
  'variant: { ville: Lyon }',
);

function layoutValue(layout: Layout) {
  return fc.oneof({ arbitrary: fc.constant(layout), weight: 30 }, { arbitrary: fc.constantFrom('nope', 'Leaflet', '../leaflet', '""', '[leaflet]', 'partials/chapter', 'site/index'), weight: 1 });
}

/** An optional field: present in about one front matter in four, so that most have a few fields and not all. */
function maybe(field: fc.Arbitrary<string>): fc.Arbitrary<string | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: field, weight: 1 });
}

/** A leaflet with a table beside it names it (or, rarely, a wrong one); other publications seldom name one. */
function variantsField(context: FrontMatterContext): fc.Arbitrary<string | undefined> {
  if (context.layout !== 'leaflet') return fc.constant(undefined);
  const wrong = fc.constantFrom('absent.csv', '../dehors.csv', '[a, b]', 'groupes.txt', '""');
  const field = (value: fc.Arbitrary<string>) => value.map((v) => `variants: ${v}`);
  if (context.variantsFile === undefined) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 15 }, { arbitrary: field(wrong), weight: 1 });
  return fc.oneof({ arbitrary: field(fc.constant(context.variantsFile)), weight: 12 }, { arbitrary: field(wrong), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

/** The fields of a front matter, one YAML entry (possibly several lines) each. */
function fields(context: FrontMatterContext): fc.Arbitrary<string[]> {
  const { layout, flavour } = context;
  const text = (words: number) => yamlScalar(oneLine(flavour, words));
  const publication = layout !== undefined;
  const leaflet = layout === 'leaflet';
  return fc
    .record(
      {
        layout: publication ? layoutValue(layout).map((v) => `layout: ${v}`) : fc.constant(undefined),
        title: titleValue(flavour).map((v) => `title: ${v}`),
        subtitle: maybe(text(8).map((v) => `subtitle: ${v}`)),
        lang: maybe(langValue.map((v) => `lang: ${v}`)),
        date: maybe(dateValue.map((v) => `date: ${v}`)),
        author: maybe(text(4).map((v) => `author: ${v}`)),
        publisher: maybe(text(5).map((v) => `publisher: ${v}`)),
        keywords: maybe(goodOrBad(fc.oneof(yamlList(oneLine('clean', 2).map((w) => JSON.stringify(w))), text(5)), fc.constant('{ a: 1 }')).map((v) => `keywords: ${v}`)),
        pdfa: maybe(goodOrBad(fc.constantFrom('true', 'false'), fc.constantFrom('yes', '"true"')).map((v) => `pdfa: ${v}`)),
        sides: leaflet ? maybe(goodOrBad(fc.constantFrom('1', '2'), fc.constantFrom('3', '"2"', '0')).map((v) => `sides: ${v}`)) : fc.constant(undefined),
        format: leaflet ? maybe(goodOrBad(fc.constantFrom('A5', 'A6'), fc.constantFrom('A4', 'a6')).map((v) => `format: ${v}`)) : fc.constant(undefined),
        qr: maybe(urlValue.map((v) => `qr: ${v}`)),
        contact: maybe(contactValue(flavour).map((v) => `contact: ${v}`)),
        cover: maybe(pictureField.map((v) => `cover: ${v}`)),
        logo: maybe(pictureField.map((v) => `logo: ${v}`)),
        include: context.includable.length > 0 ? maybe(includeValue(context.includable).map((v) => `include: ${v}`)) : fc.constant(undefined),
        source: maybe(sourceValue(flavour).map((v) => `source: ${v}`)),
        typography: maybe(typographyValue.map((v) => `typography: ${v}`)),
        hyphenation: maybe(hyphenationValue.map((v) => `hyphenation: ${v}`)),
        variants: variantsField(context),
        extra: maybe(extraField),
      },
    )
    .map((record) => Object.values(record).filter((line): line is string => line !== undefined));
}

/** A line that makes the YAML fail to parse, or parse into something that is not a mapping of fields. */
const brokenLine = fc.constantFrom(
  'title: "unclosed',
  '\ttitle: tab',
  '  mal: indenté',
  '- a list item',
  ': no key',
  'key: [unclosed',
  '{',
  'alias: *nowhere',
  'anchor: &a',
  'data: !!binary notbase64',
  'code: !!js/function "x"',
  'title: again',
  '? complex key',
  'x: @reserved',
  '%YAML 1.1',
  '...',
);

/** A whole front matter: fields between `---` lines, sometimes damaged, sometimes absent. */
export function frontMatter(context: FrontMatterContext): fc.Arbitrary<string> {
  const good = fields(context).map((lines) => `---\n${lines.join('\n')}\n---\n`);
  return fc.oneof(
    { arbitrary: good, weight: 48 },
    {
      arbitrary: fc
        .tuple(fields(context), brokenLine, fc.nat())
        .map(([lines, broken, at]) => `---\n${[...lines.slice(0, at % (lines.length + 1)), broken, ...lines.slice(at % (lines.length + 1))].join('\n')}\n---\n`),
      weight: 2,
    },
    { arbitrary: fields(context).map((lines) => `---\n${lines.join('\n')}\n`), weight: 1 },
    {
      arbitrary: fc.constantFrom('', '---\n---\n', '---\n- a\n- b\n---\n', '---\njuste du texte\n---\n', '---\n...\n', '+++\ntitle = "x"\n+++\n', '---\n\n', '--- \ntitle: x\n---\n', '---\r\ntitle: x\r\n---\r\n', '---\ntitle: &a [*a]\n---\n'),
      weight: 1,
    },
  );
}
