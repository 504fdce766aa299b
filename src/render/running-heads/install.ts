import { plainText } from '../outline.ts';
import { pdfmakePrototype } from '../pdfmake-prototype.ts';

/**
 * Running heads need to know which chapter each page belongs to (and which
 * pages were left blank, to carry no head or folio), and
 * pdfmake's header callback only gets a page number. pdfmake lays the
 * headers out after all the content, though, so the chapter openings are
 * known by then: LayoutBuilder.addHeadersAndFooters is wrapped to read them
 * off the laid-out pages (lines of level-1 headings) just before it calls
 * the header and footer functions.
 */

/** Where each chapter opens, for the document being laid out now. */
export interface ChapterPages {
  /** The chapter current on a page: the last one opened on or before it, or '' before the first. */
  chapterOn(page: number): string;
  /** Whether a chapter opens on this page. */
  opensOn(page: number): boolean;
  /** Whether the page holds nothing: a verso left blank so a chapter opens on the right. */
  isBlank(page: number): boolean;
}

interface LaidOutLine {
  _node?: { headlineLevel?: unknown; outlineText?: unknown; text?: unknown };
}
interface LaidOutPage {
  items: Array<{ type: string; item: LaidOutLine }>;
}
interface LayoutBuilder {
  writer: { context(): { pages: LaidOutPage[] } };
  addHeadersAndFooters(header: unknown, footer: unknown): void;
}

let current: ChapterPages = emptyChapters();
let installed = false;

/** The chapters of the document whose headers are being laid out. */
export function currentChapters(): ChapterPages {
  return current;
}

export function installRunningHeads(): void {
  if (installed) return;
  const builder = pdfmakePrototype<LayoutBuilder>('LayoutBuilder', ['addHeadersAndFooters'], 'the running heads (src/render/running-heads)');
  const original = builder.addHeadersAndFooters;
  builder.addHeadersAndFooters = function (this: LayoutBuilder, header: unknown, footer: unknown) {
    current = chaptersOf(this.writer.context().pages);
    try {
      original.call(this, header, footer);
    } finally {
      current = emptyChapters();
    }
  };
  installed = true;
}

function chaptersOf(pages: LaidOutPage[]): ChapterPages {
  const openings: Array<{ page: number; title: string }> = [];
  pages.forEach((page, index) => {
    for (const { type, item } of page.items) {
      const node = item._node;
      if (type !== 'line' || node?.headlineLevel !== 1) continue;
      const title = typeof node.outlineText === 'string' ? node.outlineText : plainText(node.text);
      // A title that wraps gives several lines of the same node: record it once.
      if (openings.at(-1)?.page !== index + 1 || openings.at(-1)?.title !== title) openings.push({ page: index + 1, title });
    }
  });
  const blank = new Set(pages.flatMap((page, index) => (page.items.length === 0 ? [index + 1] : [])));
  return {
    chapterOn: (page) => openings.filter((o) => o.page <= page).at(-1)?.title ?? '',
    opensOn: (page) => openings.some((o) => o.page === page),
    isBlank: (page) => blank.has(page),
  };
}

function emptyChapters(): ChapterPages {
  return { chapterOn: () => '', opensOn: () => false, isBlank: () => false };
}
