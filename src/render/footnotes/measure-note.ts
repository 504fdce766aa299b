import type { LayoutBuilder, PageItem } from './internals.ts';

/** A note's layout, at the top left of a page of its own. */
export interface NoteLayout {
  items: PageItem[];
  height: number;
  /** Where it may be cut: after a line, never through one. */
  breaks: number[];
  /** Destinations linked from its text. */
  links: string[];
}

/** Taller than any note: the scratch page never breaks. */
const SCRATCH_HEIGHT = 1e7;

/**
 * Lays a note out once, at the text width, as pdfmake lays out a header:
 * on a scratch page pushed on the writer. It counts as an unbreakable
 * block meanwhile, so no keep is applied to it.
 */
export function measureNote(builder: LayoutBuilder, node: unknown, width: number): NoteLayout {
  const writer = builder.writer;
  const level = writer.transactionLevel ?? 0;
  writer.transactionLevel = level + 1;
  writer.pushContext(width, SCRATCH_HEIGHT);
  try {
    builder.processNode(builder.docMeasure.measureBlock(builder.docPreprocessor.preprocessBlock(node)));
    const context = writer.context();
    const items = context.pages[0]?.items ?? [];
    // The note ends with its last line: its paragraphs' space after is the gap between notes, set apart.
    const height = Math.min(context.y, bottomOf(items) ?? context.y);
    return { items: [...items], height, breaks: breaksOf(items, height), links: linksOf(items) };
  } finally {
    writer.popContext();
    writer.transactionLevel = level;
  }
}

function bottomOf(items: readonly PageItem[]): number | undefined {
  let bottom: number | undefined;
  for (const entry of items) {
    if (entry.type !== 'line') continue;
    const line = entry.item as { y: number; getHeight(): number };
    bottom = Math.max(bottom ?? 0, line.y + line.getHeight());
  }
  return bottom;
}

function breaksOf(items: readonly PageItem[], height: number): number[] {
  const spans: Array<[number, number]> = [];
  for (const entry of items) {
    if (entry.type !== 'line') continue;
    const line = entry.item as { y: number; getHeight(): number };
    spans.push([line.y, line.y + line.getHeight()]);
  }
  const cuts = new Set<number>();
  for (const [, bottom] of spans) {
    // A cut through another line (a list marker's column, a second column) is no cut.
    if (spans.some(([top, end]) => top < bottom - 1e-6 && end > bottom + 1e-6)) continue;
    if (bottom < height - 1e-6) cuts.add(bottom);
  }
  return [...cuts, height].sort((a, b) => a - b);
}

function linksOf(items: readonly PageItem[]): string[] {
  const links: string[] = [];
  for (const entry of items) {
    if (entry.type !== 'line') continue;
    for (const inline of (entry.item as { inlines: Array<{ linkToDestination?: string | null }> }).inlines) {
      if (typeof inline.linkToDestination === 'string') links.push(inline.linkToDestination);
    }
  }
  return links;
}
