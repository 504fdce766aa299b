import type { Definition, FootnoteDefinition, Nodes, Parents, Root } from 'mdast';
import type { Diagnostics, SourcePoint } from '../../diagnostics/diagnostic.ts';
import type { ImageRegistry } from '../../transform/images.ts';
import type { PdfContent, PdfNode } from './pdf-content.ts';

export type Handler = (state: State, node: Nodes, parent: Parents | undefined) => PdfContent | undefined;

export interface ConvertOptions {
  file: string;
  diagnostics: Diagnostics;
  images: ImageRegistry;
  /** Words the layout prints by itself, already in the publication's language. */
  strings: Readonly<Record<string, string>>;
  /** Makes destination ids unique when several chapters share one PDF. */
  idPrefix: string;
  /** The original Markdown, for printing unknown syntax back as written. */
  sourceText: string;
}

export interface State extends ConvertOptions {
  handlers: Readonly<Record<string, Handler>>;
  definitions: Map<string, Definition>;
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  /** Footnote identifiers in the order their first reference appears. */
  footnoteOrder: string[];
  /** Each identifier's place in footnoteOrder: a file may have a thousand notes, and searching the list for each grows with their square. */
  footnoteIndex: Map<string, number>;
  /** Every footnote identifier referenced anywhere in the tree. */
  referencedFootnotes: Set<string>;
  /** Items of tight lists, whose paragraphs run on without paragraph spacing. */
  tightItems: WeakSet<Nodes>;
  one(node: Nodes, parent: Parents | undefined): PdfContent | undefined;
  /** Flow children of `parent` as a flat list of blocks. */
  blocks(parent: Parents): PdfContent[];
  /** Phrasing children of `parent` as pdfmake inlines. */
  inlines(parent: Parents): PdfContent[];
  /** Copies the mdast node's start position onto what it produced. */
  patch<T extends PdfNode>(node: Nodes, output: T): T;
  point(node: Nodes): SourcePoint;
  warn(node: Nodes, reason: string, rule: string): void;
  /** The Markdown exactly as written for `node`. */
  original(node: Nodes): string;
}

export function createState(tree: Root, options: ConvertOptions, handlers: Readonly<Record<string, Handler>>, unknown: Handler): State {
  const definitions = new Map<string, Definition>();
  const footnoteDefinitions = new Map<string, FootnoteDefinition>();
  const referencedFootnotes = new Set<string>();
  collectDefinitions(tree, definitions, footnoteDefinitions, referencedFootnotes);

  // Flow and phrasing children convert the same way; the two names say what a caller expects back.
  const all = (parent: Parents): PdfContent[] => {
    const out: PdfContent[] = [];
    for (const child of parent.children as Nodes[]) {
      const result = state.one(child, parent);
      if (Array.isArray(result)) out.push(...result);
      else if (result !== undefined) out.push(result);
    }
    return out;
  };
  const state: State = {
    ...options,
    handlers,
    definitions,
    footnoteDefinitions,
    footnoteOrder: [],
    footnoteIndex: new Map(),
    referencedFootnotes,
    tightItems: new WeakSet(),
    one(node, parent) {
      const handler = Object.hasOwn(handlers, node.type) ? handlers[node.type] : undefined;
      return (handler ?? unknown)(state, node, parent);
    },
    blocks: (parent) => all(parent),
    inlines: (parent) => all(parent),
    patch(node, output) {
      if (node.position) output._source = state.point(node);
      return output;
    },
    point(node) {
      const start = node.position?.start;
      return { file: options.file, line: start?.line ?? 1, column: start?.column ?? 1 };
    },
    warn(node, reason, rule) {
      options.diagnostics.warn(state.point(node), reason, rule);
    },
    original(node) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return '';
      return options.sourceText.slice(start, end);
    },
  };
  return state;
}

function collectDefinitions(
  tree: Root,
  definitions: Map<string, Definition>,
  notes: Map<string, FootnoteDefinition>,
  references: Set<string>,
): void {
  // Iterative on purpose: deeply nested input must not overflow the stack here.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (node.type === 'footnoteDefinition' && !notes.has(node.identifier)) notes.set(node.identifier, node);
    if (node.type === 'footnoteReference') references.add(node.identifier);
    // Children are pushed in reverse so they are visited in document order: the first definition wins.
    if ('children' in node) stack.push(...[...(node.children as Nodes[])].reverse());
  }
}
