import fc from 'fast-check';
import { planRefundReversal, type PaidTransfer } from './transfer-reversal';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));
const t = (payoutId: string, day: number, amountMinor: number, reversedMinor = 0): PaidTransfer => ({ payoutId, createdAt: at(day), amountMinor, reversedMinor });

describe('planRefundReversal', () => {
  it('reverses nothing while the seller is still owed at least zero after the refund', () => {
    expect(planRefundReversal({ takenMinor: 500, owedAfterMinor: 0, payableSince: at(1), transfers: [t('p1', 2, 1_000)] })).toEqual([]);
    expect(planRefundReversal({ takenMinor: 500, owedAfterMinor: 300, payableSince: at(1), transfers: [t('p1', 2, 1_000)] })).toEqual([]);
  });

  it('reverses only the part of the refund the balance no longer covers, from the transfer that carried the order', () => {
    // Owed 200 before a refund of 500: 300 of it was paid out already.
    expect(planRefundReversal({ takenMinor: 500, owedAfterMinor: -300, payableSince: at(5), transfers: [t('old', 1, 900), t('carried', 6, 1_000), t('later', 9, 400)] })).toEqual([
      { payoutId: 'carried', amountMinor: 300 },
    ]);
    // Never more than the refund took, even when the seller owes more from earlier.
    expect(planRefundReversal({ takenMinor: 500, owedAfterMinor: -2_000, payableSince: at(5), transfers: [t('carried', 6, 1_000)] })).toEqual([{ payoutId: 'carried', amountMinor: 500 }]);
  });

  it('goes on to later transfers, then earlier ones newest first, each at most what is left of it', () => {
    expect(
      planRefundReversal({ takenMinor: 1_000, owedAfterMinor: -1_000, payableSince: at(5), transfers: [t('a', 1, 500), t('b', 3, 500, 450), t('c', 6, 300, 100), t('d', 8, 200)] }),
    ).toEqual([
      { payoutId: 'c', amountMinor: 200 },
      { payoutId: 'd', amountMinor: 200 },
      { payoutId: 'b', amountMinor: 50 },
      { payoutId: 'a', amountMinor: 500 },
    ]);
  });

  it('takes from the transfers of the refunded checkout (its transfer group) first', () => {
    const own = { ...t('own', 7, 250), checkoutId: 'chk-a' };
    expect(
      planRefundReversal({ takenMinor: 400, owedAfterMinor: -400, payableSince: at(5), checkoutId: 'chk-a', transfers: [{ ...t('other', 6, 1_000), checkoutId: 'chk-b' }, own] }),
    ).toEqual([
      { payoutId: 'own', amountMinor: 250 },
      { payoutId: 'other', amountMinor: 150 },
    ]);
  });

  it('never reverses more than the debt, the refund or what the transfers have left', () => {
    const transfer = fc.record({ day: fc.integer({ min: 1, max: 28 }), amount: fc.integer({ min: 1, max: 10_000 }), reversed: fc.integer({ min: 0, max: 10_000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -20_000, max: 20_000 }), fc.option(fc.integer({ min: 1, max: 28 })), fc.array(transfer, { maxLength: 6 }), (taken, owed, since, ts) => {
        const transfers = ts.map((x, i) => t(`p${i}`, x.day, x.amount, Math.min(x.amount, x.reversed)));
        const parts = planRefundReversal({ takenMinor: taken, owedAfterMinor: owed, payableSince: since == null ? null : at(since), transfers });
        const total = parts.reduce((s, p) => s + p.amountMinor, 0);
        const room = transfers.reduce((s, x) => s + x.amountMinor - x.reversedMinor, 0);
        expect(total).toBe(Math.min(taken, Math.max(0, -owed), room));
        for (const p of parts) {
          expect(p.amountMinor).toBeGreaterThan(0);
          const x = transfers.find((y) => y.payoutId === p.payoutId)!;
          expect(p.amountMinor).toBeLessThanOrEqual(x.amountMinor - x.reversedMinor);
        }
      }),
    );
  });
});
