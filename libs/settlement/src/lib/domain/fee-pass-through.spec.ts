import fc from 'fast-check';
import { platform, sellerPayable, sellerPending, sumsByCurrency, type EntryKind, type EntryLine } from './ledger';
import { feeEntry, type FeeOrder } from './posting-plan';
import type { OrderLedgerLine } from './reversal';

const at = new Date('2026-12-01T00:00:00Z');
const line = (kind: EntryKind, account: EntryLine['account'], orderId: string, component: EntryLine['component'], amountMinor: number): OrderLedgerLine => ({ kind, account, component, orderId, amountMinor, currency: 'CNY' });

/** A paid order: the shopper's payment into clearing, and what each seller account is credited. */
function paidOrder(orderId: string, credits: [EntryLine['account'], number][], tax = 0): OrderLedgerLine[] {
  const total = credits.reduce((a, [, x]) => a + x, 0) + tax;
  return [line('ORDER_PAID', platform('STRIPE_CLEARING'), orderId, 'PAYMENT', total), line('ORDER_PAID', platform('TAX_PAYABLE'), orderId, 'TAX', -tax), ...credits.map(([a, x]) => line('ORDER_PAID', a, orderId, 'GOODS', -x))];
}

describe('feeEntry: Stripe’s fee where it falls', () => {
  const museum = sellerPending('MUSEUM', 'm1');
  const brand = sellerPending('BRAND', 'b1');

  it('splits the fee over the orders by what each paid; an order whose terms pass fees on charges its part to its sellers by what each is owed on it', () => {
    const orders: FeeOrder[] = [
      // 8,000 paid (2,000 of it tax): the museum is owed 4,500, the brand 1,500.
      { orderId: 'o1', passToSellers: true, lines: paidOrder('o1', [[museum, 4_500], [brand, 1_500]], 2_000) },
      // 2,000 paid, the platform keeps the fee of this storefront's orders.
      { orderId: 'o2', passToSellers: false, lines: paidOrder('o2', [[sellerPending('MUSEUM', 'm2'), 2_000]]) },
    ];
    const e = feeEntry({ balanceTransactionId: 'txn_1', checkoutId: 'c1', feeMinor: 351, currency: 'CNY', at, orders });
    expect(e).toMatchObject({ eventKey: 'fee:txn_1', kind: 'FEE', checkoutId: 'c1' });
    // o1 bears 8/10 of 351 = 280.8 -> 281 (largest remainder), o2 70; o1's 281 is 3/4 the museum's (210.75 -> 211), 1/4 the brand's (70).
    expect(e.lines.map((l) => [l.account.kind, l.account.ownerId, l.orderId, l.component, l.amountMinor])).toEqual([
      ['SELLER_PENDING', 'b1', 'o1', 'FEE', 70],
      ['SELLER_PENDING', 'm1', 'o1', 'FEE', 211],
      ['STRIPE_FEES', null, null, 'FEE', 70],
      ['STRIPE_CLEARING', null, null, 'FEE', -351],
    ]);
  });

  it('charges the payable account once the order’s shares became payable, and the platform when the sellers are owed nothing on the order any more', () => {
    const matured: OrderLedgerLine[] = [...paidOrder('o1', [[museum, 1_000]]), line('ORDER_PAYABLE', museum, 'o1', 'GOODS', 1_000), line('ORDER_PAYABLE', sellerPayable('MUSEUM', 'm1'), 'o1', 'GOODS', -1_000)];
    const payable = feeEntry({ balanceTransactionId: 'txn_2', checkoutId: 'c1', feeMinor: 40, currency: 'CNY', at, orders: [{ orderId: 'o1', passToSellers: true, lines: matured }] });
    expect(payable.lines.map((l) => [l.account.kind, l.amountMinor])).toEqual([
      ['SELLER_PAYABLE', 40],
      ['STRIPE_CLEARING', -40],
    ]);
    const refunded: OrderLedgerLine[] = [...paidOrder('o1', [[museum, 1_000]]), line('REFUND', museum, 'o1', 'GOODS', 1_000), line('REFUND', platform('STRIPE_CLEARING'), 'o1', 'PAYMENT', -1_000)];
    const platformOnly = feeEntry({ balanceTransactionId: 'txn_3', checkoutId: 'c1', feeMinor: 40, currency: 'CNY', at, orders: [{ orderId: 'o1', passToSellers: true, lines: refunded }] });
    expect(platformOnly.lines.map((l) => [l.account.kind, l.amountMinor])).toEqual([
      ['STRIPE_FEES', 40],
      ['STRIPE_CLEARING', -40],
    ]);
  });

  it('without orders, or with no order passing fees on, the fee is the platform’s', () => {
    for (const orders of [undefined, [{ orderId: 'o1', passToSellers: false, lines: paidOrder('o1', [[museum, 1_000]]) }]]) {
      expect(feeEntry({ balanceTransactionId: 'txn_4', checkoutId: null, feeMinor: 99, currency: 'CNY', at, orders }).lines.map((l) => [l.account.kind, l.amountMinor])).toEqual([
        ['STRIPE_FEES', 99],
        ['STRIPE_CLEARING', -99],
      ]);
    }
  });

  it('always balances, charges exactly the fee, and charges sellers only on orders that pass fees on, never more than the order’s part', () => {
    const sellers = [museum, brand, sellerPayable('MUSEUM', 'm2')];
    const orderArb = fc.record({ pass: fc.boolean(), tax: fc.integer({ min: 0, max: 50_000 }), credits: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.integer({ min: 0, max: 500_000 })), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(orderArb, { maxLength: 4 }), (fee, specs) => {
        const orders: FeeOrder[] = specs.map((o, i) => ({ orderId: `o${i}`, passToSellers: o.pass, lines: paidOrder(`o${i}`, o.credits.map(([s, x]) => [sellers[s]!, x]), o.tax) }));
        const e = feeEntry({ balanceTransactionId: 'txn', checkoutId: 'c', feeMinor: fee, currency: 'CNY', at, orders });
        expect(sumsByCurrency(e.lines).size).toBe(0);
        expect(e.lines.filter((l) => l.amountMinor > 0).reduce((s, l) => s + l.amountMinor, 0)).toBe(fee);
        const paid = specs.reduce((a, o) => a + o.credits.reduce((b, [, x]) => b + x, 0) + o.tax, 0);
        specs.forEach((o, i) => {
          const charged = e.lines.filter((l) => l.orderId === `o${i}` && l.account.kind !== 'STRIPE_CLEARING').reduce((a, l) => a + l.amountMinor, 0);
          if (!o.pass) expect(charged).toBe(0);
          const orderPaid = o.credits.reduce((b, [, x]) => b + x, 0) + o.tax;
          // Its part: within one minor unit of its exact proportion.
          if (paid > 0) expect(Math.abs(charged * paid - (o.pass && o.credits.some(([, x]) => x > 0) ? fee * orderPaid : 0))).toBeLessThanOrEqual(paid);
        });
      }),
    );
  });
});
