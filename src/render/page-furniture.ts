import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';

export type Furniture = (currentPage: number, pageCount: number) => unknown;

/**
 * Layouts write headers and footers as plain content with `{page}` and
 * `{pages}` placeholders; pdfmake wants a function, so one is made here.
 * `fromPage` lets a layout leave the cover bare.
 */
export function furniture(spec: unknown, fromPage: number, onPageCount: (pages: number) => void): Furniture {
  return (currentPage, pageCount) => {
    onPageCount(pageCount);
    if (spec === undefined || spec === null || currentPage < fromPage) return null;
    return substitute(spec, { page: String(currentPage), pages: String(pageCount) });
  };
}

function substitute(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{(page|pages)\}/g, (_, key: string) => values[key]!);
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (isPdfNode(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, values)]));
  return value;
}
