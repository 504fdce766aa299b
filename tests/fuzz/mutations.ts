/**
 * The campaign's own files, damaged the ways files get damaged: cut short,
 * parts lost or doubled, characters and Markdown punctuation typed in the
 * wrong place, lines swapped or re-indented, the front matter broken, line
 * ends changed, and bytes that are not UTF-8. Mutations work on bytes;
 * positions are drawn large and taken modulo the file's length, so that
 * shrinking brings them towards the start of the file.
 */
import fc from 'fast-check';
import { type CampaignPublication, CAMPAIGN_PUBLICATIONS, campaignFile, campaignFiles } from './campaign.ts';
import { buildMode, type FuzzCase } from './fuzz-case.ts';
import { wordOf } from './text.ts';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'insert-bytes'; at: number; bytes: number[] }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'prefix-line'; line: number; prefix: string }
  | { kind: 'front-matter'; damage: FrontMatterDamage; line: number; text: string }
  | { kind: 'line-ends'; to: '\r\n' | '\r' }
  | { kind: 'bom' };

type FrontMatterDamage = 'drop-closing-fence' | 'drop-opening-fence' | 'drop-field' | 'replace-value' | 'add-field';

const position = fc.nat({ max: 1 << 20 });
const span = fc.integer({ min: 1, max: 400 });

/** What a slip of the keyboard or a bad paste puts in: Markdown punctuation, odd characters, words. */
const typed = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      '*', '**', '_', '`', '```', '~~~', '[', ']', '(', ')', '![', '](', '[^', ']:', '<', '>', '> ', '#', '# ', '- ', '1. ', '|', '| --- |',
      ':::', '::', ':', '{', '}', '{{', '}}', '{{title}}', '{{> chapter}}', '\\', '&', '&amp;', '<!--', '-->', '<div>', '\n', '\n\n', '\n---\n',
      '---', '    ', '\t', '^', '~', '"', "'", '«', '»', '[^bilan]', '[^nouvelle]', ':variant[ville]', ':variant[absente]', '**16 décembre 2011** — ',
      '![carte](../images/carte-kazakhstan.svg "légende")', '![](images/absente.png)',
    ),
    weight: 3,
  },
  { arbitrary: wordOf('wild'), weight: 2 },
);

/** Bytes no UTF-8 text contains: a lone lead or continuation byte, overlong forms, an encoded surrogate, past U+10FFFF, a cut sequence. */
const invalidUtf8: fc.Arbitrary<number[]> = fc.oneof(
  fc.constantFrom<readonly number[]>([0xff], [0xfe], [0xc3], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00], [0xef, 0xbb, 0xbf], [0xf0, 0x9f, 0x98]).map((bytes) => [...bytes]),
  fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
);

/** Front-matter lines that are wrong in themselves, or for Roneo. */
const fieldLine = fc.constantFrom(
  'layout: nope',
  'layout: dossier',
  'lang: 12',
  'date: 2023-02-30',
  'date: "16/12/2011"',
  'title: ""',
  'title: encore',
  'include: [articles/absente.md]',
  'include:\n  - dossier.md',
  'include:\n  - ../README.md',
  'include: [articles/janaozen-2011.md, articles/janaozen-2011.md]',
  'cover: images/absente.png',
  'cover: ../images/carte-kazakhstan.svg',
  'logo: ../images/couverture-dossier.svg',
  'variants: absent.csv',
  'variants: groupes-locaux.csv',
  'sides: 2',
  'format: A6',
  'pdfa: true',
  'pdfa: oui',
  'qr: ftp://example.org',
  'typography: false',
  'hyphenation: { minWord: 1, minLeft: 1, minRight: 1 }',
  '__proto__: { layout: leaflet }',
  'print: true',
  'keywords: { a: 1 }',
);

/** What a value becomes: empty, half-quoted, an alias to nothing, a block scalar with no block, a list… */
const brokenValue = fc.constantFrom('', '"unclosed', "'", '[unclosed', '{', '*nowhere', '&anchor', '!!binary x', '|', '>', 'null', '~', '123', '- item', 'true', ': :', 'yes', '"\\u00"', `"${'x'.repeat(5000)}"`);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: span }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: position, length: span, to: position }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: typed }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('insert-bytes' as const), at: position, bytes: invalidUtf8 }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), a: position, b: position }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete-line' as const), line: position }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), line: position }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('prefix-line' as const), line: position, prefix: fc.constantFrom('  ', '    ', '\t', '> ', '- ', '1. ', '# ', ':::', '[^1]: ', '|') }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('front-matter' as const),
      damage: fc.constantFrom<FrontMatterDamage>('drop-closing-fence', 'drop-opening-fence', 'drop-field', 'replace-value', 'replace-value', 'add-field', 'add-field'),
      line: position,
      text: fc.oneof(brokenValue, fieldLine),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('line-ends' as const), to: fc.constantFrom<'\r\n' | '\r'>('\r\n', '\r') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('bom' as const) }), weight: 1 },
);

const NEWLINE = 0x0a;

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = (n: number) => n % (bytes.length + 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, at(m.at));
    case 'delete': {
      const start = at(m.at);
      return concat(bytes.subarray(0, start), bytes.subarray(start + m.length));
    }
    case 'duplicate': {
      const start = at(m.at);
      const copy = bytes.slice(start, start + m.length);
      const to = at(m.to);
      return concat(bytes.subarray(0, to), copy, bytes.subarray(to));
    }
    case 'insert':
      return insertAt(bytes, at(m.at), new TextEncoder().encode(m.text));
    case 'insert-bytes':
      return insertAt(bytes, at(m.at), Uint8Array.from(m.bytes));
    case 'swap-lines':
      return withLines(bytes, (lines) => {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      });
    case 'delete-line':
      return withLines(bytes, (lines) => void lines.splice(m.line % lines.length, 1));
    case 'duplicate-line':
      return withLines(bytes, (lines) => {
        const i = m.line % lines.length;
        lines.splice(i, 0, lines[i]!);
      });
    case 'prefix-line':
      return withLines(bytes, (lines) => {
        const i = m.line % lines.length;
        lines[i] = concat(new TextEncoder().encode(m.prefix), lines[i]!);
      });
    case 'front-matter':
      return damageFrontMatter(bytes, m.damage, m.line, m.text);
    case 'line-ends':
      // Latin-1 maps each byte to one character and back: the other bytes are left exactly as they were.
      return new Uint8Array(Buffer.from(latin1(bytes).replace(/\r?\n/g, m.to), 'latin1'));
    case 'bom':
      return concat(Uint8Array.of(0xef, 0xbb, 0xbf), bytes);
  }
}

/** The front matter's lines are 1 to `closing - 1`; a damage picks one of them by `line`. */
function damageFrontMatter(bytes: Uint8Array, damage: FrontMatterDamage, line: number, text: string): Uint8Array {
  return withLines(bytes, (lines) => {
    const fence = (l: Uint8Array | undefined) => l !== undefined && /^---\r?$/.test(latin1(l));
    if (!fence(lines[0])) {
      // No front matter left (another mutation took it): a field at the top, where one would be.
      lines.unshift(new TextEncoder().encode(text));
      return;
    }
    const closing = lines.findIndex((l, i) => i > 0 && fence(l));
    const fields = closing > 1 ? closing - 1 : 0;
    const field = fields > 0 ? 1 + (line % fields) : 1;
    switch (damage) {
      case 'drop-closing-fence':
        if (closing > 0) lines.splice(closing, 1);
        return;
      case 'drop-opening-fence':
        lines.splice(0, 1);
        return;
      case 'drop-field':
        if (fields > 0) lines.splice(field, 1);
        return;
      case 'replace-value': {
        const current = latin1(lines[field] ?? new Uint8Array());
        const colon = current.indexOf(':');
        const key = colon >= 0 ? lines[field]!.subarray(0, colon + 1) : new TextEncoder().encode('title:');
        lines[field] = concat(key, new TextEncoder().encode(` ${text}`));
        return;
      }
      case 'add-field':
        lines.splice(field, 0, new TextEncoder().encode(text));
        return;
    }
  });
}

/** Splits at \n, lets `change` edit the lines in place, and joins them again. */
function withLines(bytes: Uint8Array, change: (lines: Uint8Array[]) => void): Uint8Array {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === NEWLINE) {
      lines.push(bytes.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(bytes.slice(start));
  change(lines);
  const out: Uint8Array[] = [];
  lines.forEach((l, i) => out.push(i === 0 ? l : concat(Uint8Array.of(NEWLINE), l)));
  return concat(...out);
}

function insertAt(bytes: Uint8Array, at: number, inserted: Uint8Array): Uint8Array {
  return concat(bytes.subarray(0, at), inserted, bytes.subarray(at));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/**
 * Leaflets most (quick to build, and most of what is printed), the dossier
 * least (its cover and two articles take the longest); for each, its own file
 * most often, then what it includes, its table, its pictures.
 */
function publicationWeight(publication: CampaignPublication): number {
  if (publication.path.includes('/leaflets/')) return 3;
  if (publication.path.includes('/pamphlets/')) return 2;
  return 1;
}

function targetWeight(path: string, index: number): number {
  if (index === 0) return 6;
  if (path.endsWith('.svg')) return 1;
  return 2;
}

function casesOf(publication: CampaignPublication): fc.Arbitrary<FuzzCase> {
  const target = fc.oneof(...publication.targets.map((path, index) => ({ arbitrary: fc.constant(path), weight: targetWeight(path, index) })));
  const edits = fc.array(fc.tuple(target, mutation), { minLength: 1, maxLength: 4 });
  return fc.record({ edits, mode: buildMode }).map(({ edits, mode }): FuzzCase => {
    const replaced: Record<string, Uint8Array> = {};
    for (const [path, m] of edits) replaced[path] = mutate(replaced[path] ?? campaignFile(path), m);
    const described = edits.map(([path, m]) => `${path}: ${JSON.stringify(m)}`).join('; ');
    return { origin: `mutations of ${publication.path}: ${described}`, files: campaignFiles(publication, replaced), ...mode };
  });
}

export const mutationCases: fc.Arbitrary<FuzzCase> = fc.oneof(...CAMPAIGN_PUBLICATIONS.map((publication) => ({ arbitrary: casesOf(publication), weight: publicationWeight(publication) })));
