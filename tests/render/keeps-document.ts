/**
 * A long Markdown document whose every printed line can be traced back to
 * its block. Each block (heading, paragraph, list item, table row) writes
 * only four-letter words starting with its own three-letter prefix: words
 * too short to be hyphenated, so a line's words name its block whatever
 * the line breaking, justification or hyphenation in force.
 */

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'header';

export interface Block {
  kind: BlockKind;
  prefix: string;
  /** The words in source order (a row's cells one after the other). */
  words: string[];
}

export interface KeepsDocument {
  markdown: string;
  blocks: Block[];
  byPrefix: Map<string, Block>;
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
/** About this many of the words fill an A5 pamphlet line. */
const WORDS_PER_LINE = 14;

/** A small deterministic generator: the same document on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A pamphlet of `sections` sections. */
export function keepsDocument(options: { sections: number; seed: number }): KeepsDocument {
  const { markdown, blocks } = keepsBody(options);
  const front = ['---', 'layout: pamphlet', 'title: Keeps', 'lang: en', '---', ''].join('\n');
  return { markdown: `${front}${markdown}`, blocks, byPrefix: new Map(blocks.map((b) => [b.prefix, b])) };
}

/** Sections of headings, paragraphs of 1 to 12 lines, lists with short and long items, and tables. */
export function keepsBody(options: { sections: number; seed: number }): { markdown: string; blocks: Block[] } {
  const next = random(options.seed);
  const pick = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const blocks: Block[] = [];
  const block = (kind: BlockKind, count: number): Block => {
    const index = blocks.length;
    const prefix = CONSONANTS[index % 14]! + VOWELS[Math.floor(index / 14) % 5]! + CONSONANTS[Math.floor(index / 70) % 14]!;
    const words = Array.from({ length: count }, () => prefix + VOWELS[pick(0, 4)]!);
    const made = { kind, prefix, words };
    blocks.push(made);
    return made;
  };
  /** A paragraph of about `lines` lines. */
  const prose = (kind: BlockKind, lines: number) => `${block(kind, Math.max(2, lines * WORDS_PER_LINE - pick(0, 9))).words.join(' ')}.`;

  const parts: string[] = [];
  let tables = 0;
  for (let section = 0; section < options.sections; section += 1) {
    parts.push(`## ${block('heading', pick(2, 6)).words.join(' ')}`);
    if (next() < 0.3) parts.push(`### ${block('heading', pick(2, 5)).words.join(' ')}`);
    // The first block after the headings: often the short paragraphs that keeps care about.
    parts.push(prose('paragraph', pick(1, 5)));
    for (let count = pick(1, 4); count > 0; count -= 1) {
      const roll = next();
      if (roll < 0.55) parts.push(prose('paragraph', pick(1, 12)));
      else if (roll < 0.9) {
        const ordered = next() < 0.4;
        const items = Array.from({ length: pick(2, 6) }, (_, index) => {
          const lines = next() < 0.15 ? pick(7, 10) : pick(1, 4);
          return `${ordered ? `${index + 1}.` : '-'} ${prose('item', lines)}`;
        });
        parts.push(items.join('\n'));
      } else if (tables < 3) {
        tables += 1;
        const header = block('header', 4).words;
        const rows = Array.from({ length: pick(8, 16) }, () => {
          const cells = [pick(1, 12), pick(1, 20)];
          const row = block('row', cells[0]! + cells[1]!).words;
          return `| ${row.slice(0, cells[0]).join(' ')} | ${row.slice(cells[0]).join(' ')} |`;
        });
        parts.push([`| ${header.slice(0, 2).join(' ')} | ${header.slice(2).join(' ')} |`, '|---|---|', ...rows].join('\n'));
      }
    }
  }
  return { markdown: `${parts.join('\n\n')}\n`, blocks };
}
