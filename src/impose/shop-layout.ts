import type { PageBoundingBox } from 'pdf-lib';
import type { Segment } from './cut-marks.ts';
import type { Matrix } from './matrix.ts';
import { MM, type Size } from './paper.ts';

/*
 * A finished page, from the inside out: the trimmed page (TrimBox); the
 * bleed around it, which the rendered page already contains (BleedBox, the
 * rendered page itself); then the slug, bare paper for the crop marks
 * (MediaBox). Each crop mark continues a trim line outwards, starting
 * CROP_MARK_GAP outside the BleedBox: a background that runs into the bleed
 * never touches a mark, and a mark is never inside the area the shop may
 * print (standard practice: marks offset from the trim line by at least the
 * bleed).
 */

/** Clear of the bleed's edge, so that colour printed slightly off register still leaves the mark's start visible. */
export const CROP_MARK_GAP = 3 * MM;
/** Long enough to lay a rule on. */
export const CROP_MARK_LENGTH = 5 * MM;
/** The usual hairline for crop marks (0.09 mm). */
export const CROP_MARK_WIDTH = 0.25;
/** Paper beyond the BleedBox: the marks and 2 mm past their ends, so a reader that shaves the MediaBox a little still shows them whole (10 mm). */
export const SLUG = CROP_MARK_GAP + CROP_MARK_LENGTH + 2 * MM;

export interface ShopPageLayout {
  /** The MediaBox, from (0, 0). */
  media: Size;
  bleed: PageBoundingBox;
  trim: PageBoundingBox;
  /** Maps the rendered page, the lower-left corner of its box at (0, 0), onto the finished page: a translation, the page stays at 100 %. */
  matrix: Matrix;
  /** Eight marks, two at each corner of the TrimBox. */
  marks: Segment[];
}

/** A thousandth of a point (0.35 µm): coordinates written as 36.85, not 36.850393700787406. */
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The finished page for a rendered page of `rendered` size that includes
 * `bleed` points of bleed on every side. The caller has checked that the
 * page is larger than twice the bleed both ways.
 */
export function shopPageLayout(rendered: Size, bleed: number): ShopPageLayout {
  const slug = round(SLUG);
  const bleedBox = { left: slug, bottom: slug, right: round(slug + rendered.width), top: round(slug + rendered.height) };
  const trim = {
    left: round(slug + bleed),
    bottom: round(slug + bleed),
    right: round(slug + rendered.width - bleed),
    top: round(slug + rendered.height - bleed),
  };
  const media = { width: round(rendered.width + 2 * slug), height: round(rendered.height + 2 * slug) };
  return { media, bleed: bleedBox, trim, matrix: [1, 0, 0, 1, slug, slug], marks: cropMarks(trim, bleed) };
}

function cropMarks(trim: PageBoundingBox, bleed: number): Segment[] {
  const near = bleed + CROP_MARK_GAP;
  const far = near + CROP_MARK_LENGTH;
  const marks: Segment[] = [];
  for (const [x, outX] of [[trim.left, -1], [trim.right, 1]] as const) {
    for (const [y, outY] of [[trim.bottom, -1], [trim.top, 1]] as const) {
      // Along the vertical trim line, beyond the top or bottom edge; then along the horizontal one, beyond the side.
      marks.push({ from: { x, y: round(y + outY * near) }, to: { x, y: round(y + outY * far) } });
      marks.push({ from: { x: round(x + outX * near), y }, to: { x: round(x + outX * far), y } });
    }
  }
  return marks;
}
