import type { Nodes, Parents, Root, Text } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import { unified } from 'unified';
import { type Limits, LIMITS } from './limits.ts';
import { cutPastLimits, parseWithinLimits } from './parse-limits.ts';

/**
 * GFM as remark-gfm sets it up, less one tokenizer (and two more where the
 * text cannot use them, see processorFor): the one for autolink
 * literals (`www.example.org`, `https://…`, `name@example.org`). It is tried
 * at nearly every character and took half the parse time, while GFM's own
 * syntax-tree step (mdast-util-gfm-autolink-literal) finds the same links in
 * the text afterwards, to the same tree. That step leaves the nodes it
 * splits off without positions; they are given back here from the text node
 * they were cut from, so every node still points into the Markdown.
 */
function gfm(this: Processor, constructs: { tables: boolean; strikethrough: boolean }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  // remark-gfm's order: constructs tried on the same character are tried in it.
  const tokenizers = [gfmFootnote()];
  if (constructs.strikethrough) tokenizers.push(gfmStrikethrough());
  if (constructs.tables) tokenizers.push(gfmTable());
  tokenizers.push(gfmTaskListItem());
  (data.micromarkExtensions ??= []).push(...tokenizers);
  (data.fromMarkdownExtensions ??= []).push(rememberTextPositions, gfmFromMarkdown(), restoreTextPositions);
}

/**
 * CommonMark + GFM + front matter + directives, with unist positions on every
 * node. What lies past the limits (limits.ts) is left out, and stands in the
 * tree as an `overLimit` node that is reported when the document is laid
 * out (parse-limits.ts).
 */
export function parseMarkdown(text: string, limits: Limits = LIMITS): Root {
  return parseWithinLimits(text, limits, (safe) => {
    parsing = safe;
    try {
      return processorFor(safe).parse(safe);
    } finally {
      parsing = '';
    }
  });
}

/** The Markdown being parsed: the transforms compare node values with it. */
let parsing = '';

interface Remembered {
  /** Each parent's text children before the autolink step, in order. */
  texts: WeakMap<Parents, Text[]>;
}
const remembered = new WeakMap<Root, Remembered>();

const rememberTextPositions: FromMarkdownExtension = {
  transforms: [
    (tree: Root) => {
      const texts = new WeakMap<Parents, Text[]>();
      forEachParent(tree, (parent) => {
        const own = (parent.children as Nodes[]).filter((child): child is Text => child.type === 'text' && child.position !== undefined && /[@.:]/.test(child.value));
        if (own.length > 0) texts.set(parent, own);
      });
      remembered.set(tree, { texts });
    },
  ],
};

const restoreTextPositions: FromMarkdownExtension = {
  transforms: [
    (tree: Root) => {
      const memory = remembered.get(tree);
      remembered.delete(tree);
      if (!memory) return;
      forEachParent(tree, (parent) => {
        const originals = memory.texts.get(parent);
        if (originals && parent.children.some((child) => child.position === undefined)) placeRuns(parent, originals, parsing);
      });
    },
  ],
};

/**
 * The children without positions come in runs, each cut from one remembered
 * text node and spelling its value. Where that node's Markdown is its value
 * character for character (no escapes, entities or indented continuation
 * lines), each piece gets its exact share; otherwise every piece gets the
 * whole node's span.
 */
function placeRuns(parent: Parents, originals: readonly Text[], source: string): void {
  const children = parent.children as Nodes[];
  let next = 0;
  for (let i = 0; i < children.length; i += 1) {
    if (children[i]!.position !== undefined) continue;
    let j = i;
    while (j < children.length && children[j]!.position === undefined) j += 1;
    const run = children.slice(i, j);
    const spelled = run.map(visibleText).join('');
    while (next < originals.length && originals[next]!.value !== spelled) next += 1;
    const original = originals[next++];
    const span = original?.position;
    if (!span) return;
    const base = span.start.offset ?? 0;
    const exact = source.slice(base, span.end.offset) === spelled;
    let offset = base;
    for (const node of run) {
      if (exact) setPosition(node, span.start, base, offset, spelled);
      else setWhole(node, span);
      offset += visibleText(node).length;
    }
    i = j - 1;
  }
}

function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(visibleText).join('');
  return '';
}

function setPosition(node: Nodes, from: { line: number; column: number }, base: number, start: number, value: string): void {
  const end = start + visibleText(node).length;
  node.position = { start: pointAt(from, base, start, value), end: pointAt(from, base, end, value) };
  let offset = start;
  if ('children' in node) {
    for (const child of node.children as Nodes[]) {
      setPosition(child, from, base, offset, value);
      offset += visibleText(child).length;
    }
  }
}

function setWhole(node: Nodes, span: NonNullable<Text['position']>): void {
  node.position = { start: { ...span.start }, end: { ...span.end } };
  if ('children' in node) for (const child of node.children as Nodes[]) setWhole(child, span);
}

/** The point `offset` characters into the Markdown, counted from a node that starts at `base` and spells `value`. */
function pointAt(from: { line: number; column: number }, base: number, offset: number, value: string): { line: number; column: number; offset: number } {
  const before = value.slice(0, offset - base);
  const breaks = before.split('\n');
  const line = from.line + breaks.length - 1;
  const column = breaks.length === 1 ? from.column + before.length : breaks[breaks.length - 1]!.length + 1;
  return { line, column, offset };
}

function forEachParent(tree: Root, visit: (parent: Parents) => void): void {
  const work: Nodes[] = [tree];
  while (work.length > 0) {
    const node = work.pop()!;
    if (!('children' in node)) continue;
    visit(node as Parents);
    for (const child of node.children as Nodes[]) work.push(child);
  }
}

const processors = new Map<string, ReturnType<typeof newProcessor>>();

/**
 * The table tokenizer is tried on the first line of every paragraph, and the
 * strikethrough one at every `~`: a text with no `|` can hold no table, and
 * one with no `~` no strikethrough, so they are left out there, to the same
 * tree, and prose parses noticeably faster.
 */
function processorFor(text: string) {
  const constructs = { tables: text.includes('|'), strikethrough: text.includes('~') };
  const key = `${constructs.tables}${constructs.strikethrough}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = newProcessor(constructs)));
  return processor;
}

function newProcessor(constructs: { tables: boolean; strikethrough: boolean }) {
  return unified().use(remarkParse).use(cutPastLimits).use(gfm, constructs).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();
}
