import fc from 'fast-check';
import { A4, labelBox, labelUrl, SHEET, shelfPrice } from './label-sheet';

describe('shelf label sheets', () => {
  it('place labels in a 3 × 7 grid inside A4, 21 a page, none overlapping', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (i) => {
        const b = labelBox(i);
        expect(b.page).toBe(Math.floor(i / (SHEET.columns * SHEET.rows)));
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(A4.width + 1e-6);
        expect(b.y + b.height).toBeLessThanOrEqual(A4.height + 1e-6);
        const next = labelBox(i + 1);
        if (next.page === b.page) expect(next.x !== b.x || next.y !== b.y).toBe(true);
      }),
    );
    expect(labelBox(20)).toMatchObject({ page: 0, x: (2 * A4.width) / 3 });
    expect(labelBox(21)).toMatchObject({ page: 1, x: 0, y: 0 });
  });

  it('link to the product’s short link with the shelf’s source marker, and print the CNY price', () => {
    expect(labelUrl('https://shop.example.cn/', 'Ab3xYz', 'louvre')).toBe('https://shop.example.cn/p/Ab3xYz?src=shelf-louvre');
    expect(shelfPrice(12_800)).toBe('¥128');
    expect(shelfPrice(1_234_550)).toBe('¥12,345.50');
  });
});
