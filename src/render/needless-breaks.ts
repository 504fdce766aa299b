import { pdfmakePrototype } from './pdfmake-prototype.ts';

/**
 * pdfmake starts a new page when a block's space below does not fit at the
 * foot of the page (applyMargins in LayoutBuilder.processNode), even though
 * nothing follows on that page. Harmless before text, which would start a
 * new page anyway; but when the next block breaks the page itself (a
 * chapter opening), that leaves a blank page. A page break asked of a page
 * still empty is already done: LayoutBuilder.processNode is wrapped to drop
 * it then, or, for a break to a right- or left-hand page, to turn one page
 * at most.
 */

type Break = 'before' | 'beforeOdd' | 'beforeEven';

interface Context {
  page: number;
  y: number;
  pageMargins: { top: number };
  snapshots: unknown[];
  backgroundLength: number[];
  getCurrentPage(): { items: unknown[] } | null;
}
interface Builder {
  writer: { transactionLevel?: number; context(): Context };
  processNode(node: unknown, ...rest: unknown[]): void;
}

const INSTALLED = Symbol.for('roneo.needless-breaks.installed');

export function installNeedlessBreakFix(): void {
  const builder = pdfmakePrototype<Builder>('LayoutBuilder', ['processNode'], 'src/render/needless-breaks.ts');
  if (Object.prototype.hasOwnProperty.call(builder, INSTALLED)) return;
  const processNode = builder.processNode;
  builder.processNode = function (this: Builder, node: unknown, ...rest: unknown[]) {
    const asked = breakOf(node);
    if (asked === undefined || !onEmptyPage(this)) {
      processNode.call(this, node, ...rest);
      return;
    }
    const target = node as { pageBreak?: string };
    target.pageBreak = stillNeeded(asked, this.writer.context().page);
    try {
      processNode.call(this, node, ...rest);
    } finally {
      // A document may be laid out again: the definition keeps what its author wrote.
      target.pageBreak = asked;
    }
  };
  Object.defineProperty(builder, INSTALLED, { value: true });
}

function breakOf(node: unknown): Break | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as { pageBreak?: unknown }).pageBreak;
  return value === 'before' || value === 'beforeOdd' || value === 'beforeEven' ? value : undefined;
}

function onEmptyPage(builder: Builder): boolean {
  const writer = builder.writer;
  if ((writer.transactionLevel ?? 0) !== 0) return false;
  const context = writer.context();
  const page = context.getCurrentPage();
  if (!page || context.snapshots.length > 0) return false;
  return page.items.length <= (context.backgroundLength[context.page] ?? 0) && context.y <= context.pageMargins.top + 1e-6;
}

/**
 * What is left of the break on an empty page (0-based `page`). pdfmake
 * turns a page, then turns another for `beforeOdd` when the 1-based
 * number is odd, and for `beforeEven` when it is even.
 */
function stillNeeded(asked: Break, page: number): string | undefined {
  if (asked === 'before') return undefined;
  const odd = (page + 1) % 2 === 1;
  // Staying here suits `beforeEven` on an odd page (pdfmake would land there) and `beforeOdd` on an even one.
  if ((asked === 'beforeEven' && odd) || (asked === 'beforeOdd' && !odd)) return undefined;
  return 'before';
}
