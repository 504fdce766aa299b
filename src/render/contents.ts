import { inReadingOrder, plainText } from './outline.ts';

/**
 * Marks headings down to `depth` as contents entries. Each level gets the
 * styles `toc1`, `toc2`… for its line and its page number, so a layout can
 * set them apart, and deeper levels are indented. Sections that come
 * before the first chapter (a dossier's own introduction, chronology…)
 * have no chapter to sit under: they are listed a level up, as the
 * bookmarks list them.
 */
export function listInContents(content: unknown, depth: number): void {
  let chapterSeen = false;
  for (const node of inReadingOrder(content)) {
    const level = node.headlineLevel;
    if (typeof level !== 'number') continue;
    if (level === 1) chapterSeen = true;
    if (level > depth || node.tocItem !== undefined) continue;
    // An empty heading (`##` alone) sets no line, so pdfmake never learns its page and throws drawing the entry.
    if (plainText(node.text).trim() === '') continue;
    const listed = chapterSeen ? level : Math.max(1, level - 1);
    node.tocItem = true;
    node.tocMargin = [(listed - 1) * 14, listed === 1 ? 7 : 2, 0, 0];
    node.tocStyle = `toc${listed}`;
    node.tocNumberStyle = `toc${listed}`;
  }
}
