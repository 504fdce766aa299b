import type { Nodes } from 'mdast';

/**
 * Every node of a tree in document order, parents before children. An
 * explicit stack, so a deeply nested document cannot overflow the call
 * stack; and no list of ancestors is built for each node, as
 * unist-util-visit does: tens of megabytes of garbage on a long dossier.
 */
export function walkTree(tree: Nodes, visit: (node: Nodes) => void): void {
  const work: Nodes[] = [tree];
  while (work.length > 0) {
    const node = work.pop()!;
    visit(node);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i -= 1) work.push(children[i]!);
    }
  }
}
