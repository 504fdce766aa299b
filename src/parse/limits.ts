/**
 * How much structure one Markdown file may have. Far beyond honest writing,
 * and low enough that a hostile or broken file cannot make the parser, the
 * tree walks and pdfmake overflow the stack or run for minutes: past them the
 * part is cut from the tree at parse time and reported as an error.
 */
export interface Limits {
  /** Lists, block quotes, footnote definitions and `:::` blocks inside each other. */
  nesting: number;
  /** Emphasis, links and other inline marks inside each other. */
  inlineNesting: number;
  /** Characters of Markdown in one paragraph, heading, table cell or code block. */
  blockCharacters: number;
  /** Emphasis marks (`*`, `_`, `~`) in one paragraph, heading or table row. */
  emphasisMarks: number;
  /** Footnotes one file may print. */
  footnotes: number;
}

export const LIMITS: Limits = {
  // A 32-deep list is already wider than an A5 page's text.
  nesting: 32,
  inlineNesting: 32,
  // About 8,000 words, a dozen A5 pages of one paragraph; pdfmake's time grows with the square of a paragraph's length.
  blockCharacters: 50_000,
  // Five hundred words in italics in one paragraph; parsing 5,000 marks took 0.2 s, 20,000 took 2.5 s.
  emphasisMarks: 1_000,
  // 10,000 notes took 13 s and 0.9 GB; a long book has a few hundred.
  footnotes: 1_000,
};
