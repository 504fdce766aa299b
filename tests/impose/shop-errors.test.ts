import { PDFDocument, PDFName, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishForShop, type ShopOptions } from '../../src/impose/index.ts';
import { A5, BLEED, MM, rendered } from './shop-input.ts';

const withBleed = { width: A5.width + 2 * BLEED, height: A5.height + 2 * BLEED };

/** A PDF of blank pages of the given sizes, some maybe turned by /Rotate. */
async function blank(pages: Array<{ width: number; height: number; rotate?: number }>): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (const { width, height, rotate } of pages) document.addPage([width, height]).setRotation(degrees(rotate ?? 0));
  return document.save({ addDefaultPage: false });
}

/** The message finishing `source` fails with, checked to be one line. */
async function failure(source: Uint8Array, options?: ShopOptions): Promise<string> {
  const error = await finishForShop(source, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('finishForShop did not throw an Error');
  expect(error.message).not.toContain('\n');
  return error.message;
}

describe('publications that cannot be finished for the shop', () => {
  let good: Uint8Array;

  beforeAll(async () => {
    good = await rendered(A5, 1);
  });

  it('a file that is not a PDF, or an empty one', async () => {
    expect(await failure(new TextEncoder().encode('Ceci n’est pas un PDF.\nDeuxième ligne'))).toMatch(/^the publication is not a readable PDF: /);
    expect(await failure(new Uint8Array())).toMatch(/^the publication is not a readable PDF: /);
  });

  it('a PDF without pages', async () => {
    expect(await failure(await blank([]))).toBe('the publication has no pages');
  });

  it('a page no larger than twice the bleed, either way, named by its number', async () => {
    expect(await failure(await blank([withBleed, { width: 5 * MM, height: 5 * MM }]))).toBe(
      'publication page 2 is 5 × 5 mm; with 3 mm of bleed on every side nothing is left once trimmed',
    );
    expect(await failure(await blank([{ width: 6 * MM, height: 200 * MM }]))).toMatch(/^publication page 1 is 6 × 200 mm; /);
    expect(await failure(await blank([withBleed]), { bleedMm: 80 })).toBe(
      'publication page 1 is 154 × 216 mm; with 80 mm of bleed on every side nothing is left once trimmed',
    );
  });

  it('a page turned by /Rotate', async () => {
    expect(await failure(await blank([withBleed, { width: withBleed.height, height: withBleed.width, rotate: 90 }]))).toBe(
      'publication page 2 is turned by /Rotate 90; the shop file takes upright pages only',
    );
  });

  it('a page whose content cannot be decoded', async () => {
    const document = await PDFDocument.create();
    document.addPage([withBleed.width, withBleed.height]);
    const page = document.addPage([withBleed.width, withBleed.height]);
    const broken = document.context.stream(new Uint8Array([1, 2, 3, 4, 5]), { Filter: 'FlateDecode' });
    page.node.set(PDFName.of('Contents'), document.context.register(broken));
    expect(await failure(await document.save())).toMatch(/^publication page 2 cannot be drawn on the shop file: /);
  });

  it('accepts pages with no content at all: blank pages, finished with their boxes and marks', async () => {
    const result = await finishForShop(await blank([withBleed, withBleed]));
    expect(result.pages).toBe(2);
    expect(result.trim.width).toBeCloseTo(A5.width, 2);
  });

  it('options that make no sense', async () => {
    for (const bleedMm of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(await failure(good, { bleedMm })).toBe(`bleedMm is a length in millimetres, 0 or more, not ${String(bleedMm)}`);
    }
    expect(await failure(good, { creationDate: new Date('not a date') })).toBe("the shop file's creationDate is not a valid date");
  });
});
