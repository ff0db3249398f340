import fc from 'fast-check';
import { sellerPayable, sellerPending, sumsByCurrency, type EntryLine } from './ledger';
import { disputeFeeEntry } from './posting-plan';

const debit = (account: EntryLine['account'], orderId: string, amountMinor: number): EntryLine => ({ account, component: 'GOODS', orderId, amountMinor, currency: 'CNY' });
const at = new Date('2026-12-01T00:00:00Z');

describe('disputeFeeEntry', () => {
  it('charges the sellers the dispute took from, in proportion, on the accounts it debited; clearing pays Stripe', () => {
    const museum = sellerPayable('MUSEUM', 'm1');
    const brand = sellerPending('BRAND', 'b1');
    const e = disputeFeeEntry({ disputeId: 'dp_1', checkoutId: 'c1', feeMinor: 10_000, currency: 'CNY', at, sellerDebits: [debit(museum, 'o1', 3_000), debit(brand, 'o2', 1_000), debit(museum, 'o1', -50)] });
    expect(e).toMatchObject({ eventKey: 'dispute-fee:dp_1', kind: 'DISPUTE_FEE' });
    expect(e.lines.map((l) => [l.account.kind, l.account.ownerId, l.orderId, l.component, l.amountMinor])).toEqual([
      ['SELLER_PAYABLE', 'm1', 'o1', 'FEE', 7_500],
      ['SELLER_PENDING', 'b1', 'o2', 'FEE', 2_500],
      ['STRIPE_CLEARING', null, null, 'FEE', -10_000],
    ]);
  });

  it('is the platform’s Stripe fee when no seller line bore the dispute', () => {
    const e = disputeFeeEntry({ disputeId: 'dp_2', checkoutId: null, feeMinor: 1_500, currency: 'CNY', at, sellerDebits: [] });
    expect(e.lines.map((l) => [l.account.kind, l.amountMinor])).toEqual([
      ['STRIPE_FEES', 1_500],
      ['STRIPE_CLEARING', -1_500],
    ]);
  });

  it('always balances and charges exactly the fee, whatever the shares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 8 }), (fee, debits) => {
        const e = disputeFeeEntry({ disputeId: 'dp', checkoutId: null, feeMinor: fee, currency: 'CNY', at, sellerDebits: debits.map((d, i) => debit(sellerPayable('MUSEUM', `m${i % 3}`), `o${i}`, d)) });
        expect(sumsByCurrency(e.lines).size).toBe(0);
        expect(e.lines.filter((l) => l.amountMinor > 0).reduce((s, l) => s + l.amountMinor, 0)).toBe(fee);
      }),
    );
  });
});
