import { isPdfNode, type PdfNode } from '../layout/to-pdfmake/pdf-content.ts';

/**
 * pdfmake flattens nested inline arrays but drops the outer node's
 * properties on the way, so `**bold _and italic_**` would print plain.
 * Before rendering, nested inlines are flattened here with the outer
 * properties pushed down: the inner node wins, and styles accumulate.
 */
export function flattenInlines(content: unknown): void {
  const work: unknown[] = [content];
  while (work.length > 0) {
    const value = work.pop();
    if (Array.isArray(value)) {
      work.push(...value);
      continue;
    }
    if (!isPdfNode(value)) continue;
    if (Array.isArray(value.text)) value.text = flatten(value.text, {});
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'text' && key !== '_source' && typeof child === 'object') work.push(child);
    }
  }
}

function flatten(items: unknown[], inherited: PdfNode): unknown[] {
  const out: unknown[] = [];
  const work: Array<{ item: unknown; inherited: PdfNode }> = items.map((item) => ({ item, inherited })).reverse();
  while (work.length > 0) {
    const { item, inherited: outer } = work.pop()!;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i -= 1) work.push({ item: item[i], inherited: outer });
    } else if (isPdfNode(item) && Array.isArray(item.text)) {
      const { text, _source, ...own } = item;
      const merged = merge(outer, own);
      for (let i = text.length - 1; i >= 0; i -= 1) work.push({ item: text[i], inherited: merged });
    } else if (typeof item === 'string') {
      out.push(Object.keys(outer).length === 0 ? item : { ...outer, text: item });
    } else if (isPdfNode(item)) {
      out.push(merge(outer, item));
    }
  }
  return out;
}

function merge(outer: PdfNode, inner: PdfNode): PdfNode {
  const merged: PdfNode = { ...outer, ...inner };
  const styles = [...asList(outer.style), ...asList(inner.style)];
  if (styles.length > 0) merged.style = styles;
  return merged;
}

function asList(style: unknown): unknown[] {
  if (style === undefined) return [];
  return Array.isArray(style) ? style : [style];
}
