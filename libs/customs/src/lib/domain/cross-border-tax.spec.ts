import fc from 'fast-check';
import { allocateProportionally } from './allocation';
import { DEFAULT_CROSS_BORDER_RULES as RULES, crossBorderRulesFromEnv } from './cross-border-rules';
import type { NetContentUnit } from './cross-border-rules';
import { comprehensiveTaxRate, consumptionTaxRate, dutyRateFor, taxOrder, type NetContent } from './cross-border-tax';
import { dutiableValue } from './dutiable-value';
import { formatRatio, ZERO } from './ratio';

const isZero = (r: { num: bigint }) => r.num === 0n;

describe('comprehensive cross-border tax rate', () => {
  const rateOf = (category: string, dutiable: number, netContent?: NetContent | null, quantity = 1) =>
    formatRatio(comprehensiveTaxRate(consumptionTaxRate(category, dutiable, quantity, netContent, RULES), RULES));

  it('is 9.1% for general goods and ≈23.06% for high-end cosmetics', () => {
    expect(rateOf('GENERAL', 100_000)).toBe('0.091000');
    expect(rateOf('COSMETICS', 100_000, { amount: 75, unit: 'ML' })).toBe('0.230588');
    // exact: 0.28 / 0.85 × 0.7 = 196 / 850
    const r = comprehensiveTaxRate(consumptionTaxRate('COSMETICS', 10_000, 1, { amount: 1, unit: 'PIECE' }, RULES), RULES);
    expect(Number(r.num) / Number(r.den)).toBeCloseTo(196 / 850, 12);
  });

  it('taxes cosmetics as high-end only from 10 CNY per ml or g, or 15 CNY per piece, of taxable price', () => {
    // The seeded Orsay hand cream: 178 CNY for 75 ml = 2.37 CNY/ml → not high-end.
    expect(rateOf('COSMETICS', 17_800, { amount: 75, unit: 'ML' })).toBe('0.091000');
    expect(rateOf('COSMETICS', 74_999, { amount: 75, unit: 'ML' })).toBe('0.091000');
    expect(rateOf('COSMETICS', 75_000, { amount: 75, unit: 'ML' })).toBe('0.230588');
    expect(rateOf('COSMETICS', 49_999, { amount: 50, unit: 'G' })).toBe('0.091000');
    expect(rateOf('COSMETICS', 50_000, { amount: 50, unit: 'G' })).toBe('0.230588');
    // a box of 5 sheet masks at 74.99 CNY is 14.998 CNY a piece; at 75 CNY it is 15
    expect(rateOf('COSMETICS', 7_499, { amount: 5, unit: 'PIECE' })).toBe('0.091000');
    expect(rateOf('COSMETICS', 7_500, { amount: 5, unit: 'PIECE' })).toBe('0.230588');
    // per unit of the line: 3 creams of 75 ml for 1,000 CNY are 4.44 CNY/ml
    expect(rateOf('COSMETICS', 100_000, { amount: 75, unit: 'ML' }, 3)).toBe('0.091000');
    // without net content, conservatively high-end; other categories never pay it
    expect(rateOf('COSMETICS', 100, null)).toBe('0.230588');
    expect(rateOf('BOOKS', 10_000_000, { amount: 1, unit: 'PIECE' })).toBe('0.091000');
  });

  it('high-end exactly when price per unit of content reaches the threshold (any content, any quantity)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 5_000 }), fc.constantFrom<NetContentUnit>('ML', 'G', 'PIECE'), fc.integer({ min: 1, max: 20 }), (dutiable, amount, unit, qty) => {
        const high = !isZero(consumptionTaxRate('COSMETICS', dutiable, qty, { amount, unit }, RULES));
        const threshold = RULES.consumptionTax['COSMETICS']!.thresholdsMinor[unit];
        expect(high).toBe(dutiable / (amount * qty) >= threshold);
      }),
    );
  });

  it('follows the configuration', () => {
    const rules = crossBorderRulesFromEnv({ CBEC_VAT_RATE: '0.09', CBEC_TAX_DISCOUNT: '1', CBEC_ORDER_LIMIT_MINOR: '600000' });
    expect(rules.orderLimitMinor).toBe(600_000);
    expect(formatRatio(comprehensiveTaxRate(ZERO, rules))).toBe('0.090000');
    expect(() => crossBorderRulesFromEnv({ CBEC_VAT_RATE: '13%' })).toThrow();
    const duties = crossBorderRulesFromEnv({ CBEC_DUTY_RATES: '{"default":"0.08","3304":"0.01","330499":"0.02"}' });
    expect(formatRatio(dutyRateFor('330499', duties))).toBe('0.020000');
    expect(formatRatio(dutyRateFor('330410', duties))).toBe('0.010000');
    expect(formatRatio(dutyRateFor('621410', duties))).toBe('0.080000');
    expect(() => crossBorderRulesFromEnv({ CBEC_DUTY_RATES: '{"3304":"0.01"}' })).toThrow();
  });
});

describe('taxOrder', () => {
  it('taxes a worked example line by line', () => {
    // 2 × 199 CNY scarf + 1 × 89 CNY cosmetic, 60 CNY freight
    const order = taxOrder(
      [
        { unitPriceMinor: 19_900, quantity: 2, category: 'APPAREL' },
        { unitPriceMinor: 8_900, quantity: 1, category: 'COSMETICS' },
      ],
      { freightMinor: 6_000 },
      RULES,
    );
    // freight by goods value 39800 : 8900 → 4903.49… : 1096.51… → floors 4903 / 1096, the spare fen to the larger remainder
    expect(order.lines.map((l) => l.freightMinor)).toEqual([4_903, 1_097]);
    // (39800 + 4903) × 0.091 = 4067.97… → 4068; (8900 + 1097) × 196/850 = 2305.19… → 2305
    expect(order.lines.map((l) => l.taxMinor)).toEqual([4_068, 2_305]);
    expect(order).toMatchObject({ regime: 'CBEC_RETAIL', goodsMinor: 48_700, freightMinor: 6_000, dutiableMinor: 54_700, taxMinor: 6_373, totalMinor: 61_073 });
    // parts: no duty; the cosmetic's consumption tax 9997 × 0.15/0.85 × 0.7 = 1234.94… → 1235, VAT the rest
    expect(order.lines.map((l) => [l.dutyMinor, l.consumptionTaxMinor, l.vatMinor])).toEqual([
      [0, 0, 4_068],
      [0, 1_235, 1_070],
    ]);
  });

  it('taxes a single item above the per-order limit at the full general-trade taxes', () => {
    // one 5,624 CNY vase, 60 CNY freight: dutiable 5,684 CNY > 5,000
    const order = taxOrder([{ unitPriceMinor: 562_400, quantity: 1, category: 'HOMEWARE', hsCode: '691300' }], { freightMinor: 6_000 }, RULES);
    expect(order.regime).toBe('GENERAL_TRADE');
    // duty 10 % (default) = 56,840; VAT 13 % of (568,400 + 56,840) = 81,281.2 → 81,281; no consumption tax
    expect(order.lines[0]).toMatchObject({ regime: 'GENERAL_TRADE', dutiableMinor: 568_400, dutyMinor: 56_840, vatMinor: 81_281, consumptionTaxMinor: 0, taxMinor: 138_121 });
    expect(order.lines[0]!.taxRate).toBe('0.243000');
    expect(order.totalMinor).toBe(568_400 + 138_121);
    // the same item within the limit: 9.1 %, no duty
    const small = taxOrder([{ unitPriceMinor: 400_000, quantity: 1, category: 'HOMEWARE', hsCode: '691300' }], { freightMinor: 6_000 }, RULES);
    expect(small.lines[0]).toMatchObject({ regime: 'CBEC_RETAIL', dutyMinor: 0, taxRate: '0.091000' });
    // high-end cosmetics through general trade: consumption tax and VAT at 100 % on (dutiable + duty) / 0.85
    const cream = taxOrder([{ unitPriceMinor: 600_000, quantity: 1, category: 'COSMETICS', hsCode: '330499', netContent: { amount: 50, unit: 'ML' } }], { freightMinor: 0 }, RULES);
    expect(cream.lines[0]).toMatchObject({ regime: 'GENERAL_TRADE', dutyMinor: 60_000, consumptionTaxMinor: Math.round((660_000 * 0.15) / 0.85), vatMinor: Math.round((660_000 * 0.13) / 0.85) });
  });

  it('goods of 5,000 CNY and 24 CNY of freight are over the limit: the dutiable value counts, not the goods', () => {
    const o = taxOrder([{ unitPriceMinor: 250_000, quantity: 2, category: 'GENERAL' }], { freightMinor: 2_400 }, RULES);
    expect(o.goodsMinor).toBe(500_000);
    expect(o.dutiableMinor).toBe(502_400);
    expect(dutiableValue(o)).toBe(502_400);
  });

  const line = fc.record({
    unitPriceMinor: fc.integer({ min: 0, max: 600_000 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    category: fc.constantFrom('GENERAL', 'COSMETICS', 'BOOKS'),
    hsCode: fc.constantFrom('330499', '621410', '491199'),
    netContent: fc.option(fc.record({ amount: fc.integer({ min: 1, max: 500 }), unit: fc.constantFrom<NetContentUnit>('ML', 'G', 'PIECE') })),
  });

  it('Σ lines (goods + freight + insurance + tax) = order total, exactly, for any order', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.nat(50_000), fc.nat(5_000), (lines, freight, insurance) => {
        const o = taxOrder(lines, { freightMinor: freight, insuranceMinor: insurance }, RULES);
        const sum = (f: (l: (typeof o.lines)[number]) => number) => o.lines.reduce((a, l) => a + f(l), 0);
        expect(sum((l) => l.freightMinor)).toBe(freight);
        expect(sum((l) => l.insuranceMinor)).toBe(insurance);
        expect(sum((l) => l.dutiableMinor + l.taxMinor)).toBe(o.totalMinor);
        expect(o.goodsMinor + o.freightMinor + o.insuranceMinor + o.taxMinor).toBe(o.totalMinor);
        expect(o.dutiableMinor).toBe(dutiableValue(o));
        for (const l of o.lines) {
          expect(Number.isInteger(l.taxMinor) && l.taxMinor >= 0).toBe(true);
          expect(l.dutyMinor + l.vatMinor + l.consumptionTaxMinor).toBe(l.taxMinor);
          expect(Math.min(l.dutyMinor, l.vatMinor, l.consumptionTaxMinor)).toBeGreaterThanOrEqual(0);
          expect(l.regime).toBe(o.regime);
          expect(o.regime === 'GENERAL_TRADE').toBe(o.lines.length === 1 && lines[0]!.quantity === 1 && o.dutiableMinor > RULES.orderLimitMinor);
          if (l.regime === 'CBEC_RETAIL') expect(l.dutyMinor).toBe(0);
          // each part is rounded half up (general trade: three parts, the duty's rounding carried into the base)
          const exact = (l.dutiableMinor * Number(l.taxRate.replace('.', ''))) / 1e6;
          expect(Math.abs(l.taxMinor - exact)).toBeLessThanOrEqual(2 + l.dutiableMinor * 1e-6);
        }
      }),
    );
  });
});

describe('allocateProportionally', () => {
  it('gives every unit away, never negative, each share within one unit of its exact part', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const shares = allocateProportionally(total, weights);
        expect(shares.reduce((a, s) => a + s, 0)).toBe(total);
        const sumW = weights.reduce((a, w) => a + w, 0);
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          const exact = sumW === 0 ? total / weights.length : (total * weights[i]) / sumW;
          expect(Math.abs(s - exact)).toBeLessThan(1);
        });
      }),
    );
  });

  it('splits evenly when every weight is zero and refuses negative input', () => {
    expect(allocateProportionally(5, [0, 0])).toEqual([3, 2]);
    expect(() => allocateProportionally(-1, [1])).toThrow(RangeError);
    expect(() => allocateProportionally(1, [-1])).toThrow(RangeError);
  });
});
