import type { Root } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import { frontMatterLength } from '../load/front-matter.ts';
import type { Limits } from './limits.ts';
import type { OverLimit } from './over-limit.ts';
import { prescan } from './prescan.ts';
import { limitTree } from './tree-limits.ts';

/** The limits of the parse under way, and the cuts its tree step made: a processor is frozen once, for every parse. */
let underway: { limits: Limits; cuts: OverLimit[] } | undefined;

/**
 * A unified plugin, used before any other that steps over the tree: it cuts
 * what lies past the limits out of the tree micromark made (tree-limits.ts)
 * before GFM's own steps walk it, by recursion: its bare-address links
 * overflowed the stack on emphasis 10,000 deep.
 */
export function cutPastLimits(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: unknown[] };
  const step: FromMarkdownExtension = {
    transforms: [
      (tree: Root) => {
        if (underway) underway.cuts = limitTree(tree, underway.limits);
      },
    ],
  };
  (data.fromMarkdownExtensions ??= []).push(step);
}

/**
 * Parses the text within the limits: what the parser itself could not bear
 * is emptied from the text first (prescan.ts), the rest is cut from the tree
 * by `parse`'s processor, which must use cutPastLimits, and each problem
 * stands in the tree as an `overLimit` node; the first of each kind in the
 * file, whether the text or the tree showed it, is listed in the root's
 * `data.overLimits`, to be reported when the document is laid out.
 */
export function parseWithinLimits(text: string, limits: Limits, parse: (text: string) => Root): Root {
  const scan = prescan(text, frontMatterLength(text), limits);
  let tree: Root;
  let cuts: OverLimit[];
  underway = { limits, cuts: [] };
  try {
    tree = parse(scan.text);
    cuts = underway.cuts;
  } finally {
    underway = undefined;
  }
  for (const problem of scan.problems) {
    const rivals = cuts.filter((cut) => cut.rule === problem.rule && !cut.quiet);
    if (rivals.some((cut) => before(cut.position!.start, problem.position!.start))) problem.quiet = true;
    else for (const cut of rivals) cut.quiet = true;
    tree.children.push(problem);
  }
  const overLimits = [...cuts, ...scan.problems].filter((problem) => !problem.quiet);
  if (overLimits.length > 0) tree.data = { ...tree.data, overLimits };
  return tree;
}

function before(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}
