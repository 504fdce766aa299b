import { pdfmakePrototype } from './pdfmake-prototype.ts';

/**
 * How many lines of text pdfmake set in each page's text block (headers,
 * footers and anything in the margins left out): what a leaflet that does
 * not fit says it is over by. LayoutBuilder.tryLayoutDocument is wrapped to
 * count them for the documents that asked, keyed by their content.
 */

interface Page {
  items: Array<{ type: string; item: { y?: number } }>;
  pageSize: { height: number };
  pageMargins: { top: number; bottom: number };
}
interface Builder {
  tryLayoutDocument(docStructure: unknown, ...rest: unknown[]): { pages: Page[] };
}

const requests = new WeakMap<object, number[]>();
const INSTALLED = Symbol.for('roneo.page-lines.installed');

/** An array that the next layout of `content` fills with its lines per page. */
export function countLinesPerPage(content: object): number[] {
  const lines: number[] = [];
  requests.set(content, lines);
  return lines;
}

export function installPageLines(): void {
  const builder = pdfmakePrototype<Builder>('LayoutBuilder', ['tryLayoutDocument'], 'src/render/page-lines.ts');
  if (Object.prototype.hasOwnProperty.call(builder, INSTALLED)) return;
  const tryLayoutDocument = builder.tryLayoutDocument;
  builder.tryLayoutDocument = function (this: Builder, docStructure: unknown, ...rest: unknown[]) {
    const result = tryLayoutDocument.call(this, docStructure, ...rest);
    const lines = typeof docStructure === 'object' && docStructure !== null ? requests.get(docStructure) : undefined;
    if (lines) {
      lines.length = 0;
      for (const page of result.pages) lines.push(linesInTextBlock(page));
    }
    return result;
  };
  Object.defineProperty(builder, INSTALLED, { value: true });
}

function linesInTextBlock(page: Page): number {
  const top = page.pageMargins.top - 0.01;
  const bottom = page.pageSize.height - page.pageMargins.bottom;
  return page.items.filter((entry) => entry.type === 'line' && typeof entry.item.y === 'number' && entry.item.y >= top && entry.item.y < bottom).length;
}
