import { beforeAll, describe, expect, it } from 'vitest';
import { finishForShop, type ShopFile } from '../../src/impose/index.ts';
import { pdfObjects, type PdfValue } from '../helpers/pdf-objects.ts';
import { pdfInfo, qpdfCheck } from '../helpers/pdf.ts';
import { CORNERS } from './leaflets.ts';
import { fontPrograms, pageWords, type PlacedWord, withFile, expectGivenMetadata } from './sheet-file.ts';
import { height, type PageBoxes, pageBoxes, type Rect, unreferencedObjects, width } from './shop-file.ts';
import { A4, A5, BLEED, cornerWord, joined, landscape, MM, rendered, type Size } from './shop-input.ts';

/** The room the marks get around the BleedBox: documented as 10 mm. */
const SLUG = 10 * MM;
const close = (value: number) => expect.closeTo(value, 2);

/** The boxes every finished page must have for a finished size `trim`, worked out here from the sizes. */
function expectBoxes(boxes: PageBoxes, trim: Size, where: string): void {
  const { media, crop, bleed, trim: trimBox } = boxes;
  expect(media, `${where}: MediaBox`).toBeDefined();
  expect(bleed, `${where}: BleedBox`).toBeDefined();
  expect(trimBox, `${where}: TrimBox`).toBeDefined();
  // No CropBox: it defaults to the MediaBox, marks included.
  expect(crop, `${where}: CropBox`).toBeUndefined();
  expect(width(trimBox!), `${where}: trimmed width`).toBeCloseTo(trim.width, 2);
  expect(height(trimBox!), `${where}: trimmed height`).toBeCloseTo(trim.height, 2);
  expect(bleed, `${where}: BleedBox is the TrimBox and 3 mm`).toEqual({
    left: close(trimBox!.left - BLEED),
    bottom: close(trimBox!.bottom - BLEED),
    right: close(trimBox!.right + BLEED),
    top: close(trimBox!.top + BLEED),
  });
  expect(media, `${where}: MediaBox is the BleedBox and 10 mm, from (0, 0)`).toEqual({
    left: 0,
    bottom: 0,
    right: close(bleed!.right + SLUG),
    top: close(bleed!.top + SLUG),
  });
  expect(bleed!.left).toBeCloseTo(SLUG, 2);
  expect(bleed!.bottom).toBeCloseTo(SLUG, 2);
}

const find = (words: PlacedWord[], text: string) => {
  const found = words.filter((w) => w.text === text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('a 3-page A5 publication, its second page landscape', () => {
  const trims = [A5, landscape(A5), A5];
  let source: Uint8Array;
  let result: ShopFile;
  let boxes: PageBoxes[];

  beforeAll(async () => {
    source = await rendered(A5, 3, true);
    result = await finishForShop(source);
    boxes = await withFile(result.bytes, pageBoxes);
  });

  it('reports its pages and their finished sizes', () => {
    expect(result.pages).toBe(3);
    expect(result.trim).toEqual({ width: close(A5.width), height: close(A5.height) });
    expect(result.trims).toEqual(trims.map((t) => ({ width: close(t.width), height: close(t.height) })));
  });

  it('sets TrimBox (A5, each page its own way round), BleedBox (3 mm more) and MediaBox (10 mm more) on every page, and no CropBox', () => {
    expect(boxes).toHaveLength(3);
    boxes.forEach((page, index) => expectBoxes(page, trims[index]!, `page ${index + 1}`));
    // The same geometry on the two portrait pages, to the last digit.
    expect(boxes[2]).toEqual(boxes[0]);
  });

  it('places each page at 100 %: every word where it was from the finished page\'s corner, the same size', async () => {
    const before = await withFile(source, pageWords);
    const after = await withFile(result.bytes, pageWords);
    for (const [index, page] of boxes.entries()) {
      const trim = page.trim!;
      for (const corner of CORNERS) {
        const text = cornerWord(corner, index + 1);
        const was = find(before[index]!, text);
        const is = find(after[index]!, text);
        expect(is.x0 - trim.left, text).toBeCloseTo(was.x0 - BLEED, 1);
        expect(is.y0 - trim.bottom, text).toBeCloseTo(was.y0 - BLEED, 1);
        expect(is.x1 - is.x0).toBeCloseTo(was.x1 - was.x0, 2);
        expect(is.y1 - is.y0).toBeCloseTo(was.y1 - was.y0, 2);
      }
    }
  });

  it('passes qpdf --check', async () => {
    const check = await withFile(result.bytes, qpdfCheck);
    expect(check.output).not.toMatch(/WARNING/);
    expect(check.ok).toBe(true);
  });

  it('embeds the font programs once, and carries each page\'s drawing once: no object that nothing refers to', async () => {
    const inSource = await withFile(source, fontPrograms);
    expect(inSource).toBeGreaterThan(0);
    expect(await withFile(result.bytes, fontPrograms)).toBe(inSource);
    expect(unreferencedObjects(result.bytes)).toEqual([]);
  });

  it('draws each page as one form, placed once', async () => {
    const objects = await withFile(result.bytes, pdfObjects);
    const forms = objects.all().filter((o) => o !== null && typeof o === 'object' && !Array.isArray(o) && o['/Subtype'] === '/Form');
    expect(forms).toHaveLength(3);
  });

  it('leaves out the links and the bookmarks', async () => {
    const catalog = async (bytes: Uint8Array) =>
      withFile(bytes, async (file) => {
        const objects = await pdfObjects(file);
        const root = objects.get(objects.trailer['/Root']) as Record<string, PdfValue>;
        return { outlines: root['/Outlines'], text: JSON.stringify(objects.all()) };
      });
    const before = await catalog(source);
    expect(before.outlines).toBeDefined();
    expect(before.text).toMatch(/\/Annots/);
    const after = await catalog(result.bytes);
    expect(after.outlines).toBeUndefined();
    expect(after.text).not.toMatch(/\/Annots|\/URI|\/Link|\/Outlines|\/Dest/);
  });
});

describe('a cover of another size', () => {
  it('gives every page its own boxes: an A4 cover, then two A5 pages', async () => {
    const source = await joined([await rendered(A4, 1), await rendered(A5, 2, false, 2)]);
    const result = await finishForShop(source);
    expect(result.trims).toEqual([A4, A5, A5].map((t) => ({ width: close(t.width), height: close(t.height) })));
    const boxes = await withFile(result.bytes, pageBoxes);
    expect(boxes).toHaveLength(3);
    [A4, A5, A5].forEach((trim, index) => expectBoxes(boxes[index]!, trim, `page ${index + 1}`));
    const words = await withFile(result.bytes, pageWords);
    expect(words.map((page) => page.filter((w) => /^NORD-OUEST-/.test(w.text)).map((w) => w.text))).toEqual([['NORD-OUEST-1'], ['NORD-OUEST-2'], ['NORD-OUEST-3']]);
    expect(await withFile(result.bytes, fontPrograms)).toBe(await withFile(source, fontPrograms));
  });
});

describe('the bleed', () => {
  it('is what bleedMm says: with none, the TrimBox is the rendered page and the BleedBox the same', async () => {
    const source = await rendered(A5, 1);
    const rendering = { width: A5.width + 2 * BLEED, height: A5.height + 2 * BLEED };
    const result = await finishForShop(source, { bleedMm: 0 });
    expect(result.trim).toEqual({ width: close(rendering.width), height: close(rendering.height) });
    const [page] = await withFile(result.bytes, pageBoxes);
    expect(page!.bleed).toEqual(page!.trim);
    const sized = (r: Rect) => ({ width: width(r), height: height(r) });
    expect(sized(page!.trim!)).toEqual({ width: close(rendering.width), height: close(rendering.height) });
    expect(sized(page!.media!)).toEqual({ width: close(rendering.width + 2 * SLUG), height: close(rendering.height + 2 * SLUG) });
  });
});

describe('reproducibility and metadata', () => {
  const options = { title: 'Janaözen — imprimeur', producer: 'Roneo 0.1.0', creationDate: new Date(Date.UTC(2021, 11, 16)) };
  let source: Uint8Array;

  beforeAll(async () => {
    source = await rendered(A5, 2);
  });

  it('gives byte-identical output for the same input', async () => {
    const first = await finishForShop(source, options);
    const second = await finishForShop(new Uint8Array(source), { ...options, creationDate: new Date(options.creationDate) });
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('writes the given title, producer and dates, nothing of pdf-lib\'s own, and an /ID made from the input and the options', async () => {
    const { bytes } = await finishForShop(source, options);
    const id = await expectGivenMetadata(bytes, options);
    for (const other of [{ ...options, bleedMm: 2 }, { ...options, title: 'Autre' }]) {
      expect(Buffer.from((await finishForShop(source, other)).bytes).toString('latin1')).not.toContain(id);
    }
    expect(Buffer.from((await finishForShop(await rendered(A5, 1), options)).bytes).toString('latin1')).not.toContain(id);
  });

  it('writes no date and no title when none is given', async () => {
    const info = await withFile((await finishForShop(source)).bytes, pdfInfo);
    expect(info.fields.CreationDate).toBeUndefined();
    expect(info.fields.Title).toBeUndefined();
  });
});
