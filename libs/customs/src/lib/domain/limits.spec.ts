import fc from 'fast-check';
import { DEFAULT_CROSS_BORDER_RULES as RULES } from './cross-border-rules';
import { CustomsError } from './customs-error';
import { dutiableValue, taxRegimeOf } from './dutiable-value';
import { assertAnnualLimit, assertOrderLimits, chinaCalendarYear, remainingAnnualQuota } from './limits';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof CustomsError) return e.code;
    throw e;
  }
};

describe('per-order limit (on the dutiable value)', () => {
  const order = (lines: { ref: string; quantity: number }[], goodsMinor: number, freightMinor = 0, insuranceMinor = 0) => ({ sellerId: 'm', lines, goodsMinor, freightMinor, insuranceMinor });

  it('allows exactly 5,000 CNY of dutiable value and refuses one fen more', () => {
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'a', quantity: 2 }], 500_000), RULES))).toBeNull();
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'a', quantity: 2 }, { ref: 'b', quantity: 1 }], 500_001), RULES))).toBe('ORDER_LIMIT_EXCEEDED');
  });

  it('counts freight and insurance: 5,000 CNY of goods + 24 CNY of freight is over the limit', () => {
    try {
      assertOrderLimits(order([{ ref: 'a', quantity: 2 }], 500_000, 2_400), RULES);
      throw new Error('not refused');
    } catch (e) {
      expect((e as CustomsError).code).toBe('ORDER_LIMIT_EXCEEDED');
      expect((e as CustomsError).details).toMatchObject({ limit: 500_000, dutiableValue: 502_400, goodsValue: 500_000, freight: 2_400, lines: ['a'] });
    }
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'a', quantity: 2 }], 499_000, 500, 500), RULES))).toBeNull();
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'a', quantity: 2 }], 499_000, 500, 501), RULES))).toBe('ORDER_LIMIT_EXCEEDED');
  });

  it('lets a single indivisible item above the limit through (general trade), not two of it nor with another line', () => {
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'vase', quantity: 1 }], 562_400, 6_000), RULES))).toBeNull();
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'vase', quantity: 2 }], 1_124_800, 6_000), RULES))).toBe('ORDER_LIMIT_EXCEEDED');
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'vase', quantity: 1 }, { ref: 'pen', quantity: 1 }], 563_400, 6_000), RULES))).toBe('ORDER_LIMIT_EXCEEDED');
  });

  it('refuses a single item above the whole yearly limit with SINGLE_ITEM_OVER_LIMIT', () => {
    try {
      assertOrderLimits(order([{ ref: 'statue', quantity: 1 }], 2_600_000, 1), RULES);
      throw new Error('not refused');
    } catch (e) {
      expect((e as CustomsError).code).toBe('SINGLE_ITEM_OVER_LIMIT');
      expect((e as CustomsError).details).toMatchObject({ limit: 2_600_000, dutiableValue: 2_600_001, lines: ['statue'] });
    }
    expect(codeOf(() => assertOrderLimits(order([{ ref: 'statue', quantity: 1 }], 2_599_000, 1_000), RULES))).toBeNull();
  });

  it('refuses exactly the orders whose dutiable value is above the limit, unless a single item within the yearly limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.nat(3_000_000),
        fc.nat(20_000),
        fc.nat(5_000),
        (quantities, goods, freight, insurance) => {
          const lines = quantities.map((quantity, i) => ({ ref: String(i), quantity }));
          const value = dutiableValue({ goodsMinor: goods, freightMinor: freight, insuranceMinor: insurance });
          expect(value).toBe(goods + freight + insurance);
          const single = lines.length === 1 && lines[0]!.quantity === 1;
          const expected = value <= RULES.orderLimitMinor ? null : !single ? 'ORDER_LIMIT_EXCEEDED' : value > RULES.annualLimitMinor ? 'SINGLE_ITEM_OVER_LIMIT' : null;
          expect(codeOf(() => assertOrderLimits(order(lines, goods, freight, insurance), RULES))).toBe(expected);
          // what is let through above the limit is exactly what is taxed as general trade
          const regime = taxRegimeOf({ goodsMinor: goods, freightMinor: freight, insuranceMinor: insurance, lines }, RULES);
          if (expected === null) expect(regime === 'GENERAL_TRADE').toBe(value > RULES.orderLimitMinor);
        },
      ),
    );
  });
});

describe('yearly limit', () => {
  it('reports the remaining quota when refused', () => {
    try {
      assertAnnualLimit(2_500_000, 100_001, RULES);
      throw new Error('not refused');
    } catch (e) {
      expect((e as CustomsError).code).toBe('ANNUAL_LIMIT_EXCEEDED');
      expect((e as CustomsError).details).toMatchObject({ remaining: 100_000, requested: 100_001 });
    }
    expect(codeOf(() => assertAnnualLimit(2_500_000, 100_000, RULES))).toBeNull();
  });

  it('never lets used + requested pass the limit, and remaining is never negative', () => {
    fc.assert(
      fc.property(fc.nat(4_000_000), fc.nat(1_000_000), (used, requested) => {
        const refused = codeOf(() => assertAnnualLimit(used, requested, RULES)) === 'ANNUAL_LIMIT_EXCEEDED';
        expect(refused).toBe(used + requested > RULES.annualLimitMinor);
        expect(remainingAnnualQuota(used, RULES)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('counts the calendar year in China Standard Time', () => {
    // 2026-12-31T17:00Z is already 1 January 2027 in Beijing.
    expect(chinaCalendarYear(new Date('2026-12-31T17:00:00Z')).start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaCalendarYear(new Date('2026-12-31T15:59:59Z'))).toEqual({
      start: new Date('2025-12-31T16:00:00.000Z'),
      end: new Date('2026-12-31T16:00:00.000Z'),
    });
  });
});
