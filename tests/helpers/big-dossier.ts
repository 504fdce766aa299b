import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from './project.ts';

/**
 * A long dossier made at test time from the campaign's real chapters: the
 * two articles of content/articles/ copied over and over, each copy a
 * chapter with its own title ("… (3)"), the campaign dossier's own text in
 * front, and GFM footnotes spread over the chapters: four in ten of one
 * line, three in ten of two to four, two in ten of about eight, and one in
 * ten of about thirty lines in three paragraphs, which at the foot of a
 * page must run on to the next one.
 *
 * The layout is a copy of the repository's dossier layout set in A5 with
 * narrower margins, under the name `dossier-a5`, written into the project
 * made here only. The text sizes are the dossier's own.
 */

export type DossierSize = 300 | 600;

export interface BigDossierOptions {
  /** The length aimed at, in A5 pages. */
  pages: DossierSize;
  /** Footnotes in the whole document; one for every three pages unless told. */
  footnotes?: number;
}

export interface BigDossier {
  /** Project files to add to the repository's templates and fonts (memoryProject or tempProject). */
  files: Record<string, string>;
  /** The publication's id. */
  id: string;
  /** The layout written into the project. */
  layout: string;
  /** Chapter titles, in order. */
  chapterTitles: string[];
  /** How many footnotes were written (and referenced) in all. */
  footnotes: number;
  /** The words each note's text starts with, in the order the notes are numbered: "Note S1 —"… */
  noteStarts: string[];
  /** The words each note's text ends with: "(fin S1)"… A note cut at a page's foot must still end. */
  noteEnds: string[];
  /** The page count to expect: the aim, ±10 %. */
  pageRange: [number, number];
}

export const A5_LAYOUT = 'dossier-a5';

/**
 * Copies of the pair of articles (two chapters each) for each size, as
 * measured with the notes printed at the end of each chapter: 28 copies
 * made 310 pages, 55 made 594.
 */
const COPIES: Record<DossierSize, number> = { 300: 28, 600: 55 };

const ARTICLES = ['janaozen-2011.md', 'icor-kazakhstan-2022.md'] as const;

export async function bigDossier(options: BigDossierOptions): Promise<BigDossier> {
  const copies = COPIES[options.pages];
  const total = options.footnotes ?? Math.round(options.pages / 3);
  const articles = await Promise.all(ARTICLES.map((name) => readFile(join(REPO, 'content/articles', name), 'utf8')));
  const dossier = await readFile(join(REPO, 'content/dossier.md'), 'utf8');
  const layout = await readFile(join(REPO, 'templates/dossier.hbs'), 'utf8');
  // The notes' words: the running text of the articles, one long stream.
  const words = articles.flatMap((article) => proseParagraphs(split(article).body).flatMap((p) => p.split(/\s+/)));

  const files: Record<string, string> = { [`templates/${A5_LAYOUT}.hbs`]: a5(layout) };
  const chapterTitles: string[] = [];
  const include: string[] = [];
  const chapters = copies * ARTICLES.length;
  let note = 0;
  for (let chapter = 0; chapter < chapters; chapter += 1) {
    const copy = Math.floor(chapter / ARTICLES.length) + 1;
    const name = ARTICLES[chapter % ARTICLES.length]!;
    const { front, body } = split(articles[chapter % ARTICLES.length]!);
    const title = /^title: "(.*)"$/m.exec(front)?.[1];
    if (!title) throw new Error(`content/articles/${name}: no quoted title in its front matter`);
    const copyTitle = `${title} (${copy})`;
    chapterTitles.push(copyTitle);
    // Notes are spread evenly: chapter k gets the notes numbered from total·k/n up to total·(k+1)/n.
    const until = Math.floor((total * (chapter + 1)) / chapters);
    const numbers: number[] = [];
    while (note < until) numbers.push((note += 1));
    const path = `chapters/${String(copy).padStart(2, '0')}-${name}`;
    include.push(path);
    files[`content/${path}`] = [
      '---',
      front.replace(/^title: .*$/m, `title: "${copyTitle}"`),
      '---',
      withReferences(body, numbers, path),
      ...numbers.map((n) => definition(n, words)),
      '',
    ].join('\n');
  }
  files['content/dossier.md'] = publication(dossier, include);
  const numbers = Array.from({ length: total }, (_, i) => i + 1);
  return {
    files,
    id: 'dossier',
    layout: A5_LAYOUT,
    chapterTitles,
    footnotes: total,
    noteStarts: numbers.map((n) => `Note S${n} —`),
    noteEnds: numbers.map((n) => `(fin S${n})`),
    pageRange: [Math.floor(options.pages * 0.9), Math.ceil(options.pages * 1.1)],
  };
}

/** The dossier layout in A5 with narrower margins; fails loudly if the layout no longer reads as expected. */
function a5(layout: string): string {
  const replace = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`templates/dossier.hbs: ${pattern} not found; the A5 copy cannot be made`);
    return text.replace(pattern, by);
  };
  let out = replace(layout, /pageSize:\s*"A4"/, 'pageSize: "A5"');
  out = replace(out, /pageMargins:\s*\[[^\]]*\]/, 'pageMargins: [48, 52, 48, 56]');
  // The running head sits in the top margin, at the text's left and right edges.
  out = out.replace(/margin:\s*\[72, 30, 72, 0\]/, 'margin: [48, 24, 48, 0]');
  return out;
}

/** The campaign dossier with the A5 layout and the generated chapters in place of its two, without its cover picture. */
function publication(dossier: string, include: string[]): string {
  const { front, body } = split(dossier);
  if (!/^layout: dossier$/m.test(front) || !/^include:$/m.test(front)) throw new Error('content/dossier.md: no `layout: dossier` or `include:` in its front matter');
  const lines = front.split('\n');
  const start = lines.indexOf('include:');
  let end = start + 1;
  while (end < lines.length && /^\s+- /.test(lines[end]!)) end += 1;
  // Without the cover picture: this dossier measures text, against plain pdfmake setting the same text.
  const kept = [...lines.slice(0, start), ...lines.slice(end)]
    .filter((line) => !line.startsWith('cover:'))
    .join('\n')
    .replace(/^layout: dossier$/m, `layout: ${A5_LAYOUT}`);
  return ['---', kept, 'include:', ...include.map((path) => `  - ${path}`), '---', body].join('\n');
}

function split(markdown: string): { front: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown.replace(/\r\n/g, '\n'));
  if (!match) throw new Error('no front matter');
  return { front: match[1]!, body: match[2]! };
}

/** A paragraph of running text: not a heading, list item, directive fence, bold slogan, or aside. */
const isProse = (block: string) => block.length > 120 && !/^(#|\d+\.\s|[-*]\s|:::|\*\*|\()/.test(block) && !block.includes('\n');

function proseParagraphs(body: string): string[] {
  return body.split(/\n{2,}/).map((b) => b.trim()).filter(isProse);
}

/**
 * Note calls after the first sentence of paragraphs of running text,
 * spread evenly over the chapter; a paragraph gets several calls in a row
 * if there are more notes than paragraphs.
 */
function withReferences(body: string, numbers: number[], path: string): string {
  const blocks = body.split(/\n{2,}/);
  const prose = blocks.map((block, index) => (isProse(block.trim()) ? index : -1)).filter((index) => index >= 0);
  if (numbers.length > 0 && prose.length === 0) throw new Error(`${path}: no paragraph to call a note from`);
  const calls = new Map<number, string[]>();
  numbers.forEach((n, i) => {
    // Spread: the i-th of m notes goes to paragraph ⌊i·p/m⌋.
    const at = prose[Math.floor((i * prose.length) / numbers.length)]!;
    calls.set(at, [...(calls.get(at) ?? []), `[^s${n}]`]);
  });
  return blocks
    .map((block, index) => {
      const refs = calls.get(index);
      if (!refs) return block;
      const end = /[.!?](?= )/.exec(block);
      const cut = end ? end.index + 1 : block.trimEnd().length;
      return block.slice(0, cut) + refs.join('') + block.slice(cut);
    })
    .join('\n\n');
}

/**
 * Note n, made of the articles' own words. Its length goes by n: about
 * 8 lines at the notes' size on an A5 page for n ≡ 0, 5 (mod 10), about
 * 30 lines in three paragraphs for n ≡ 3, two to four lines for n ≡ 1, 6,
 * 8, one line otherwise.
 */
function definition(n: number, words: string[]): string {
  const kind = n % 10;
  const target = kind === 3 ? 1800 : kind === 0 || kind === 5 ? 650 : kind === 1 || kind === 6 || kind === 8 ? 220 : 50;
  const paragraphs = kind === 3 ? 3 : 1;
  const texts: string[] = [];
  let next = (n * 97) % words.length;
  for (let p = 0; p < paragraphs; p += 1) {
    const taken: string[] = [];
    let length = 0;
    // A paragraph that another follows ends with its sentence.
    const last = p === paragraphs - 1;
    while (length < target / paragraphs || (!last && !/[.!?]$/.test(taken.at(-1)!))) {
      const word = words[next]!;
      next = (next + 1) % words.length;
      taken.push(word);
      length += word.length + 1;
    }
    texts.push(taken.join(' '));
  }
  texts[0] = `Note S${n} — ${texts[0]}`;
  texts[texts.length - 1] = `${texts.at(-1)} (fin S${n})`;
  // Further paragraphs of a note are indented by four spaces (GFM).
  return `\n[^s${n}]: ${texts.join('\n\n    ')}`;
}
