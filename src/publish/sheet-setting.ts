import { isPdfNode } from '../layout/to-pdfmake/pdf-content.ts';

/** A layout's `roneo: { sheet: { up } }`: print its publications n-up on A4 sheets, `output/<id>.print.pdf`. */
export interface SheetSetting {
  up: 2 | 4;
}

export function sheetSetting(definition: Record<string, unknown>): SheetSetting | undefined {
  const roneo = isPdfNode(definition.roneo) ? definition.roneo : undefined;
  const sheet = roneo && isPdfNode(roneo.sheet) ? roneo.sheet : undefined;
  if (!sheet) return undefined;
  return { up: sheet.up === 4 ? 4 : 2 };
}
