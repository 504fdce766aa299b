import { LineCapStyle, type PDFPage, lineTo, moveTo, popGraphicsState, pushGraphicsState, setLineCap, setLineWidth, setStrokingGrayscaleColor, stroke } from 'pdf-lib';
import type { Segment } from './cut-marks.ts';

/** Cut, crop and fold marks: straight lines in plain black (DeviceGray 0, the black plate only), square-ended. */
export function strokeMarks(page: PDFPage, marks: readonly Segment[], width: number): void {
  const lines = marks.flatMap(({ from, to }) => [moveTo(from.x, from.y), lineTo(to.x, to.y)]);
  page.pushOperators(pushGraphicsState(), setLineWidth(width), setLineCap(LineCapStyle.Butt), setStrokingGrayscaleColor(0), ...lines, stroke(), popGraphicsState());
}
