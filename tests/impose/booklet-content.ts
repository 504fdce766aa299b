/*
 * What a booklet sheet's content stream draws, parsed from the operators
 * pdf-lib writes (`x y w h re W n a b c d e f cm /Name Do`, `x y m x y l`).
 */

export interface StrokedLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  width: number;
  gray: string;
}

const NUMBER = String.raw`(-?[\d.]+(?:e-?\d+)?)`;

/** The straight lines stroked, with the width and grey they are stroked in. */
export function strokedLines(content: string): StrokedLine[] {
  const lines: StrokedLine[] = [];
  let width = 1;
  let gray = '';
  const pattern = new RegExp(String.raw`${NUMBER} w|${NUMBER} G|${NUMBER} ${NUMBER} m\s+${NUMBER} ${NUMBER} l`, 'g');
  for (const m of content.matchAll(pattern)) {
    if (m[1] !== undefined) width = Number(m[1]);
    else if (m[2] !== undefined) gray = m[2];
    else lines.push({ x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]), width, gray });
  }
  return lines;
}

export interface PlacedForm {
  name: string;
  /** The clip rectangle it is drawn in. */
  clip: { x: number; y: number; width: number; height: number };
  /** The translation it is drawn with (pages are never scaled or turned). */
  matrix: number[];
}

/** Every form drawn, clipped and placed. */
export function placedForms(content: string): PlacedForm[] {
  const n = NUMBER;
  const pattern = new RegExp(String.raw`q\s+${n} ${n} ${n} ${n} re\s+W\s+n\s+${n} ${n} ${n} ${n} ${n} ${n} cm\s+/(\w+) Do\s+Q`, 'g');
  return [...content.matchAll(pattern)].map((m) => ({
    name: m[11]!,
    clip: { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) },
    matrix: m.slice(5, 11).map(Number),
  }));
}
