import { PDFDocument, PDFName, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookletOptions, imposeBooklet } from '../../src/impose/index.ts';
import { A5, pamphlet } from './booklet-pamphlet.ts';

const A4 = { width: 595.28, height: 841.89 };
const A6 = { width: 297.64, height: 419.53 };
const landscape = (size: { width: number; height: number }) => ({ width: size.height, height: size.width });

/** A PDF of blank pages of the given sizes, some maybe turned by /Rotate. */
async function blank(pages: Array<{ width: number; height: number; rotate?: number }>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const { width, height, rotate } of pages) document.addPage([width, height]).setRotation(degrees(rotate ?? 0));
  return document.save({ addDefaultPage: false });
}

/** The message imposing `pamphlet` fails with, checked to be one line. */
async function failure(source: Uint8Array, options?: BookletOptions): Promise<string> {
  const error = await imposeBooklet(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('imposeBooklet did not throw an Error');
  expect(error.message).not.toContain('\n');
  return error.message;
}

describe('pamphlets that cannot be made into a booklet', () => {
  let good: Uint8Array;

  beforeAll(async () => {
    good = await pamphlet(4);
  });

  it('a file that is not a PDF, or an empty one', async () => {
    expect(await failure(new TextEncoder().encode('Ceci n’est pas un PDF.\nDeuxième ligne'))).toMatch(/^the pamphlet is not a readable PDF: /);
    expect(await failure(new Uint8Array())).toMatch(/^the pamphlet is not a readable PDF: /);
  });

  it('a PDF without pages', async () => {
    expect(await failure(await blank([]))).toBe('the pamphlet has no pages');
  });

  it('pages of another size, or A5 landscape, named by their number', async () => {
    expect(await failure(await blank([A4]))).toBe('pamphlet page 1 is A4 portrait (210 × 297 mm); a booklet takes A5 portrait (148 × 210 mm) pages');
    expect(await failure(await blank([A5, A5, landscape(A5)]))).toBe('pamphlet page 3 is A5 landscape (210 × 148 mm); a booklet takes A5 portrait (148 × 210 mm) pages');
    expect(await failure(await blank([A5, A6]))).toMatch(/^pamphlet page 2 is A6 portrait \(105 × 148 mm\); /);
    expect(await failure(await blank([{ width: 612, height: 792 }]))).toMatch(/^pamphlet page 1 is 216 × 279 mm; /);
  });

  it('a page turned by /Rotate', async () => {
    expect(await failure(await blank([A5, { ...landscape(A5), rotate: 90 }]))).toBe('pamphlet page 2 is turned by /Rotate 90; imposition takes upright pages only');
  });

  it('a page whose content cannot be decoded', async () => {
    const document = await PDFDocument.create();
    document.addPage([A5.width, A5.height]);
    const page = document.addPage([A5.width, A5.height]);
    const broken = document.context.stream(new Uint8Array([1, 2, 3, 4, 5]), { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), document.context.register(broken));
    expect(await failure(await document.save())).toMatch(/^pamphlet page 2 cannot be drawn on the sheet: /);
  });

  it('accepts a size within a point of A5, and pages with no content at all', async () => {
    const result = await imposeBooklet(await blank([{ width: A5.width + 0.8, height: A5.height - 0.8 }, A5, A5]));
    expect(result).toMatchObject({ sheets: 1, pages: 4, blanks: 1 });
  });

  it('options that make no sense', async () => {
    for (const sheetsPerSignature of [0, -1, 1.5, Number.NaN]) {
      expect(await failure(good, { sheetsPerSignature })).toBe(`sheetsPerSignature is a whole number of sheets, 1 or more, not ${String(sheetsPerSignature)}`);
    }
    for (const creepMm of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await failure(good, { creepMm })).toBe(`creepMm is a length in millimetres, 0 or more, not ${String(creepMm)}`);
    }
    await expect(imposeBooklet(good, { creationDate: new Date('not a date') })).rejects.toThrow("the sheet's creationDate is not a valid date");
  });

  it('a creep that would move the innermost pages more than 10 mm', async () => {
    const thick = await blank(Array.from({ length: 32 }, () => A5));
    expect(await failure(thick, { creepMm: 2 })).toBe('a creep of 2 mm a sheet would move the innermost pages 14 mm; at most 10 mm is allowed');
    // The same creep on a thinner signature is fine, and so is any creep on a single sheet.
    expect((await imposeBooklet(thick, { creepMm: 2, sheetsPerSignature: 4 })).signatures).toBe(2);
    expect((await imposeBooklet(good, { creepMm: 20 })).sheets).toBe(1);
  });
});
