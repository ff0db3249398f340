import { countsAsRefunded, planLineRefund, refundedTotal } from './refunds';

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
});
