import type { Line, Page, PageItem, Vector } from './internals.ts';
import type { NoteLayout } from './measure-note.ts';
import type { PageFeet } from './page-feet.ts';

export interface FootRule {
  /** Length of the rule; a third of the text width when not given. */
  width?: number;
  thickness: number;
  color: string;
  /** Space above the rule, under the text. */
  above: number;
  /** Space between the rule and the first note. */
  below: number;
}

export function separatorHeight(rule: FootRule): number {
  return rule.above + rule.thickness + rule.below;
}

/**
 * Copies each page's notes, or parts of notes, from their own layout to
 * the foot of the page, under a short rule; a page whose first note
 * continues from the page before gets a rule across the text width, as
 * books mark a continued note.
 */
export function drawFeet(pages: readonly Page[], feet: PageFeet, layouts: ReadonlyMap<string, NoteLayout>, rule: FootRule, gap: number): void {
  for (const index of feet.pages()) {
    const page = pages[index];
    if (!page) continue;
    const left = page.pageMargins.left;
    const textWidth = page.pageSize.width - left - page.pageMargins.right;
    let y = page.pageSize.height - page.pageMargins.bottom - feet.reserved(index);
    const pieces = feet.piecesOn(index);
    const continued = (pieces[0]?.from ?? 0) > 0;
    const ruleY = y + rule.above + rule.thickness / 2;
    const length = continued ? textWidth : Math.min(rule.width ?? textWidth / 3, textWidth);
    page.items.push({ type: 'vector', item: { type: 'line', x1: left, y1: ruleY, x2: left + length, y2: ruleY, lineWidth: rule.thickness, lineColor: rule.color } });
    y += separatorHeight(rule);
    for (const piece of pieces) {
      const layout = layouts.get(piece.note.destination);
      if (layout) {
        for (const entry of layout.items) {
          const top = topOf(entry);
          if (top >= piece.from - 1e-6 && top < piece.to - 1e-6) page.items.push(moved(entry, left, y - piece.from));
        }
      }
      y += piece.to - piece.from + gap;
    }
  }
}

function topOf(entry: PageItem): number {
  if (entry.type === 'line') return (entry.item as Line).y;
  if (entry.type === 'vector') {
    const vector = entry.item as Vector;
    return vector.y ?? vector.y1 ?? vector.points?.[0]?.y ?? 0;
  }
  return (entry.item as { y?: number }).y ?? 0;
}

function moved(entry: PageItem, dx: number, dy: number): PageItem {
  if (entry.type === 'line') {
    const line = (entry.item as Line).clone();
    line.x += dx;
    line.y += dy;
    return { type: 'line', item: line };
  }
  if (entry.type === 'vector') {
    const vector: Vector = { ...(entry.item as Vector) };
    if (vector.points) vector.points = vector.points.map((point) => ({ x: point.x + dx, y: point.y + dy }));
    else if (vector.type === 'line') {
      vector.x1 = (vector.x1 ?? 0) + dx;
      vector.x2 = (vector.x2 ?? 0) + dx;
      vector.y1 = (vector.y1 ?? 0) + dy;
      vector.y2 = (vector.y2 ?? 0) + dy;
    } else {
      vector.x = (vector.x ?? 0) + dx;
      vector.y = (vector.y ?? 0) + dy;
    }
    return { type: 'vector', item: vector };
  }
  const item = entry.item as { x?: number; y?: number };
  return { type: entry.type, item: { ...item, x: (item.x ?? 0) + dx, y: (item.y ?? 0) + dy } } as PageItem;
}
