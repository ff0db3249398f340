import fc from 'fast-check';
import { accrueLine, convertMinor, reinstateReversal, reverseLine, royaltyOn, type FxSnapshot } from './royalty';

const EUR_CNY: FxSnapshot = { base: 'EUR', quote: 'CNY', rate: '7.81230000' };
const rate = fc.integer({ min: 10_000, max: 99_999_999 }).map((n) => ({ base: 'EUR', quote: 'CNY', rate: (n / 1_000_000).toFixed(6) }) as FxSnapshot);

describe('royalty arithmetic', () => {
  it('converts CNY fen into EUR cents at the snapshot, half up', () => {
    // 781.23 CNY at 7.8123 = 100.00 EUR exactly
    expect(convertMinor(78123, 'CNY', 'EUR', EUR_CNY)).toEqual({ minor: 10000, rate: '7.81230000' });
    // 1.00 CNY = 0.128003 EUR → 13 cents
    expect(convertMinor(100, 'CNY', 'EUR', EUR_CNY).minor).toBe(13);
    // exactly half a cent rounds up: 0.5 cent ⇒ 1
    expect(convertMinor(1, 'CNY', 'EUR', { base: 'EUR', quote: 'CNY', rate: '2' }).minor).toBe(1);
    expect(convertMinor(3, 'CNY', 'EUR', { base: 'EUR', quote: 'CNY', rate: '2' }).minor).toBe(2);
    expect(convertMinor(10000, 'EUR', 'CNY', EUR_CNY).minor).toBe(78123);
    expect(convertMinor(500, 'CNY', 'CNY', null)).toEqual({ minor: 500, rate: null });
    expect(() => convertMinor(500, 'CNY', 'GBP', EUR_CNY)).toThrow('cannot convert');
  });

  it('takes the rate in basis points, half away from zero', () => {
    expect(royaltyOn(10000, 1000)).toBe(1000);
    expect(royaltyOn(5, 1000)).toBe(1); // 0.5 → 1
    expect(royaltyOn(-5, 1000)).toBe(-1);
    expect(royaltyOn(4, 1000)).toBe(0);
    expect(royaltyOn(12345, 1250)).toBe(1543); // 1543.125
    expect(() => royaltyOn(1.5, 100)).toThrow();
  });

  it('rounds each line within half a minor unit of the exact figure (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), rate, fc.integer({ min: 0, max: 10_000 }), (cny, fx, bps) => {
        const a = accrueLine({ quantity: 1, netSaleMinor: cny, saleCurrency: 'CNY', fx }, { rateBps: bps, currency: 'EUR' });
        const exactNet = cny / Number(fx.rate);
        expect(Math.abs(a.netSalesMinor - exactNet)).toBeLessThanOrEqual(0.5 + 1e-6);
        expect(Math.abs(a.royaltyMinor - (a.netSalesMinor * bps) / 10_000)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(a.royaltyMinor).toBeGreaterThanOrEqual(0);
        expect(a.royaltyMinor).toBeLessThanOrEqual(a.netSalesMinor);
      }),
    );
  });

  it('reverses a whole refund exactly and a partial one never beyond what is left (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 1, max: 10 }),
        rate,
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 6 }),
        (cny, qty, fx, bps, refunds) => {
          const accrual = accrueLine({ quantity: qty, netSaleMinor: cny, saleCurrency: 'CNY', fx }, { rateBps: bps, currency: 'EUR' });
          const left = { units: accrual.units, saleMinor: accrual.saleMinor, netSalesMinor: accrual.netSalesMinor, royaltyMinor: accrual.royaltyMinor };
          for (const amount of refunds) {
            if (left.saleMinor <= 0) break;
            const r = reverseLine(left, { saleMinor: amount, units: 1 }, { ...accrual, fx, rateBps: bps });
            left.units += r.units;
            left.saleMinor += r.saleMinor;
            left.netSalesMinor += r.netSalesMinor;
            left.royaltyMinor += r.royaltyMinor;
            expect(left.netSalesMinor).toBeGreaterThanOrEqual(0);
            expect(left.royaltyMinor).toBeGreaterThanOrEqual(0);
            expect(left.units).toBeGreaterThanOrEqual(0);
          }
          // Refunding whatever is left always lands on exactly zero.
          if (left.saleMinor > 0) {
            const r = reverseLine(left, { saleMinor: left.saleMinor, units: left.units }, { ...accrual, fx, rateBps: bps });
            expect([left.saleMinor + r.saleMinor, left.netSalesMinor + r.netSalesMinor, left.royaltyMinor + r.royaltyMinor, left.units + r.units]).toEqual([0, 0, 0, 0]);
          }
        },
      ),
    );
  });

  it('reinstates a reversal exactly (a refund that failed)', () => {
    const reversal = { units: -1, saleMinor: -10_000, saleCurrency: 'CNY', fxRate: '7.8', netSalesMinor: -1_282, royaltyMinor: -128, currency: 'EUR' };
    expect(reinstateReversal(reversal)).toEqual({ units: 1, saleMinor: 10_000, saleCurrency: 'CNY', fxRate: '7.8', netSalesMinor: 1_282, royaltyMinor: 128, currency: 'EUR' });
    expect(() => reinstateReversal({ ...reversal, units: 1 })).toThrow(RangeError);
  });
});
