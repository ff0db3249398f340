import fc from 'fast-check';
import { allocatePayout } from './payout-allocation';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);

describe('allocatePayout: one transfer per checkout', () => {
  it('pays checkouts oldest first, each at most what it is owed; a checkout in debt gets nothing', () => {
    const owed = [
      { checkoutId: 'c', owedMinor: 500, since: at(3) },
      { checkoutId: 'a', owedMinor: 1_000, since: at(1) },
      { checkoutId: 'b', owedMinor: -300, since: at(2) },
    ];
    // Balance 1 200 = 1 000 + 500 − 300: the debt of b is netted from the newest checkout.
    expect(allocatePayout(1_200, owed)).toEqual([
      { checkoutId: 'a', amountMinor: 1_000 },
      { checkoutId: 'c', amountMinor: 200 },
    ]);
    expect(allocatePayout(0, owed)).toEqual([]);
    expect(allocatePayout(-5, owed)).toEqual([]);
  });

  it('puts what no checkout accounts for in one part without a checkout', () => {
    expect(allocatePayout(700, [{ checkoutId: 'a', owedMinor: 400, since: at(1) }])).toEqual([
      { checkoutId: 'a', amountMinor: 400 },
      { checkoutId: null, amountMinor: 300 },
    ]);
  });

  it('parts are positive integers summing to the total, never above a checkout’s due, one per checkout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.record({ owedMinor: fc.integer({ min: -100_000, max: 100_000 }), s: fc.integer({ min: 0, max: 50 }) }), { maxLength: 12 }),
        (total, raw) => {
          const owed = raw.map((r, i) => ({ checkoutId: `c${i}`, owedMinor: r.owedMinor, since: at(r.s) }));
          const parts = allocatePayout(total, owed);
          expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(total);
          for (const p of parts) {
            expect(Number.isSafeInteger(p.amountMinor) && p.amountMinor > 0).toBe(true);
            if (p.checkoutId) expect(p.amountMinor).toBeLessThanOrEqual(owed.find((o) => o.checkoutId === p.checkoutId)!.owedMinor);
          }
          expect(new Set(parts.map((p) => p.checkoutId)).size).toBe(parts.length);
        },
      ),
    );
  });
});
