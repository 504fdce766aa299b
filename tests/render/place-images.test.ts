import { describe, expect, it } from 'vitest';
import { placeImages } from '../../src/render/place-images.ts';

/** An A5 page with the pamphlet's margins: 331.53 pt of text width, 503.28 pt of text height. */
function page(content: unknown[], roneo?: Record<string, unknown>): Record<string, unknown> {
  return { pageSize: 'A5', pageMargins: [44, 40, 44, 52], content, ...(roneo ? { roneo } : {}) };
}

const landscape = { width: 3000, height: 2000 };
const portrait = { width: 1000, height: 3000 };
const sizes: Record<string, { width: number; height: number }> = { landscape, portrait };
const of = (key: string) => sizes[key];

describe('the box each picture prints in', () => {
  it('fills the text width with a picture the layout does not size, whatever its pixel count', () => {
    const figure: Record<string, unknown> = { image: 'landscape' };
    const placed = placeImages(page([figure]), of);
    expect(figure.fit).toEqual([331.53, 503.28 * 0.6]);
    expect(placed.get('landscape')).toBeCloseTo(331.53, 5);
  });

  it('keeps a tall picture within 60 % of the text height, so its placed width is smaller', () => {
    const placed = placeImages(page([{ stack: [{ image: 'portrait' }] }]), of);
    expect(placed.get('portrait')).toBeCloseTo(503.28 * 0.6 * (1000 / 3000), 5);
  });

  it('takes the layout’s figure box when it gives one', () => {
    const figure: Record<string, unknown> = { image: 'landscape' };
    const placed = placeImages(page([figure], { figure: { height: 120 } }), of);
    expect(figure.fit).toEqual([331.53, 120]);
    expect(placed.get('landscape')).toBeCloseTo(180, 5);
  });

  it('reads the size a layout set (width, height, fit, cover) and records the widest use of each picture', () => {
    const nodes = [{ image: 'landscape', width: 100 }, { image: 'landscape', fit: [240, 60] }, { columns: [{ image: 'portrait', height: 90 }] }];
    const placed = placeImages(page(nodes), of);
    expect(placed.get('landscape')).toBe(100);
    expect(placed.get('portrait')).toBe(30);
    expect(nodes[0]).toEqual({ image: 'landscape', width: 100 });
    expect(placeImages(page([{ image: 'portrait', cover: { width: 200, height: 200 } }]), of).get('portrait')).toBe(200);
    expect(placeImages(page([{ image: 'landscape', width: 50 }, { image: 'landscape' }]), of).get('landscape')).toBeCloseTo(331.53, 5);
  });

  it('finds pictures in the background, header and footer, and leaves unknown keys alone', () => {
    const unknown: Record<string, unknown> = { image: 'missing' };
    const definition = { ...page([unknown]), footer: { columns: [{ image: 'landscape', fit: [44, 44] }] }, background: [{ image: 'portrait', width: 419.53 }] };
    const placed = placeImages(definition, of);
    expect([...placed.keys()].sort()).toEqual(['landscape', 'portrait']);
    expect(placed.get('landscape')).toBe(44);
    expect(unknown.fit).toBeUndefined();
  });
});
