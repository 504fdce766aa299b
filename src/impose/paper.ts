/** Points per millimetre: a point is 1/72 inch. */
export const MM = 72 / 25.4;

export interface Size {
  width: number;
  height: number;
}

/** The ISO sizes in points, portrait, as pdfkit (and so pdfmake) sets them. */
export const A4: Size = { width: 595.28, height: 841.89 };
export const A5: Size = { width: 419.53, height: 595.28 };
export const A6: Size = { width: 297.64, height: 419.53 };

/** A page within a point of a size is that size: PDF writers round differently. */
const TOLERANCE = 1;

export function sameSize(a: Size, b: Size): boolean {
  return Math.abs(a.width - b.width) <= TOLERANCE && Math.abs(a.height - b.height) <= TOLERANCE;
}

const NAMED: ReadonlyArray<[string, Size]> = [
  ['A4', A4],
  ['A5', A5],
  ['A6', A6],
];

/** A size as a person names it in an error message: "A5 landscape (210 × 148 mm)". */
export function describeSize(size: Size): string {
  const mm = `${Math.round(size.width / MM)} × ${Math.round(size.height / MM)} mm`;
  for (const [name, paper] of NAMED) {
    if (sameSize(size, paper)) return `${name} portrait (${mm})`;
    if (sameSize(size, { width: paper.height, height: paper.width })) return `${name} landscape (${mm})`;
  }
  return mm;
}
