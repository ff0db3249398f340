import fc from 'fast-check';
import { WHOLE_YUAN_UP, convertRetail } from '@vitrine/shared/kernel';
import { eurRangeForCny } from './price-range';

describe('CNY price range as an EUR range', () => {
  const quote = { rate: '7.8123', marginBps: 300 };
  const cny = (eur: number) => convertRetail(eur, quote, WHOLE_YUAN_UP);

  it('keeps exactly the EUR prices whose CNY price is in range (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.option(fc.integer({ min: 0, max: 40_000_000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 40_000_000 }), { nil: undefined }),
        fc.constantFrom('7.8123', '7.1', '0.9', '12.34567891'),
        (eur, minCny, maxCny, rate) => {
          const q = { rate, marginBps: 250 };
          const range = eurRangeForCny({ minCny, maxCny }, q, WHOLE_YUAN_UP);
          const price = convertRetail(eur, q, WHOLE_YUAN_UP);
          const wanted = (minCny === undefined || price >= minCny) && (maxCny === undefined || price <= maxCny);
          const kept = range !== null && (range.min === undefined || eur >= range.min) && (range.max === undefined || eur <= range.max);
          expect(kept).toBe(wanted);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers null for an empty range', () => {
    expect(eurRangeForCny({ minCny: 10_000, maxCny: 9_000 }, quote, WHOLE_YUAN_UP)).toBeNull();
    expect(eurRangeForCny({ minCny: 10_001, maxCny: 10_050 }, quote, WHOLE_YUAN_UP)).toBeNull(); // no whole yuan in between
  });

  it('gives the edges a worked example expects', () => {
    // 100.00 EUR × 7.8123 × 1.03 = 804.6669 CNY → 805 yuan.
    expect(cny(10_000)).toBe(80_500);
    const range = eurRangeForCny({ minCny: 80_500, maxCny: 80_500 }, quote, WHOLE_YUAN_UP)!;
    expect(cny(range.min!)).toBe(80_500);
    expect(cny(range.min! - 1)).toBe(80_400);
    expect(cny(range.max!)).toBe(80_500);
    expect(cny(range.max! + 1)).toBe(80_600);
  });
});
