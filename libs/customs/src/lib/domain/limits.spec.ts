import fc from 'fast-check';
import { DEFAULT_CROSS_BORDER_RULES as RULES } from './cross-border-rules';
import { CustomsError } from './customs-error';
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

describe('per-order limit', () => {
  it('allows exactly 5,000 CNY and refuses one fen more', () => {
    expect(codeOf(() => assertOrderLimits({ sellerId: 'm', lines: [{ ref: 'a', unitPriceMinor: 250_000, quantity: 2 }] }, RULES))).toBeNull();
    expect(
      codeOf(() =>
        assertOrderLimits(
          { sellerId: 'm', lines: [{ ref: 'a', unitPriceMinor: 250_000, quantity: 2 }, { ref: 'b', unitPriceMinor: 1, quantity: 1 }] },
          RULES,
        ),
      ),
    ).toBe('ORDER_LIMIT_EXCEEDED');
  });

  it('refuses a single indivisible item above the limit with its own code and line', () => {
    try {
      assertOrderLimits({ sellerId: 'm', lines: [{ ref: 'vase', unitPriceMinor: 500_001, quantity: 1 }] }, RULES);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(CustomsError);
      expect((e as CustomsError).code).toBe('SINGLE_ITEM_OVER_LIMIT');
      expect((e as CustomsError).details['lines']).toEqual(['vase']);
    }
  });

  it('refuses exactly the orders whose goods value is above the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ unitPriceMinor: fc.integer({ min: 0, max: 500_000 }), quantity: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 6 }), (ls) => {
        const lines = ls.map((l, i) => ({ ...l, ref: String(i) }));
        const goods = lines.reduce((a, l) => a + l.unitPriceMinor * l.quantity, 0);
        expect(codeOf(() => assertOrderLimits({ sellerId: 'm', lines }, RULES))).toBe(goods > RULES.orderLimitMinor ? 'ORDER_LIMIT_EXCEEDED' : null);
      }),
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
