import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';

/** A layout's `roneo: { booklet: { sheetsPerSignature, creepMm } }`: its publications also come as a saddle-stitched booklet, `output/<id>.print.pdf`. */
export interface BookletSetting {
  sheetsPerSignature?: number;
  creepMm?: number;
}

export function bookletSetting(definition: Record<string, unknown>): BookletSetting | undefined {
  const roneo = isPdfNode(definition.roneo) ? definition.roneo : undefined;
  const booklet = roneo?.booklet;
  if (booklet === true) return {};
  if (!isPdfNode(booklet)) return undefined;
  return {
    ...(typeof booklet.sheetsPerSignature === 'number' ? { sheetsPerSignature: booklet.sheetsPerSignature } : {}),
    ...(typeof booklet.creepMm === 'number' ? { creepMm: booklet.creepMm } : {}),
  };
}
