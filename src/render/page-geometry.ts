/** Points per ISO/ANSI size, portrait; pdfmake accepts these names too. */
const SIZES: Record<string, [number, number]> = {
  A3: [841.89, 1190.55],
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
  A6: [297.64, 419.53],
  LETTER: [612, 792],
  LEGAL: [612, 1008],
};

export interface PageGeometry {
  width: number;
  height: number;
  margins: [number, number, number, number];
}

/** Page size and margins from a document definition, as pdfmake reads them. */
export function pageGeometry(definition: Record<string, unknown>): PageGeometry {
  let [width, height] = SIZES.A4!;
  const size = definition.pageSize;
  if (typeof size === 'string' && SIZES[size.toUpperCase()]) [width, height] = SIZES[size.toUpperCase()]!;
  if (typeof size === 'object' && size !== null) {
    const custom = size as { width?: unknown; height?: unknown };
    if (typeof custom.width === 'number' && typeof custom.height === 'number') [width, height] = [custom.width, custom.height];
  }
  if (definition.pageOrientation === 'landscape' && width < height) [width, height] = [height, width];
  return { width, height, margins: margins(definition.pageMargins) };
}

function margins(value: unknown): [number, number, number, number] {
  if (typeof value === 'number') return [value, value, value, value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    const [a, b, c, d] = value as number[];
    if (value.length === 2) return [a!, b!, a!, b!];
    if (value.length === 4) return [a!, b!, c!, d!];
  }
  return [40, 40, 40, 40];
}
