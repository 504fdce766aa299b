import { pdfmakePrototype } from './pdfmake-prototype.ts';

/**
 * A picture that must stay on its page whatever comes before it, such as the
 * cover image under a title of any length: an image node with
 * `shrinkToPage: true` is scaled down, keeping its aspect, to the height left
 * on its page (less its bottom margin), where pdfmake would move it to the
 * next page. pdfmake measures images before layout, without knowing where
 * they will land, so LayoutBuilder.processImage is wrapped to do it when the
 * position is known.
 */

interface ImageNode {
  shrinkToPage?: unknown;
  _width?: number;
  _minWidth?: number;
  _maxWidth?: number;
  _height?: number;
  _margin?: number[] | null;
}
interface LayoutBuilder {
  writer: { context(): { availableHeight: number } };
  processImage(node: ImageNode): void;
}

let installed = false;

export function installShrinkToPage(): void {
  if (installed) return;
  const builder = pdfmakePrototype<LayoutBuilder>('LayoutBuilder', ['processImage'], 'shrinkToPage (src/render/shrink-to-page.ts)');
  const original = builder.processImage;
  builder.processImage = function (this: LayoutBuilder, node: ImageNode) {
    if (node.shrinkToPage === true) shrink(node, this.writer.context().availableHeight - (node._margin?.[3] ?? 0));
    original.call(this, node);
  };
  installed = true;
}

/** Rounding must never leave the picture a hair taller than the room it was fitted to. */
const SLACK = 0.01;

function shrink(node: ImageNode, room: number): void {
  const { _width: width, _height: height } = node;
  // No room at all (or an unbreakable block's endless page): pdfmake's own rules apply.
  if (width === undefined || height === undefined || !Number.isFinite(room) || room <= SLACK || height <= room) return;
  const scale = (room - SLACK) / height;
  node._height = height * scale;
  node._width = node._minWidth = node._maxWidth = width * scale;
}
