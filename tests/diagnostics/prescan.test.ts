/**
 * What the parser could not bear is found in the text before parsing
 * (src/parse/prescan.ts): nesting past the limit, also checked in the parsed
 * tree (src/parse/tree-limits.ts), where both must name the same place, the
 * first container past the limit as the parser sees it (here with a limit
 * of 3, on every way Markdown nests blocks, the tree parsed without a limit
 * being the judge); and a paragraph, heading or table row with too many
 * emphasis marks.
 */
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { LIMITS, type Limits } from '../../src/parse/limits.ts';
import { prescan } from '../../src/parse/prescan.ts';
import { parseMarkdown } from '../../src/parse/parse-markdown.ts';
import { limitTree } from '../../src/parse/tree-limits.ts';

const LIMIT = 3;
const UNLIMITED: Limits = { ...LIMITS, nesting: 10_000 };

/** Where the parsed tree has its first block nested past the limit. */
function inTree(text: string): { line: number; column: number } | undefined {
  const cuts = limitTree(parseMarkdown(text, UNLIMITED), { ...UNLIMITED, nesting: LIMIT }).filter((cut) => cut.rule === 'nesting-limit' && !cut.quiet);
  const start = cuts[0]?.position?.start;
  return start && { line: start.line, column: start.column };
}

const SMALL: Limits = { ...LIMITS, nesting: LIMIT, emphasisMarks: 10 };

function inText(text: string): { line: number; column: number } | undefined {
  const found = prescan(text, 0, SMALL).problems.find((problem) => problem.rule === 'nesting-limit')?.position?.start;
  return found && { line: found.line, column: found.column };
}

const lines = (...all: string[]) => `${all.join('\n')}\n`;

const TOO_DEEP: Record<string, string> = {
  'block quotes on one line': '>>>> fond\n',
  'block quotes with spaces': '> > > > fond\n',
  'block quotes one more per line': lines('> a', '> > b', '> > > c', '> > > > d'),
  'lists on one line': '- - - - fond\n',
  'lists indented': lines('- a', '  - b', '    - c', '      - d'),
  'ordered lists indented': lines('1. a', '   1. b', '      1. c', '         1. d'),
  'ordered lists with wide markers': lines('10) a', '    1) b', '       1) c', '          1) d'),
  'a numbered item that cannot interrupt, then one that can': lines('- a', '  - b', '    - c', '      2. pas une liste', '', '      2. une liste'),
  'lists after a paragraph in an item': lines('- a', '  texte', '  - b', '    - c', '      - d'),
  'lists with blank lines between': lines('- a', '', '  - b', '', '    - c', '', '      - d'),
  'lists indented with tabs': lines('- a', '\t- b', '\t\t- c', '\t\t\t- d'),
  'lists with wide gaps after the marker': lines('-   a', '    -   b', '        -   c', '            -   d'),
  'quotes and lists mixed on one line': '> - > - fond\n',
  'quotes and lists mixed over lines': lines('> - a', '>   > - b'),
  'footnotes inside footnotes': lines('[^a]: [^b]: [^c]: [^d]: fond', '', '[^a]'),
  'a footnote holding quotes': lines('[^a]: note', '    > > > fond', '', '[^a]'),
  'directives inside directives': lines('::::::a', ':::::b', '::::c', ':::d', 'fond', ':::', '::::', ':::::', '::::::'),
  'a list in a directive in quotes': lines('> > :::d', '> > - fond', '> > :::'),
  'a lazy line then a deeper list': lines('> > - a', 'suite', '> > - > b'),
  'deep after a fenced code block': lines('```', '> > > > pas ici', '```', '', '> > > > ici'),
  'deep after a closed directive': lines(':::d', '> > x', ':::', '', '> > > > ici'),
  'a thematic break, then lists': lines('- - -', '', '- - - - a'),
  'front matter, then quotes': lines('---', 'title: x', '---', '', 'Texte.', '', '>>>> fond'),
};

const NOT_TOO_DEEP: Record<string, string> = {
  'three levels': '> > > fond\n',
  'quotes in a fenced code block': lines('```', '>>>>>>>> code', '- - - - - - code', '```'),
  'quotes in a tilde fence inside a list': lines('- a', '  ~~~', '  >>>>>> code', '  ~~~'),
  'quotes in indented code': lines('Texte.', '', '    >>>>>> code'),
  'thematic breaks': lines('- - -', '', '* * * *', '', '_ _ _'),
  'an item that cannot interrupt a paragraph': lines('> > > a', '> > > 2. b', '> > > - '),
  'list items side by side': lines('- a', '- b', '- c', '- d', '- e'),
  'a blank line closes quotes': lines('> > > a', '', '> > > b'),
  'a heading is not lazy': lines('> > > a', '# titre', '> > > b'),
};

describe('nesting past the limit: the same place in the text and in the tree', () => {
  for (const [name, text] of Object.entries(TOO_DEEP)) {
    it(name, () => {
      const expected = inTree(text);
      expect(expected, 'the tree itself has a block past the limit').toBeDefined();
      expect(inText(text)).toEqual(expected);
    });
  }

  for (const [name, text] of Object.entries(NOT_TOO_DEEP)) {
    it(`not too deep: ${name}`, () => {
      expect(inTree(text)).toBeUndefined();
      expect(inText(text)).toBeUndefined();
    });
  }

  it('lines past the limit are emptied, every line break kept, so what is parsed keeps its positions', () => {
    const text = lines('Avant.', '', '> > > ok', '', '>>>> > trop', '> > > > > encore', '', 'Après.');
    const scan = prescan(text, 0, SMALL);
    expect(scan.text).toBe(lines('Avant.', '', '> > > ok', '', '', '', '', 'Après.'));
    expect(scan.problems.map((problem) => [problem.rule, problem.position?.start])).toEqual([['nesting-limit', { line: 5, column: 4, offset: text.indexOf('>>>> >') + 3 }]]);
  });

  it('a text without nesting past the limit is parsed as it is', () => {
    const text = lines('> > > a', '', '- - - b');
    expect(prescan(text, 0, SMALL).text).toBe(text);
  });
});

describe('nesting is never followed deep enough to overflow the stack', () => {
  const deep: Record<string, string> = {
    'block quotes': `${'>'.repeat(200_000)} fond\n`,
    lists: `${'- '.repeat(200_000)}fond\n`,
    footnotes: `${'[^a]: '.repeat(100_000)}fond\n\n[^a]\n`,
    'quotes and lists': `${'> - '.repeat(100_000)}fond\n`,
  };
  for (const [name, text] of Object.entries(deep)) {
    it(`${name}, hundreds of thousands deep, cut at the limit`, () => {
      const tree = parseMarkdown(text);
      const cut = tree.children.find((child) => child.type === 'overLimit');
      expect(cut).toMatchObject({ rule: 'nesting-limit', position: { start: { line: 1 } } });
      expect(cut && 'quiet' in cut).toBe(false);
    });
  }
});

describe('emphasis marks past the limit are kept from the parser', () => {
  const crowded = (text: string) => prescan(text, 0, SMALL).problems.filter((problem) => problem.rule === 'emphasis-limit').map((problem) => [problem.position?.start.line, problem.position?.start.column, problem.reason.split(';')[0]]);

  it('a paragraph over its lines, at its start, every line of it emptied', () => {
    const text = lines('Avant.', '', '> un *a* *b* *c*', '> d *e* *f* *g*', '', 'Après.');
    expect(crowded(text)).toEqual([[3, 3, 'this paragraph has 12 emphasis marks (`*`, `_`, `~`)']]);
    expect(prescan(text, 0, SMALL).text).toBe(lines('Avant.', '', '', '', '', 'Après.'));
  });

  it('a heading, and a table row, each by itself', () => {
    expect(crowded(lines('# *a* *b* *c* *d* *e* *f*'))).toEqual([[1, 1, 'this heading has 12 emphasis marks (`*`, `_`, `~`)']]);
    const table = lines('| a | b |', '| - | - |', '| *a* *b* | *c* |', '| *d* *e* | *f* |', '| *g* *h* *i* *j* *k* *l* | x |');
    expect(crowded(table)).toEqual([[5, 1, 'this table row has 12 emphasis marks (`*`, `_`, `~`)']]);
  });

  it('not marks: escaped ones, and those in code', () => {
    expect(crowded(lines('\\*a\\* \\*b\\* \\*c\\* \\*d\\* \\*e\\* \\*f\\*'))).toEqual([]);
    expect(crowded(lines('```', '*a* *b* *c* *d* *e* *f*', '```', '', '    *a* *b* *c* *d* *e* *f*'))).toEqual([]);
  });

  it('a table’s rows are counted each by itself', () => {
    expect(crowded(lines('| a | b |', '| - | - |', '| *a* *b* | *c* |', '| *d* *e* | *f* |', '| *g* *h* | *i* |'))).toEqual([]);
  });

  it('emphasis hundreds and ten thousand deep never reaches GFM’s steps, which walk the tree by recursion', () => {
    for (const [marks, rule] of [[900, 'nesting-limit'], [40_000, 'emphasis-limit']] as const) {
      const tree = parseMarkdown(`${'*'.repeat(marks / 2)}fond${'*'.repeat(marks / 2)}\n`);
      const found: string[] = [];
      const work: Nodes[] = [tree];
      while (work.length > 0) {
        const node = work.pop()!;
        if (node.type === 'overLimit' && !node.quiet) found.push(node.rule);
        if ('children' in node) work.push(...(node.children as Nodes[]));
      }
      expect(found).toEqual([rule]);
    }
  });
});
