import fc from 'fast-check';
import { assertBalanced, sumsByCurrency } from './ledger';
import { orderPaidEntry } from './split';

// Promotions in the split of a paid order (ADR 0019): the shopper paid goods − discount; the
// seller is credited goods less what the seller funds; the platform bears what it funds.
const museum = '00000000-0000-4000-8000-000000000001';
const at = new Date('2026-12-06T00:00:00Z');

describe('the split of a paid order with promotions', () => {
  it('balances for any discounts, the seller credited net of its own promotions only, the platform debited its own (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ goods: fc.integer({ min: 1, max: 500_000 }), museumPart: fc.double({ min: 0, max: 1, noNaN: true }), platformPart: fc.double({ min: 0, max: 1, noNaN: true }), bps: fc.integer({ min: 0, max: 3_000 }) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 10_000 }),
        (raw, shipping) => {
          const lines = raw.map((l) => {
            const museumDiscount = Math.floor(l.goods * l.museumPart * 0.5);
            const platformDiscount = Math.floor((l.goods - museumDiscount) * l.platformPart * 0.5);
            return { goods: l.goods, museumDiscount, platformDiscount, bps: l.bps };
          });
          const paidGoods = lines.reduce((a, l) => a + l.goods - l.museumDiscount - l.platformDiscount, 0);
          const tax = Math.round((paidGoods + shipping) * 0.091);
          const entry = orderPaidEntry(
            {
              orderId: 'o1',
              checkoutId: 'c1',
              museumId: museum,
              shipper: { type: 'MUSEUM', id: museum },
              currency: 'CNY',
              shippingMinor: shipping,
              insuranceMinor: 0,
              taxMinor: tax,
              totalMinor: paidGoods + shipping + tax,
              lines: lines.map((l) => ({ goodsMinor: l.goods - l.museumDiscount, platformDiscountMinor: l.platformDiscount, commissionRateBps: l.bps, fulfiller: { type: 'MUSEUM' as const, id: museum }, royaltyMinor: 0 })),
            },
            at,
          );
          expect(() => assertBalanced(entry)).not.toThrow();
          expect(sumsByCurrency(entry.lines).get('CNY') ?? 0).toBe(0);
          const platformPromotions = entry.lines.filter((x) => x.account.kind === 'PLATFORM_PROMOTIONS').reduce((a, x) => a + x.amountMinor, 0);
          expect(platformPromotions).toBe(lines.reduce((a, l) => a + l.platformDiscount, 0));
        },
      ),
    );
  });
});
