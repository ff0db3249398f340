import fc from 'fast-check';
import { DEFAULT_CROSS_BORDER_RULES as RULES, comprehensiveTaxRate, consumptionTaxRate } from '@vitrine/customs';
import { allocateLargestRemainder } from '@vitrine/promotions';
import { priceCheckout, type SellerGroupToPrice } from './checkout-pricing';
import { planReturnRefund } from '../after-sales/domain/returns';
import { planLineRefund, refundedPerLine, linesLeft, type RefundableLine } from './refunds';
import { DEFAULT_SHIPPING_RATES as RATES } from './shipping-rates';

// Promotions through checkout pricing and refunds (ADR 0019): a discount is allocated to lines
// (libs/promotions' largest remainder), lowers each line's dutiable value, and the tax is
// computed on that lower value; refunds give back what was actually paid.

const line = fc.record({
  ref: fc.uuid(),
  variantId: fc.uuid(),
  unitPriceMinor: fc.integer({ min: 100, max: 200_000 }),
  quantity: fc.integer({ min: 1, max: 6 }),
  weightGrams: fc.integer({ min: 1, max: 3_000 }),
  category: fc.constantFrom('GENERAL', 'COSMETICS', 'STATIONERY'),
  hsCode: fc.constant('621410'),
  netContent: fc.constant(null),
});
// A seller order with a discount of some fraction of its goods, allocated to its lines.
const discounted = fc
  .record({ sellerId: fc.uuid(), customsMode: fc.constantFrom('9610' as const, '1210' as const), lines: fc.array(line, { minLength: 1, maxLength: 6 }), f: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ f, ...g }): SellerGroupToPrice => {
    const goods = g.lines.map((l) => l.unitPriceMinor * l.quantity);
    const total = Math.floor(goods.reduce((a, x) => a + x, 0) * f);
    const shares = allocateLargestRemainder(total, goods);
    return { ...g, lines: g.lines.map((l, i) => ({ ...l, discountMinor: shares[i]! })) };
  });

const HALF_UP = (n: bigint, d: bigint) => Number((2n * n + d) / (2n * d));

describe('checkout pricing with promotions', () => {
  it('tax is computed on the discounted value: each line’s tax = rate × (goods − discount + freight) (property)', () => {
    fc.assert(
      fc.property(fc.array(discounted, { minLength: 1, maxLength: 3 }), (groups) => {
        const p = priceCheckout(groups, RULES, RATES);
        for (const o of p.orders) {
          if (o.regime !== 'CBEC_RETAIL') continue;
          for (const l of o.lines) {
            expect(l.dutiableMinor).toBe(l.goodsMinor - l.discountMinor + l.freightMinor + l.insuranceMinor);
            const ct = consumptionTaxRate(l.category, l.dutiableMinor, l.quantity, l.netContent, RULES);
            const rate = comprehensiveTaxRate(ct, RULES);
            expect(l.taxMinor).toBe(HALF_UP(BigInt(l.dutiableMinor) * rate.num, rate.den));
          }
          expect(o.discountMinor).toBe(o.lines.reduce((a, l) => a + l.discountMinor, 0));
          expect(o.dutiableMinor).toBe(o.goodsMinor - o.discountMinor + o.shippingMinor + o.insuranceMinor);
          expect(o.totalMinor).toBe(o.dutiableMinor + o.taxMinor);
          expect(o.discountMinor).toBeLessThanOrEqual(o.goodsMinor);
        }
        expect(p.totalMinor).toBe(p.goodsMinor - p.discountMinor + p.shippingMinor + p.insuranceMinor + p.taxMinor);
      }),
    );
  });

  it('refunding every unit of every line, in any steps, returns exactly what was paid, discount shares included (property)', () => {
    fc.assert(
      fc.property(discounted, fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 }), (group, steps) => {
        const order = priceCheckout([group], RULES, RATES).orders[0]!;
        const lines: RefundableLine[] = order.lines.map((l, i) => ({ id: `line-${i}`, quantity: l.quantity, totalMinor: l.totalMinor, goodsMinor: l.goodsMinor, taxMinor: l.taxMinor, discountMinor: l.discountMinor }));
        const rows: { orderLineId: string; quantity: number; amountMinor: number; goodsMinor: number; taxMinor: number; discountMinor: number }[] = [];
        let paidBack = 0;
        let s = 0;
        // Refund unit batches line by line until every unit is back.
        for (const l of lines) {
          let left = l.quantity;
          while (left > 0) {
            const units = Math.min(left, steps[s++ % steps.length]!);
            const plan = planLineRefund(lines, refundedPerLine(rows), [{ lineId: l.id, quantity: units }], order.totalMinor - paidBack);
            expect(plan.problems).toEqual([]);
            for (const r of plan.returned) {
              rows.push({ orderLineId: r.orderLineId, quantity: r.quantity, amountMinor: r.amountMinor, goodsMinor: r.goodsMinor, taxMinor: r.taxMinor, discountMinor: r.discountMinor ?? 0 });
              // a unit never gives back more than was paid for it: its goods less its discount share, plus freight and tax shares
              expect(r.amountMinor).toBeGreaterThanOrEqual(0);
            }
            paidBack += plan.amountMinor;
            left -= units;
          }
        }
        expect(paidBack).toBe(order.totalMinor);
        const per = refundedPerLine(rows);
        for (const l of lines) {
          expect(per.get(l.id)!.discountMinor).toBe(l.discountMinor);
          expect(per.get(l.id)!.goodsMinor).toBe(l.goodsMinor);
        }
        expect(linesLeft(lines, per)).toEqual([]);
      }),
    );
  });

  it('what is left of a partly refunded line keeps goods − discount + freight + tax = total', () => {
    fc.assert(
      fc.property(discounted, (group) => {
        const order = priceCheckout([group], RULES, RATES).orders[0]!;
        const lines: RefundableLine[] = order.lines.map((l, i) => ({ id: `line-${i}`, quantity: l.quantity, totalMinor: l.totalMinor, goodsMinor: l.goodsMinor, taxMinor: l.taxMinor, discountMinor: l.discountMinor }));
        const first = lines.find((l) => l.quantity > 1);
        if (!first) return;
        const plan = planLineRefund(lines, new Map(), [{ lineId: first.id, quantity: 1 }], order.totalMinor);
        const left = linesLeft(lines, refundedPerLine(plan.returned.map((r) => ({ ...r, orderLineId: r.orderLineId }))));
        for (const l of left) expect(l.goodsMinor - (l.discountMinor ?? 0) + l.freightMinor + l.taxMinor).toBe(l.totalMinor);
      }),
    );
  });

  it('a return of discounted units gives back what was paid for them: goods less their discount share plus tax (and freight on the seller’s fault), every unit = the line’s total (property)', () => {
    fc.assert(
      fc.property(discounted, fc.constantFrom('DAMAGED' as const, 'CHANGED_MIND' as const), (group, reason) => {
        const order = priceCheckout([group], RULES, RATES).orders[0]!;
        const lines: RefundableLine[] = order.lines.map((l, i) => ({ id: `line-${i}`, quantity: l.quantity, totalMinor: l.totalMinor, goodsMinor: l.goodsMinor, taxMinor: l.taxMinor, discountMinor: l.discountMinor }));
        const all = lines.map((l) => ({ lineId: l.id, quantity: l.quantity }));
        const plan = planReturnRefund(lines, new Map(), all, reason, order.totalMinor);
        for (const r of plan.returned) {
          const l = lines.find((x) => x.id === r.orderLineId)!;
          expect(r.discountMinor).toBe(l.discountMinor);
          expect(r.amountMinor).toBeLessThanOrEqual(l.totalMinor);
          const paidForGoodsAndTax = l.goodsMinor - l.discountMinor! + l.taxMinor;
          if (reason === 'DAMAGED') expect(r.amountMinor).toBe(l.totalMinor);
          else expect(r.amountMinor).toBe(paidForGoodsAndTax);
        }
      }),
    );
  });
});
