import { countsAsRefunded, outstandingOf, planLineRefund, refundOutstanding, refundedTotal } from './refunds';

describe('refunds', () => {
  it('counts succeeded and pending refunds, never failed or cancelled ones', () => {
    expect(['succeeded', 'pending', 'failed', 'canceled', 'requires_action'].map(countsAsRefunded)).toEqual([true, true, false, false, false]);
    expect(
      refundedTotal([
        { status: 'succeeded', amountMinor: 1_000 },
        { status: 'failed', amountMinor: 5_000 },
        { status: 'pending', amountMinor: 250 },
      ]),
    ).toBe(1_250);
    expect(refundedTotal([])).toBe(0);
  });

  it('plans a line refund against the units each line has left, goods value taken cumulatively', () => {
    const lines = [{ id: 'a', quantity: 3, totalMinor: 1_000, goodsMinor: 900 }];
    expect(planLineRefund(lines, new Map([['a', 1]]), [{ lineId: 'a', quantity: 1 }], 10_000)).toEqual({
      amountMinor: 333,
      returned: [{ orderLineId: 'a', quantity: 1, goodsMinor: 300 }],
      problems: [],
    });
    expect(planLineRefund(lines, new Map([['a', 2]]), [{ lineId: 'a', quantity: 2 }, { lineId: 'z', quantity: 1 }], 10_000).problems).toEqual([
      { path: 'input.lines.0.quantity', message: 'at most 1' },
      { path: 'input.lines.1.lineId', message: 'is not a line of this order' },
    ]);
    expect(planLineRefund(lines, new Map(), [{ lineId: 'a', quantity: 3 }], 500).amountMinor).toBe(500);
  });

  it('owes a REFUNDED order what a failed refund left unpaid, capped by what the payment can still refund', () => {
    const refunded = { status: 'REFUNDED', totalMinor: 10_000, refundedMinor: 0, failedRefunds: 1, paymentRoomMinor: 10_000 };
    expect(refundOutstanding(refunded)).toBe(10_000);
    // A failed partial refund after an order refunded in full by two refunds.
    expect(refundOutstanding({ ...refunded, refundedMinor: 7_000 })).toBe(3_000);
    // Refunded again (pending or succeeded): nothing owed.
    expect(refundOutstanding({ ...refunded, refundedMinor: 10_000, failedRefunds: 2 })).toBe(0);
    // Paid back from the Stripe dashboard (a refund naming no order): the payment has no room left.
    expect(refundOutstanding({ ...refunded, paymentRoomMinor: 0 })).toBe(0);
    expect(refundOutstanding({ ...refunded, paymentRoomMinor: 4_000 })).toBe(4_000);
    // No failed refund: a REFUNDED order refunded from the dashboard owes nothing, whatever its own refunds say.
    expect(refundOutstanding({ ...refunded, failedRefunds: 0 })).toBe(0);
    // Not REFUNDED: the ordinary refund path applies.
    for (const status of ['PAID', 'CUSTOMS_SUBMITTED', 'HELD', 'DELIVERED', 'CANCELLED']) expect(refundOutstanding({ ...refunded, status })).toBe(0);
  });

  it('outstandingOf reads the owed amount from an order\'s own refunds and its payment', () => {
    const order = { status: 'REFUNDED', totalMinor: 10_000 };
    const payment = { amountMinor: 25_000, amountRefundedMinor: 12_000 };
    const failed = { status: 'failed', amountMinor: 10_000 };
    expect(outstandingOf(order, [failed], payment)).toBe(10_000);
    // Part given back by a later refund that went through: only the rest is owed.
    expect(outstandingOf(order, [failed, { status: 'succeeded', amountMinor: 4_000 }], payment)).toBe(6_000);
    // Capped by what the payment can still refund; nothing without a payment or without a failed refund.
    expect(outstandingOf(order, [failed], { amountMinor: 25_000, amountRefundedMinor: 22_000 })).toBe(3_000);
    expect(outstandingOf(order, [failed], null)).toBe(0);
    expect(outstandingOf(order, [{ status: 'succeeded', amountMinor: 10_000 }], payment)).toBe(0);
    expect(outstandingOf({ status: 'PAID', totalMinor: 10_000 }, [failed], payment)).toBe(0);
  });
});
