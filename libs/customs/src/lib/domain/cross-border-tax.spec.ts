import fc from 'fast-check';
import { allocateProportionally } from './allocation';
import { DEFAULT_CROSS_BORDER_RULES as RULES, crossBorderRulesFromEnv } from './cross-border-rules';
import { comprehensiveTaxRate, taxOrder } from './cross-border-tax';
import { formatRatio } from './ratio';

describe('comprehensive cross-border tax rate', () => {
  it('is 9.1% for general goods and ≈23.06% for cosmetics at or above the threshold', () => {
    expect(formatRatio(comprehensiveTaxRate('GENERAL', 100_000, RULES))).toBe('0.091000');
    expect(formatRatio(comprehensiveTaxRate('COSMETICS', 1_499, RULES))).toBe('0.091000');
    expect(formatRatio(comprehensiveTaxRate('COSMETICS', 1_500, RULES))).toBe('0.230588');
    // exact: 0.28 / 0.85 × 0.7 = 196 / 850
    const r = comprehensiveTaxRate('COSMETICS', 10_000, RULES);
    expect(Number(r.num) / Number(r.den)).toBeCloseTo(196 / 850, 12);
  });

  it('follows the configuration', () => {
    const rules = crossBorderRulesFromEnv({ CBEC_VAT_RATE: '0.09', CBEC_TAX_DISCOUNT: '1', CBEC_ORDER_LIMIT_MINOR: '600000' });
    expect(rules.orderLimitMinor).toBe(600_000);
    expect(formatRatio(comprehensiveTaxRate('GENERAL', 100, rules))).toBe('0.090000');
    expect(() => crossBorderRulesFromEnv({ CBEC_VAT_RATE: '13%' })).toThrow();
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
    expect(order).toMatchObject({ goodsMinor: 48_700, freightMinor: 6_000, taxMinor: 6_373, totalMinor: 61_073 });
  });

  const line = fc.record({
    unitPriceMinor: fc.integer({ min: 0, max: 600_000 }),
    quantity: fc.integer({ min: 1, max: 20 }),
    category: fc.constantFrom('GENERAL', 'COSMETICS', 'BOOKS'),
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
        for (const l of o.lines) {
          expect(Number.isInteger(l.taxMinor) && l.taxMinor >= 0).toBe(true);
          // half-up rounding is within half a fen of the exact tax
          const exact = (l.dutiableMinor * Number(l.taxRate.replace('.', ''))) / 1e6;
          expect(Math.abs(l.taxMinor - exact)).toBeLessThanOrEqual(0.5 + l.dutiableMinor * 1e-6);
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
