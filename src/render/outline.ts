import { isPdfNode, type PdfNode } from '../layout/to-pdfmake/pdf-content.ts';

/** Keys whose values hold content, in reading order. */
const CHILDREN = ['stack', 'columns', 'ul', 'ol', 'layers'] as const;

/**
 * The PDF outline (bookmarks): every heading down to `depth`, nested under
 * the heading above it, in reading order. pdfmake draws an outline entry for
 * a text node with `outline: true`, nested by `outlineParentId`.
 */
export function addOutline(content: unknown, depth: number): void {
  const parents: string[] = [];
  let count = 0;
  for (const node of inReadingOrder(content)) {
    const level = node.headlineLevel;
    if (typeof level !== 'number' || level > depth) continue;
    // An empty heading (`#` alone) sets no line, and pdfmake throws giving a bookmark to a line that is not there.
    if (plainText(node.text).trim() === '') continue;
    const id = typeof node.id === 'string' ? node.id : `outline-${(count += 1)}`;
    node.id = id;
    node.outline = true;
    node.outlineText = plainText(node.text);
    const parent = parents.slice(0, level - 1).findLast((p) => p !== undefined);
    if (parent) node.outlineParentId = parent;
    parents.length = level - 1;
    parents[level - 1] = id;
  }
}

export function* inReadingOrder(content: unknown): Generator<PdfNode> {
  const work: unknown[] = [content];
  while (work.length > 0) {
    const value = work.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) work.push(value[i]);
    } else if (isPdfNode(value)) {
      yield value;
      // A layout may set a title in a table cell (the colophon is a one-row table, to stay in one piece).
      if (isPdfNode(value.table) && Array.isArray(value.table.body)) work.push(value.table.body);
      for (let k = CHILDREN.length - 1; k >= 0; k -= 1) {
        const key = CHILDREN[k]!;
        if (key in value) work.push(value[key]);
      }
    }
  }
}

/** The words of a heading, without the soft hyphens typesetting put in. */
export function plainText(text: unknown): string {
  if (typeof text === 'string') return text.replace(/\u00AD/g, '');
  if (Array.isArray(text)) return text.map(plainText).join('');
  if (isPdfNode(text)) return plainText(text.text);
  return '';
}

/** pdfmake keeps a line's node only when it has an id: chapter titles get one, so running heads can find them. */
export function markChapterTitles(content: unknown): void {
  let count = 0;
  for (const node of inReadingOrder(content)) {
    if (node.headlineLevel !== 1) continue;
    if (typeof node.id !== 'string') node.id = `chapter-${(count += 1)}`;
    if (typeof node.outlineText !== 'string') node.outlineText = plainText(node.text);
  }
}
