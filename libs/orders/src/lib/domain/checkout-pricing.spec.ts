import fc from 'fast-check';
import { DEFAULT_CROSS_BORDER_RULES as RULES, dutiableValue } from '@vitrine/customs';
import { priceCheckout, type SellerGroupToPrice } from './checkout-pricing';
import { DEFAULT_SHIPPING_RATES as RATES, shippingFee, shippingRatesFromEnv } from './shipping-rates';

const line = fc.record({
  ref: fc.uuid(),
  variantId: fc.uuid(),
  unitPriceMinor: fc.integer({ min: 100, max: 600_000 }).map((p) => Math.ceil(p / 100) * 100),
  quantity: fc.integer({ min: 1, max: 10 }),
  weightGrams: fc.integer({ min: 1, max: 5_000 }),
  category: fc.constantFrom('GENERAL', 'COSMETICS', 'STATIONERY', 'APPAREL'),
  hsCode: fc.constantFrom('330499', '621410'),
  netContent: fc.option(fc.record({ amount: fc.integer({ min: 1, max: 500 }), unit: fc.constantFrom('ML' as const, 'G' as const, 'PIECE' as const) })),
});
const group = fc.record({ sellerId: fc.uuid(), customsMode: fc.constantFrom('9610' as const, '1210' as const), lines: fc.array(line, { minLength: 1, maxLength: 8 }) });

describe('priceCheckout', () => {
  it('Σ lines + shipping + tax = total, exactly, for any cart', () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (groups: SellerGroupToPrice[]) => {
        const p = priceCheckout(groups, RULES, RATES);
        expect(p.goodsMinor + p.shippingMinor + p.insuranceMinor + p.taxMinor).toBe(p.totalMinor);
        const lines = p.orders.flatMap((o) => o.lines);
        expect(lines.reduce((a, l) => a + l.totalMinor, 0)).toBe(p.totalMinor);
        expect(lines.reduce((a, l) => a + l.goodsMinor, 0)).toBe(p.goodsMinor);
        expect(lines.reduce((a, l) => a + l.taxMinor, 0)).toBe(p.taxMinor);
        for (const o of p.orders) {
          expect(o.lines.reduce((a, l) => a + l.freightMinor, 0)).toBe(o.shippingMinor);
          // the customs value the limits and the quota count: goods + freight + insurance, = Σ lines' dutiable
          expect(o.dutiableMinor).toBe(dutiableValue({ goodsMinor: o.goodsMinor, freightMinor: o.shippingMinor, insuranceMinor: o.insuranceMinor }));
          expect(o.lines.reduce((a, l) => a + l.dutiableMinor, 0)).toBe(o.dutiableMinor);
          expect(o.goodsMinor + o.shippingMinor + o.insuranceMinor + o.taxMinor).toBe(o.totalMinor);
          expect(o.shippingMinor).toBe(shippingFee(o.customsMode, o.weightGrams, RATES));
          for (const l of o.lines) {
            expect(l.goodsMinor).toBe(l.unitPriceMinor * l.quantity);
            expect([l.goodsMinor, l.freightMinor, l.taxMinor, l.totalMinor].every(Number.isSafeInteger)).toBe(true);
            expect(l.dutyMinor + l.vatMinor + l.consumptionTaxMinor).toBe(l.taxMinor);
            expect(l.regime).toBe(o.regime);
          }
        }
      }),
    );
  });

  it('splits one order per seller with its own shipping', () => {
    const p = priceCheckout(
      [
        { sellerId: 'louvre', customsMode: '9610', lines: [{ ref: 'a', variantId: 'v1', unitPriceMinor: 19_900, quantity: 2, weightGrams: 300, category: 'APPAREL', hsCode: '621410', netContent: null }] },
        { sellerId: 'orsay', customsMode: '1210', lines: [{ ref: 'b', variantId: 'v2', unitPriceMinor: 8_900, quantity: 1, weightGrams: 100, category: 'COSMETICS', hsCode: '330499', netContent: null }] },
      ],
      RULES,
      RATES,
    );
    expect(p.orders.map((o) => [o.sellerId, o.weightGrams, o.shippingMinor])).toEqual([
      ['louvre', 600, 8_500],
      ['orsay', 100, 1_000],
    ]);
    // louvre: (39800 + 8500) × 9.1% = 4395.3 → 4395; orsay: (8900 + 1000) × 196/850 = 2282.8… → 2283
    expect(p.orders.map((o) => o.taxMinor)).toEqual([4_395, 2_283]);
    expect(p.totalMinor).toBe(39_800 + 8_500 + 4_395 + 8_900 + 1_000 + 2_283);
  });
});

describe('shipping table', () => {
  it('prices by bracket and by started kilogram above the last', () => {
    expect(shippingFee('9610', 0, RATES)).toBe(6_000);
    expect(shippingFee('9610', 500, RATES)).toBe(6_000);
    expect(shippingFee('9610', 501, RATES)).toBe(8_500);
    expect(shippingFee('9610', 2_001, RATES)).toBe(16_000);
    expect(shippingFee('9610', 4_000, RATES)).toBe(20_000);
    expect(shippingFee('1210', 1_500, RATES)).toBe(1_500);
  });

  it('reads an operator table from the environment', () => {
    const rates = shippingRatesFromEnv({
      SHIPPING_RATES_JSON: JSON.stringify({ '9610': { brackets: [{ maxGrams: 1000, feeMinor: 1 }], perExtraKgMinor: 2 }, '1210': { brackets: [{ maxGrams: 1, feeMinor: 0 }], perExtraKgMinor: 0 } }),
    });
    expect(shippingFee('9610', 3_000, rates)).toBe(5);
    expect(() => shippingRatesFromEnv({ SHIPPING_RATES_JSON: '{"9610":{}}' })).toThrow();
  });
});
