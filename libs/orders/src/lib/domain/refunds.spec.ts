import { countsAsRefunded, refundedTotal } from './refunds';

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
});
