/**
 * Catalogue inputs made when their case runs, for what cannot be committed:
 * megabytes of text, a thousand levels of nesting (a megabyte of
 * indentation), and file names no checkout keeps (a line break, a backslash,
 * a Windows device). Each returns project paths and their content, as a
 * case's folder would; its exact diagnostics are in `cases/<name>.expected`.
 */
type Files = Record<string, string>;

const FRONT = '---\nlayout: leaflet\ntitle: Un tract\n---\n\n';

function leaflet(name: string, body: string): Files {
  return { [`content/leaflets/${name}.md`]: `${FRONT}${body}\n` };
}

/** `count` words, about six characters each, in one paragraph. */
function words(count: number): string {
  const cycle = ['grève', 'des', 'pétroliers', 'de', 'Janaözen', 'solidarité'];
  return Array.from({ length: count }, (_, i) => cycle[i % cycle.length]).join(' ');
}

export const generated = {
  /** One paragraph of five megabytes: refused unread, at the top of the file. */
  fileTooLarge: () => leaflet('file-too-large', words(700_000)),

  /** A 60,000-character paragraph in a file well under the size limit, between two short ones. */
  blockTooLong: () => leaflet('block-too-long', `Une phrase.\n\n${words(10_000)}\n\nUne autre.`),

  /** A thousand lists, each indented inside the last (a megabyte of spaces). */
  nestedLists: () => leaflet('nesting-limit-lists', Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n')),

  /** A thousand block quotes on one line. */
  nestedQuotes: () => leaflet('nesting-limit-quotes', `Avant.\n\n${'>'.repeat(1_000)} Au fond.`),

  /** A block quote holding a list holding a block quote…, two levels more on each of 500 lines: a thousand in all. */
  nestedMixed: () => leaflet('nesting-limit-mixed', Array.from({ length: 500 }, (_, i) => `${'>   '.repeat(i)}> - niveau ${2 * i + 2}`).join('\n')),

  /** Two hundred strong emphases inside each other: `*` four hundred times on each side. */
  nestedEmphasis: () => leaflet('nesting-limit-inline', `${'*'.repeat(400)}fond${'*'.repeat(400)}`),

  /** A paragraph of 5,000 emphasis marks that open and never close, which the parser matches in a time growing with their square. */
  emphasisMarks: () => leaflet('emphasis-limit', 'a* '.repeat(5_000)),

  /** Ten thousand footnotes, each referenced once. */
  footnotes: () => {
    const calls = Array.from({ length: 10_000 }, (_, i) => `Phrase ${i + 1}.[^n${i + 1}]`).join('\n\n');
    const notes = Array.from({ length: 10_000 }, (_, i) => `[^n${i + 1}]: Note ${i + 1}.`).join('\n');
    return leaflet('footnote-limit', `${calls}\n\n${notes}`);
  },

  /** A front-matter field of lists ten thousand deep, which the YAML library reads by recursion. */
  deepFrontMatter: () => ({ 'content/leaflets/front-matter-yaml-deep.md': `---\nlayout: leaflet\ntitle: Un tract\nmots: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n\nTexte.\n` }),

  /** Publications whose file names cannot name a PDF. */
  outputNames: () => ({
    'content/leaflets/ligne\ncoupée.md': `${FRONT}Texte.\n`,
    'content/leaflets/dossier\\tract.md': `${FRONT}Texte.\n`,
    'content/con.md': `${FRONT}Texte.\n`,
    'content/aux/tract.md': `${FRONT}Texte.\n`,
    // An article makes no PDF: its name is never a problem.
    'content/articles/con.md': '---\ntitle: Un article\n---\n\nTexte.\n',
  }),
};
