import fc from 'fast-check';
import { platform, sellerPayable, sellerPending, type EntryLine, type JournalEntryDraft } from './ledger';
import { planRefundReversal, reversalIdempotencyKey, takenFromPayable, type PaidTransfer } from './transfer-reversal';

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

  it('lets take-backs of one posting share the seller’s debt: together they reverse it once, not once each', () => {
    // Owed 300 before a refund of 1 000 and a lost dispute of 1 000 caught up together: the balance read after both says −1 700.
    const transfers = [t('p1', 6, 5_000)];
    const refund = planRefundReversal({ takenMinor: 1_000, owedAfterMinor: -1_700, payableSince: at(5), transfers });
    expect(refund).toEqual([{ payoutId: 'p1', amountMinor: 1_000 }]);
    const dispute = planRefundReversal({ takenMinor: 1_000, owedAfterMinor: -1_700, payableSince: at(5), transfers, plannedMinor: 1_000 });
    expect(dispute).toEqual([{ payoutId: 'p1', amountMinor: 700 }]);
    // Without what the refund planned, the dispute would reverse 1 000 more: 300 the seller was still owed.
    expect(planRefundReversal({ takenMinor: 1_000, owedAfterMinor: -1_700, payableSince: at(5), transfers })).toEqual([{ payoutId: 'p1', amountMinor: 1_000 }]);
    expect(planRefundReversal({ takenMinor: 1_000, owedAfterMinor: -500, payableSince: at(5), transfers, plannedMinor: 500 })).toEqual([]);
  });

  it('over any take-backs of one posting, reverses in total what one take-back of their sum would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: -5_000, max: 20_000 }), fc.integer({ min: 0, max: 30_000 }), (takes, owedBefore, room) => {
        const owedAfter = owedBefore - takes.reduce((s, x) => s + x, 0);
        const transfers = [t('p1', 6, room)];
        let planned = 0;
        for (const taken of takes) planned += planRefundReversal({ takenMinor: taken, owedAfterMinor: owedAfter, payableSince: at(5), transfers: [{ ...transfers[0]!, reversedMinor: planned }], plannedMinor: planned }).reduce((s, p) => s + p.amountMinor, 0);
        const whole = planRefundReversal({ takenMinor: takes.reduce((s, x) => s + x, 0), owedAfterMinor: owedAfter, payableSince: at(5), transfers }).reduce((s, p) => s + p.amountMinor, 0);
        expect(planned).toBe(whole);
        expect(planned).toBeLessThanOrEqual(Math.max(0, -owedAfter));
      }),
    );
  });
});

describe('takenFromPayable', () => {
  const line = (account: EntryLine['account'], amountMinor: number, orderId: string | null = 'o1', currency = 'CNY'): EntryLine => ({ account, component: 'GOODS', orderId, amountMinor, currency });
  const entry = (kind: JournalEntryDraft['kind'], lines: EntryLine[]): JournalEntryDraft => ({ eventKey: `${kind}:x`, kind, checkoutId: 'chk', occurredAt: at(1), lines });

  it('sums what a refund or a lost dispute debited from each seller’s payable account, per currency, with its orders; pending money is left out', () => {
    const lines = [
      line(sellerPayable('MUSEUM', 'm1'), 700, 'o1'),
      line(sellerPayable('MUSEUM', 'm1'), 300, 'o2'),
      line(sellerPayable('MUSEUM', 'm1'), 50, 'o2'),
      line(sellerPayable('BRAND', 'b1'), 400, 'o1'),
      line(sellerPayable('MUSEUM', 'm1'), 90, 'o3', 'EUR'),
      line(sellerPending('MUSEUM', 'm1'), 200, 'o4'),
      line(platform('PLATFORM_COMMISSION'), 100, 'o1'),
      line(platform('STRIPE_CLEARING'), -1_840, null),
    ];
    const expected = [
      { sellerType: 'MUSEUM', sellerId: 'm1', currency: 'CNY', amountMinor: 1_050, orderIds: ['o1', 'o2'] },
      { sellerType: 'BRAND', sellerId: 'b1', currency: 'CNY', amountMinor: 400, orderIds: ['o1'] },
      { sellerType: 'MUSEUM', sellerId: 'm1', currency: 'EUR', amountMinor: 90, orderIds: ['o3'] },
    ];
    expect(takenFromPayable(entry('DISPUTE_LOST', lines))).toEqual(expected);
    expect(takenFromPayable(entry('REFUND', lines))).toEqual(expected);
  });

  it('takes nothing back for other entries, nor from a credit to the seller', () => {
    expect(takenFromPayable(entry('REFUND_FAILED', [line(sellerPayable('MUSEUM', 'm1'), 700)]))).toEqual([]);
    expect(takenFromPayable(entry('DISPUTE_FEE', [line(sellerPayable('MUSEUM', 'm1'), 700)]))).toEqual([]);
    expect(takenFromPayable(entry('REFUND', [line(sellerPayable('MUSEUM', 'm1'), -700)]))).toEqual([]);
  });
});

describe('reversalIdempotencyKey', () => {
  it('keys each reversal by its take-back and transfer: a refund’s as before, a dispute’s its own', () => {
    expect(reversalIdempotencyKey('refund:re_1', 'pay-1')).toBe('vitrine-refund-reversal-re_1-pay-1');
    expect(reversalIdempotencyKey('dispute-lost:dp_1', 'pay-1')).toBe('vitrine-dispute-reversal-dp_1-pay-1');
    expect(() => reversalIdempotencyKey('payout:x', 'pay-1')).toThrow(RangeError);
  });
});
