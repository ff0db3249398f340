import fc from 'fast-check';
import { splitByOrders } from './dispute-split';

describe('splitByOrders', () => {
  it('splits a checkout’s dispute by order total', () => {
    const parts = splitByOrders(10_000, [
      { id: 'a', totalMinor: 30_000 },
      { id: 'b', totalMinor: 10_000 },
    ]);
    expect(Object.fromEntries(parts)).toEqual({ a: 7_500, b: 2_500 });
    expect(Object.fromEntries(splitByOrders(100, [{ id: 'a', totalMinor: 1 }, { id: 'b', totalMinor: 1 }, { id: 'c', totalMinor: 1 }]))).toEqual({ a: 34, b: 33, c: 33 });
    expect(Object.fromEntries(splitByOrders(5_000, [{ id: 'only', totalMinor: 5_000 }]))).toEqual({ only: 5_000 });
  });

  it('parts are whole, never negative, and add up to the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 8 }), (amount, totals) => {
        const parts = splitByOrders(amount, totals.map((t, i) => ({ id: String(i), totalMinor: t })));
        const values = [...parts.values()];
        expect(values.reduce((a, b) => a + b, 0)).toBe(amount);
        for (const v of values) expect(Number.isInteger(v) && v >= 0).toBe(true);
      }),
    );
  });
});
