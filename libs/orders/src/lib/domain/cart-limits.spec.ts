import fc from 'fast-check';
import { assertAnnualLimit, assertOrderLimits, crossBorderRulesFromEnv, CustomsError } from '@vitrine/customs';
import { cartLimitProblems, type LimitedCartOrder } from './cart-limits';

const rules = crossBorderRulesFromEnv({});
const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof CustomsError) return e.code;
    throw e;
  }
};

describe('cart limit problems', () => {
  it('name exactly what placeOrder’s assertOrderLimits and assertAnnualLimit refuse, with the same codes and lines', () => {
    const order = fc.record({
      goodsMinor: fc.integer({ min: 0, max: 3_500_000 }),
      shippingMinor: fc.integer({ min: 0, max: 20_000 }),
      quantities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 3_000_000 }), (specs, used) => {
        const orders: LimitedCartOrder[] = specs.map((s, i) => ({
          sellerId: `m${i}`,
          customsMode: '9610',
          fulfilledByBrandId: null,
          goodsMinor: s.goodsMinor,
          shippingMinor: s.shippingMinor,
          insuranceMinor: 0,
          lines: s.quantities.map((q, j) => ({ ref: `l${i}-${j}`, quantity: q })),
        }));
        const problems = cartLimitProblems(orders, rules, used);
        for (const o of orders) {
          const expected = codeOf(() => assertOrderLimits({ sellerId: o.sellerId, goodsMinor: o.goodsMinor, freightMinor: o.shippingMinor, insuranceMinor: 0, lines: o.lines }, rules));
          const found = problems.filter((p) => p.order?.sellerId === o.sellerId);
          expect(found.map((p) => p.code)).toEqual(expected ? [expected] : []);
          for (const p of found) expect(p.lineIds).toEqual(o.lines.map((l) => l.ref));
        }
        const requested = orders.reduce((a, o) => a + o.goodsMinor + o.shippingMinor, 0);
        const annual = problems.filter((p) => p.order === null);
        expect(annual.map((p) => p.code)).toEqual(codeOf(() => assertAnnualLimit(used, requested, rules)) ? ['ANNUAL_LIMIT_EXCEEDED'] : []);
        for (const p of annual) expect(p).toMatchObject({ valueMinor: requested, limitMinor: rules.annualLimitMinor, remainingMinor: Math.max(0, rules.annualLimitMinor - used) });
      }),
    );
  });
});
