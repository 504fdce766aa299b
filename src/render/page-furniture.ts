import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';
import { currentChapters } from './running-heads/install.ts';

export type Furniture = (currentPage: number, pageCount: number) => unknown;

export interface FurnitureOptions {
  /** The first page that carries it: a layout leaves the cover bare. */
  fromPage: number;
  /** Left off pages where a chapter opens, as books do with running heads. */
  skipOpenings: boolean;
  /** Left off the last page: a booklet's back cover carries no page number. */
  skipLast?: boolean;
}

/**
 * Layouts write headers and footers as plain content with `{page}`,
 * `{pages}` and `{chapter}` (the title of the chapter the page belongs to)
 * placeholders; pdfmake wants a function, so one is made here.
 */
export function furniture(spec: unknown, options: FurnitureOptions, onPageCount: (pages: number) => void): Furniture {
  return (currentPage, pageCount) => {
    onPageCount(pageCount);
    if (spec === undefined || spec === null || currentPage < options.fromPage) return null;
    if (options.skipLast && currentPage === pageCount) return null;
    const chapters = currentChapters();
    // A page left blank before a right-hand opening carries nothing, as in a book.
    if (chapters.isBlank(currentPage)) return null;
    if (options.skipOpenings && chapters.opensOn(currentPage)) return null;
    return substitute(spec, { page: String(currentPage), pages: String(pageCount), chapter: chapters.chapterOn(currentPage) });
  };
}

function substitute(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{(page|pages|chapter)\}/g, (_, key: string) => values[key]!);
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (isPdfNode(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, values)]));
  return value;
}
