import type { SourcePoint } from '../../diagnostics/diagnostic.ts';
import { isPdfNode, type PdfNode } from '../../layout/to-pdfmake/pdf-content.ts';

/** A note to set at the foot of a page, and the destination its reference links to. */
export interface FootnoteSpec {
  destination: string;
  node: PdfNode;
  source: SourcePoint | undefined;
}

/**
 * Takes the notes out of the flow: the converter leaves each chapter's
 * notes as one block at its end (marked `_footnotes`), which is
 * removed here; each note becomes a block of its own, its number hanging
 * in the margin of its text, for the foot of the page.
 */
export function takeFootnotes(content: unknown, indent: number): FootnoteSpec[] {
  const found: Array<{ parent: unknown[]; block: PdfNode }> = [];
  // Depth first, in document order: the notes keep the order of their chapters.
  const work: Array<{ value: unknown; parent?: unknown[] }> = [{ value: content }];
  while (work.length > 0) {
    const { value, parent } = work.pop()!;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) work.push({ value: value[index], parent: value });
    } else if (isPdfNode(value)) {
      if (parent && value._footnotes === true) {
        found.push({ parent, block: value });
        continue;
      }
      for (const key of ['layers', 'ol', 'ul', 'columns', 'stack']) if (key in value) work.push({ value: value[key] });
      const table = value.table;
      if (isPdfNode(table)) work.push({ value: table.body });
    }
  }
  const specs: FootnoteSpec[] = [];
  for (const { parent, block } of found) {
    parent.splice(parent.indexOf(block), 1);
    const list = Array.isArray(block.stack) ? block.stack.find((child): child is PdfNode => isPdfNode(child) && Array.isArray(child.ol)) : undefined;
    specs.push(...notesOf((list?.ol as unknown[] | undefined) ?? [], indent));
  }
  return specs;
}

function notesOf(items: unknown[], indent: number): FootnoteSpec[] {
  const specs: FootnoteSpec[] = [];
  items.forEach((item, index) => {
    if (!isPdfNode(item) || typeof item._noteId !== 'string') return;
    specs.push({
      destination: item._noteId,
      source: item._source,
      node: {
        columns: [
          { text: String(index + 1), width: indent, style: 'footnoteNumber' },
          { stack: item.stack, width: '*' },
        ],
        columnGap: 0,
        style: 'footnote',
      },
    });
  });
  return specs;
}
