import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { SourcePoint } from '../diagnostics/diagnostic.ts';
import { walkTree } from './walk-tree.ts';

/** A place that prints a variant's field: `:variant[city]` in Markdown, `{{variant.city}}` in a layout. */
export interface FieldUse {
  name: string;
  usedAt: SourcePoint;
}

const DIRECTIVE = 'variant';

/** Every `:variant[column]` of a Markdown tree, where it is written. */
export function variantDirectives(tree: Root, file: string): FieldUse[] {
  const uses: FieldUse[] = [];
  walkTree(tree, (node) => {
    if (node.type !== 'textDirective' || node.name !== DIRECTIVE) return;
    uses.push({ name: labelOf(node), usedAt: { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 } });
  });
  return uses;
}

/**
 * A copy of the tree with every `:variant[column]` replaced by the row's
 * value, as plain text: a group's name or meeting place is data, never
 * Markdown. The tree itself when it has none.
 */
export function withVariant(tree: Root, fields: Readonly<Record<string, string>> | undefined): Root {
  if (!fields || !hasDirective(tree)) return tree;
  const copy = structuredClone(tree);
  walkTree(copy, (node) => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i]!;
      if (child.type !== 'textDirective' || child.name !== DIRECTIVE) continue;
      const text: PhrasingContent = { type: 'text', value: fields[labelOf(child)] ?? '', ...(child.position ? { position: child.position } : {}) };
      children[i] = text;
    }
  });
  return copy;
}

/** Every `{{variant.column}}` (or `{{#if variant.column}}`…) of a layout's sources, by file. */
export function templateFieldUses(sources: ReadonlyMap<string, string>): FieldUse[] {
  const uses: FieldUse[] = [];
  for (const [file, text] of sources) {
    for (const mustache of text.matchAll(/\{\{[^}]*\}\}/g)) {
      for (const field of mustache[0].matchAll(/(?<![\w.])variant\.([A-Za-z_\p{L}][\w\p{L}-]*)/gu)) {
        const offset = mustache.index + field.index;
        const before = text.slice(0, offset).split('\n');
        uses.push({ name: field[1]!, usedAt: { file, line: before.length, column: before.at(-1)!.length + 1 } });
      }
    }
  }
  return uses;
}

function hasDirective(tree: Root): boolean {
  let found = false;
  walkTree(tree, (node) => {
    if (node.type === 'textDirective' && node.name === DIRECTIVE) found = true;
  });
  return found;
}

/** The column a directive names: its label's text, `:variant[city]` → `city`. */
function labelOf(node: Nodes): string {
  const text = (n: Nodes): string => (n.type === 'text' ? n.value : 'children' in n ? (n.children as Nodes[]).map(text).join('') : '');
  return text(node).trim();
}
