import { sentOn } from './footnotes/install.ts';
import { pdfmakePrototype } from './pdfmake-prototype.ts';
import { type Fragment, splitFragment } from './split-fragment.ts';

/**
 * A block pdfmake must not break (a table row with `dontBreakRows`, such as a
 * chronology's event; a node with `unbreakable`) is laid out apart, on scratch
 * pages a full page high, then moved as one piece. Two cases lost text:
 *
 * - A block taller than what a page leaves it (a chronology row, whose
 *   padding and rules take a few points of the page): refused on its page and
 *   again on the next, pdfmake dropped it. An event with two pictures
 *   disappeared, with the footnote referenced after them.
 * - A block taller than a whole page: pdfmake kept only its first scratch
 *   page ("no support for multi-page unbreakableBlocks").
 *
 * Such a block cannot be kept in one piece anyway. It is now cut between two
 * lines where the page ends, and continues on the next (where it cannot be
 * cut, it is set from the top of the page, running into the bottom margin),
 * and the scratch pages after its first follow on the next pages
 * (PageElementWriter.addFragment and commitUnbreakableBlock are wrapped).
 */

interface Context {
  pages: Fragment[];
  y: number;
  availableHeight: number;
}
type AddFragment = (this: PageElementWriter, fragment: Fragment, useBlockXOffset?: boolean, useBlockYOffset?: boolean, dontUpdateContextPosition?: boolean) => unknown;
interface PageElementWriter {
  transactionLevel: number;
  context(): Context;
  moveToNextPage(pageOrientation?: unknown): void;
  addFragment: AddFragment;
  commitUnbreakableBlock(forcedX?: number, forcedY?: number): void;
}

const INSTALLED = Symbol.for('roneo.overlong-blocks.installed');

export function installOverlongBlocks(): void {
  const writer = pdfmakePrototype<PageElementWriter>('PageElementWriter', ['commitUnbreakableBlock', 'moveToNextPage', 'addFragment', 'context'], 'src/render/overlong-blocks.ts');
  if (Object.prototype.hasOwnProperty.call(writer, INSTALLED)) return;

  const addFragment = writer.addFragment;
  writer.addFragment = function (this: PageElementWriter, fragment, useBlockXOffset, useBlockYOffset, dontUpdateContextPosition) {
    const placed = addFragment.call(this, fragment, useBlockXOffset, useBlockYOffset, dontUpdateContextPosition);
    // Refused here and on a fresh page: no page holds it whole.
    if (placed !== false || useBlockXOffset || this.transactionLevel !== 0) return placed;
    // The ElementWriter's own addFragment (with the footnotes' wrapper), without the retry on the next page.
    const setHere = (piece: Fragment) => {
      sentOn(piece);
      return (Object.getPrototypeOf(writer) as { addFragment: AddFragment }).addFragment.call(this, piece, useBlockXOffset, useBlockYOffset, dontUpdateContextPosition);
    };
    const room = this.context().availableHeight;
    const pieces = splitFragment(fragment, room);
    if (pieces) {
      setHere(pieces[0]);
      this.moveToNextPage();
      return this.addFragment(pieces[1], useBlockXOffset, useBlockYOffset, dontUpdateContextPosition);
    }
    // Not to be cut here: set whole, the page's room its height for the layout.
    return setHere({ ...fragment, height: Math.min(fragment.height, room) });
  };

  const commit = writer.commitUnbreakableBlock;
  writer.commitUnbreakableBlock = function (this: PageElementWriter, forcedX?: number, forcedY?: number) {
    // Only the outermost block in the page flow: headers, footers and backgrounds are placed at a set position.
    const scratch = this.transactionLevel === 1 && forcedX === undefined && forcedY === undefined ? this.context() : undefined;
    const rest = scratch && scratch.pages.length > 1 ? scratch.pages.slice(1) : [];
    const lastY = scratch?.y ?? 0;
    commit.call(this, forcedX, forcedY);
    rest.forEach((page, index) => {
      this.moveToNextPage();
      // The last scratch page ends where its content ends; the others fill the page they are moved to.
      page.height = index === rest.length - 1 ? lastY : this.context().availableHeight;
      this.addFragment(page);
    });
  };
  Object.defineProperty(writer, INSTALLED, { value: true });
}
