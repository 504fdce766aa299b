import type { Nodes, Parents, Root } from 'mdast';
import type { Limits } from './limits.ts';
import { count, type OverLimit, overLimit } from './over-limit.ts';

/** Blocks that hold other blocks, and what a message calls them. */
const CONTAINERS: Readonly<Record<string, string>> = {
  blockquote: 'block quote',
  list: 'list',
  footnoteDefinition: 'footnote',
  containerDirective: '`:::` block',
};

/** Inline marks that hold other inline content. */
const MARKS: Readonly<Record<string, string>> = {
  emphasis: 'emphasis',
  strong: 'strong emphasis',
  delete: 'strikethrough',
  link: 'link',
  linkReference: 'link',
  textDirective: 'directive',
};

/** Blocks set as one run of text, and how to make a long one shorter. */
const TEXT_BLOCKS: Readonly<Record<string, { name: string; fix: string }>> = {
  paragraph: { name: 'paragraph', fix: 'split it into paragraphs with blank lines' },
  heading: { name: 'heading', fix: 'shorten it' },
  tableCell: { name: 'table cell', fix: 'shorten it' },
  code: { name: 'code block', fix: 'split it into several code blocks' },
};

/** Why a list, block quote, footnote or `:::` block nested too deep is cut: the prescan and the tree say it alike. */
export function nestingReason(what: string, depth: number, limit: number): string {
  return `this ${what} is nested ${count(depth)} levels deep; lists, block quotes, footnotes and \`:::\` blocks may go ${count(limit)} levels deep: flatten this part of the text`;
}

interface Visit {
  node: Nodes;
  parent: Parents | undefined;
  index: number;
  /** Containers around the node. */
  blocks: number;
  /** Inline marks around the node. */
  marks: number;
}

/**
 * Cuts out of a parsed tree every part past the limits, each replaced by an
 * `overLimit` node saying why (the first of each kind in the file reported,
 * the others quiet), so the later stages never see it: containers or inline
 * marks nested too deep, text blocks too long, footnotes past the number a
 * file may print. An explicit stack, whatever the depth. Returns the cuts.
 */
export function limitTree(tree: Root, limits: Limits): OverLimit[] {
  const cuts: OverLimit[] = [];
  const reported = new Set<string>();
  const cut = (visit: Visit, rule: string, reason: string) => {
    const start = visit.node.position?.start ?? { line: 1, column: 1 };
    const node = overLimit(start, rule, reason, reported.has(rule));
    reported.add(rule);
    cuts.push(node);
    // A table cell stays a cell: its row may hold cells only.
    if (visit.node.type === 'tableCell') visit.node.children = [node];
    else if (visit.parent) (visit.parent.children as Nodes[])[visit.index] = node;
  };

  const markBefore = (visit: Visit, rule: string, reason: string) => {
    const node = overLimit(visit.node.position?.start ?? { line: 1, column: 1 }, rule, reason);
    cuts.push(node);
    (visit.parent!.children as Nodes[]).splice(visit.index, 0, node);
  };

  const defined = new Set<string>();
  const references: Visit[] = [];
  const work: Visit[] = [{ node: tree, parent: undefined, index: 0, blocks: 0, marks: 0 }];
  while (work.length > 0) {
    const visit = work.pop()!;
    const { node } = visit;
    let { blocks, marks } = visit;
    const container = CONTAINERS[node.type];
    const mark = MARKS[node.type];
    const textBlock = TEXT_BLOCKS[node.type];
    if (container !== undefined && (blocks += 1) > limits.nesting) {
      cut(visit, 'nesting-limit', nestingReason(container, blocks, limits.nesting));
      continue;
    }
    if (mark !== undefined && (marks += 1) > limits.inlineNesting) {
      cut(visit, 'nesting-limit', `this ${mark} is nested ${count(marks)} levels deep in other marks; emphasis, links and other marks may go ${count(limits.inlineNesting)} levels deep: remove some of them`);
      continue;
    }
    if (textBlock !== undefined) {
      const length = (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0);
      if (length > limits.blockCharacters) {
        cut(visit, 'block-too-long', `this ${textBlock.name} is ${count(length)} characters long; a paragraph, heading, table cell or code block may be ${count(limits.blockCharacters)}: ${textBlock.fix}`);
        continue;
      }
    }
    if (node.type === 'footnoteDefinition') defined.add(node.identifier);
    if (node.type === 'footnoteReference') references.push(visit);
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i -= 1) work.push({ node: children[i]!, parent: node, index: i, blocks, marks });
  }

  const numbered = new Set<string>();
  for (const visit of references) {
    const { node } = visit;
    if (node.type !== 'footnoteReference' || !defined.has(node.identifier) || numbered.has(node.identifier)) continue;
    numbered.add(node.identifier);
    if (numbered.size > limits.footnotes) {
      // Reported beside the reference, which stays: cutting it would leave its note unreferenced, and reported so.
      markBefore(visit, 'footnote-limit', `this is footnote ${count(numbered.size)} of this file; a file may print ${count(limits.footnotes)} footnotes: split it into articles listed under \`include:\`, or fold some notes into the text`);
      break;
    }
  }
  return cuts;
}
