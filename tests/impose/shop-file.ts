import { pdfObjects, type PdfObjects, type PdfValue } from '../helpers/pdf-objects.ts';

/** A box as a PDF writes it: [left bottom right top], in points. */
export interface Rect {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** The boxes a page's own dictionary sets (an inherited or defaulted box is absent here). */
export interface PageBoxes {
  media?: Rect;
  crop?: Rect;
  bleed?: Rect;
  trim?: Rect;
  art?: Rect;
}

const KEYS = { media: '/MediaBox', crop: '/CropBox', bleed: '/BleedBox', trim: '/TrimBox', art: '/ArtBox' } as const;

/** Every page's boxes, in page order, read through qpdf. */
export async function pageBoxes(file: string): Promise<PageBoxes[]> {
  const objects = await pdfObjects(file);
  const catalog = dict(objects.get(objects.trailer['/Root']));
  return leaves(objects, catalog['/Pages']).map((page) => {
    const boxes: PageBoxes = {};
    for (const [name, key] of Object.entries(KEYS) as Array<[keyof PageBoxes, string]>) {
      const value = objects.get(page[key]);
      if (Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number')) {
        const [left, bottom, right, top] = value as number[];
        boxes[name] = { left: left!, bottom: bottom!, right: right!, top: top! };
      }
    }
    return boxes;
  });
}

function leaves(objects: PdfObjects, node: PdfValue | undefined): Array<Record<string, PdfValue>> {
  const value = dict(objects.get(node));
  if (value['/Type'] !== '/Pages') return [value];
  const kids = value['/Kids'];
  return (Array.isArray(kids) ? kids : []).flatMap((kid) => leaves(objects, kid));
}

function dict(value: PdfValue | undefined): Record<string, PdfValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * The objects of a PDF written without object streams that no other object
 * and not the trailer refers to: copies nothing uses. Read from the file's
 * text, stream data left out (it is compressed, and is not where
 * references are).
 */
export function unreferencedObjects(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes).toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, 'stream endstream');
  const defined = [...text.matchAll(/(?:^|\s)(\d+) 0 obj\b/g)].map((m) => Number(m[1]));
  const referred = new Set([...text.matchAll(/(\d+) 0 R\b/g)].map((m) => Number(m[1])));
  return defined.filter((n) => !referred.has(n));
}

export const width = (r: Rect) => r.right - r.left;
export const height = (r: Rect) => r.top - r.bottom;
