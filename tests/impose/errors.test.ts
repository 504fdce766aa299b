import { PDFDocument, PDFName, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { imposeLeaflets, type Up } from '../../src/impose/index.ts';
import { A4, A5, A6 } from './expected-sheet.ts';
import { leaflet } from './leaflets.ts';

/** A PDF of blank pages of the given sizes, some maybe turned by /Rotate. */
async function blank(pages: Array<{ width: number; height: number; rotate?: number }>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const { width, height, rotate } of pages) document.addPage([width, height]).setRotation(degrees(rotate ?? 0));
  return document.save();
}

const landscape = (size: { width: number; height: number }) => ({ width: size.height, height: size.width });

/** The message imposing `leaflets` fails with, checked to be one line. */
async function failure(leaflets: Uint8Array[], up: Up): Promise<string> {
  const error = await imposeLeaflets(leaflets, { up }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('imposeLeaflets did not throw an Error');
  expect(error.message).not.toContain('\n');
  return error.message;
}

describe('leaflets that cannot be imposed', () => {
  let good: Uint8Array;

  beforeAll(async () => {
    good = await leaflet('A5', 1);
  });

  it('a file that is not a PDF', async () => {
    expect(await failure([new TextEncoder().encode('Ceci n’est pas un PDF.\nDeuxième ligne')], 2)).toMatch(/^leaflet 1 is not a readable PDF: /);
  });

  it('an empty file', async () => {
    expect(await failure([new Uint8Array()], 2)).toMatch(/^leaflet 1 is not a readable PDF: /);
  });

  it('a PDF of three pages', async () => {
    expect(await failure([await blank([A5, A5, A5])], 2)).toBe('leaflet 1 has 3 pages; a leaflet has 1, or 2 when printed recto-verso');
  });

  it('an A5 leaflet on a 4-up sheet, and an A6 one on a 2-up sheet', async () => {
    expect(await failure([good], 4)).toBe('leaflet 1 is A5 portrait (148 × 210 mm); a 4-up sheet takes A6 portrait (105 × 148 mm) leaflets');
    expect(await failure([await blank([A6])], 2)).toBe('leaflet 1 is A6 portrait (105 × 148 mm); a 2-up sheet takes A5 portrait (148 × 210 mm) leaflets');
  });

  it('a landscape leaflet, and one of no standard size', async () => {
    expect(await failure([await blank([landscape(A5)])], 2)).toBe('leaflet 1 is A5 landscape (210 × 148 mm); a 2-up sheet takes A5 portrait (148 × 210 mm) leaflets');
    expect(await failure([await blank([A4])], 2)).toMatch(/^leaflet 1 is A4 portrait \(210 × 297 mm\); /);
    expect(await failure([await blank([{ width: 612, height: 792 }])], 4)).toMatch(/^leaflet 1 is 216 × 279 mm; a 4-up sheet takes A6/);
  });

  it('a recto-verso leaflet whose back is another size, named by its page', async () => {
    expect(await failure([await blank([A5, A6])], 2)).toMatch(/^leaflet 1, page 2, is A6 portrait/);
  });

  it('a page turned by /Rotate', async () => {
    expect(await failure([await blank([landscape(A5)].map((size) => ({ ...size, rotate: 90 })))], 2)).toBe(
      'leaflet 1 is turned by /Rotate 90; imposition takes upright pages only',
    );
  });

  it('a page whose content cannot be decoded', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage([A5.width, A5.height]);
    const broken = document.context.stream(new Uint8Array([1, 2, 3, 4, 5]), { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), document.context.register(broken));
    expect(await failure([await document.save()], 2)).toMatch(/^leaflet 1 cannot be drawn on the sheet: /);
  });

  it('names the leaflet at fault by its position', async () => {
    expect(await failure([good, good, await blank([A6])], 2)).toMatch(/^leaflet 3 is A6 portrait/);
  });

  it('accepts a size within a point of the standard one, and a page with no content at all', async () => {
    const result = await imposeLeaflets([await blank([{ width: A5.width + 0.8, height: A5.height - 0.8 }])], { up: 2 });
    expect(result.sheets).toBe(1);
  });

  it('an invalid creation date', async () => {
    await expect(imposeLeaflets([good], { up: 2, creationDate: new Date('not a date') })).rejects.toThrow("the sheet's creationDate is not a valid date");
  });

  it('no leaflet at all, or a number of copies other than 2 or 4', async () => {
    expect(await failure([], 2)).toBe('no leaflet to impose');
    expect(await failure([good], 3 as Up)).toBe('a sheet holds 2 or 4 copies of a leaflet, not 3');
  });
});
