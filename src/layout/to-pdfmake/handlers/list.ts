import type { List, ListItem, Nodes } from 'mdast';
import type { PdfContent, PdfNode } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function list(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'list') return undefined;
  const loose = markTightness(state, node);
  const items = node.children.map((item) => state.one(item, node) ?? '');
  const style = loose ? ['list', 'listLoose'] : 'list';
  if (node.ordered) {
    const ordered: PdfNode = { ol: items, style };
    if (node.start !== null && node.start !== undefined && node.start !== 1) ordered.start = node.start;
    return state.patch(node, ordered);
  }
  return state.patch(node, { ul: items, style });
}

/**
 * A list is loose when it or any of its items has blank lines between blocks
 * (CommonMark); the items of a tight list are remembered so their paragraphs
 * run on without paragraph spacing.
 */
export function markTightness(state: State, node: List): boolean {
  const loose = Boolean(node.spread) || node.children.some((item) => item.spread);
  if (!loose) for (const item of node.children) state.tightItems.add(item);
  return loose;
}

export function listItem(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'listItem') return undefined;
  const blocks = state.blocks(node);
  const body: PdfContent = blocks.length === 1 ? blocks[0]! : { stack: blocks };
  if (typeof node.checked !== 'boolean') {
    if (typeof body === 'string' || Array.isArray(body)) return state.patch(node, { stack: [body] });
    // A one-block item is that block: keep the block's own, more precise position.
    return body._source ? body : state.patch(node, body);
  }
  return state.patch(node, taskItem(node, body));
}

/** Fonts rarely have ☐/☑, so the box is drawn: nothing can print as a missing glyph. */
function taskItem(node: ListItem, body: PdfContent): PdfNode {
  const box: PdfNode[] = [{ type: 'rect', x: 0, y: 1.5, w: 7, h: 7, lineWidth: 0.6 }];
  if (node.checked) {
    box.push({ type: 'polyline', lineWidth: 1, closePath: false, points: [{ x: 1.3, y: 5 }, { x: 3, y: 7 }, { x: 6, y: 2.5 }] });
  }
  return { columns: [{ width: 11, canvas: box }, { width: '*', stack: [body] }], columnGap: 0, listType: 'none', style: 'taskItem' };
}
