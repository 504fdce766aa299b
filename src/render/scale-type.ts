import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';

/** pdfmake's own default body size, when a layout sets none. */
const PDFMAKE_FONT_SIZE = 12;

/** The body size a layout sets (its default style's). */
export function bodySize(definition: Record<string, unknown>): number {
  const size = isPdfNode(definition.defaultStyle) ? definition.defaultStyle.fontSize : undefined;
  return typeof size === 'number' && size > 0 ? size : PDFMAKE_FONT_SIZE;
}

/**
 * Sets the document's type at `scale`: every font size, and the space above
 * and below blocks with it, so the text keeps its proportions. The page, its
 * margins, and what sits in them (header, footer) stay as the layout drew
 * them; so do rules and pictures.
 */
export function scaleType(definition: Record<string, unknown>, scale: number): void {
  if (scale === 1) return;
  const defaultStyle = isPdfNode(definition.defaultStyle) ? definition.defaultStyle : (definition.defaultStyle = {});
  defaultStyle.fontSize = bodySize(definition) * scale;
  if (isPdfNode(definition.styles)) for (const style of Object.values(definition.styles)) if (isPdfNode(style)) scaleNode(style, scale);
  const work: unknown[] = [definition.content];
  while (work.length > 0) {
    const value = work.pop();
    if (Array.isArray(value)) work.push(...value);
    else if (isPdfNode(value)) {
      scaleNode(value, scale);
      for (const [key, child] of Object.entries(value)) if (key !== '_source' && typeof child === 'object') work.push(child);
    }
  }
}

function scaleNode(node: Record<string, unknown>, scale: number): void {
  if (typeof node.fontSize === 'number') node.fontSize *= scale;
  if (node.margin !== undefined) node.margin = scaledMargin(node.margin, scale);
}

/** pdfmake's margins: one number for all sides, [horizontal, vertical], or [left, top, right, bottom]; only the vertical parts scale. */
function scaledMargin(margin: unknown, scale: number): unknown {
  if (typeof margin === 'number') return margin;
  if (!Array.isArray(margin) || !margin.every((side) => typeof side === 'number')) return margin;
  const sides = margin as number[];
  if (sides.length === 2) return [sides[0], sides[1]! * scale];
  if (sides.length === 4) return [sides[0], sides[1]! * scale, sides[2], sides[3]! * scale];
  return margin;
}
