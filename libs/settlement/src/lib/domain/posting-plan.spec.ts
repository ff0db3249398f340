import fc from 'fast-check';
import { assertBalanced, sumsByCurrency, type JournalEntryDraft } from './ledger';
import { feeEntry, payoutEntry, planEntries, transferReversalEntry, type CheckoutFacts, type FeeOrder, type PostedLedger } from './posting-plan';
import type { OrderToSettle } from './split';

const MUSEUMS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const BRAND = '00000000-0000-4000-8000-0000000000b1';
const at = new Date('2026-12-06T00:00:00Z');

const lineArb = fc.record({
  goodsMinor: fc.integer({ min: 0, max: 2_000_000 }),
  commissionRateBps: fc.integer({ min: 0, max: 10_000 }),
  licensed: fc.boolean(),
  royaltyBps: fc.integer({ min: 0, max: 3_000 }),
});
const orderArb = fc.record({
  museum: fc.constantFrom(...MUSEUMS),
  byBrand: fc.boolean(),
  shippingMinor: fc.integer({ min: 0, max: 50_000 }),
  insuranceMinor: fc.integer({ min: 0, max: 5_000 }),
  taxMinor: fc.integer({ min: 0, max: 400_000 }),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  // The storefront's terms (snapshotted at checkout): Stripe's fees passed on to the order's sellers.
  passFees: fc.boolean(),
});
/** An event of the payment: a refund of some of an order (or of no order), a refund failing, a lost dispute, a fee. */
const eventArb = fc.oneof(
  fc.record({ t: fc.constant('refund' as const), order: fc.nat(), forOrder: fc.boolean(), share: fc.double({ min: 0, max: 1, noNaN: true }), status: fc.constantFrom('succeeded', 'pending') }),
  fc.record({ t: fc.constant('fail' as const), which: fc.nat() }),
  fc.record({ t: fc.constant('dispute' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ t: fc.constant('fee' as const), fee: fc.integer({ min: 1, max: 10_000 }) }),
  fc.record({ t: fc.constant('replay' as const) }),
  fc.record({ t: fc.constant('payable' as const), order: fc.nat() }),
);

type OrderSpec = { museum: string; byBrand: boolean; passFees?: boolean; shippingMinor: number; insuranceMinor: number; taxMinor: number; lines: { goodsMinor: number; commissionRateBps: number; licensed: boolean; royaltyBps: number }[] };

function toOrder(i: number, o: OrderSpec): OrderToSettle & { paidAt: Date } {
  const orderId = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
  const brand = o.byBrand ? { type: 'BRAND' as const, id: BRAND } : null;
  const museum = { type: 'MUSEUM' as const, id: o.museum };
  const lines = o.lines.map((l) => ({
    goodsMinor: l.goodsMinor,
    commissionRateBps: l.commissionRateBps,
    fulfiller: brand && l.licensed ? brand : museum,
    royaltyMinor: l.licensed ? Math.round((l.goodsMinor * l.royaltyBps) / 10_000) : 0,
  }));
  const goods = lines.reduce((a, l) => a + l.goodsMinor, 0);
  return {
    orderId,
    checkoutId: 'c',
    museumId: o.museum,
    shipper: brand ?? museum,
    currency: 'CNY',
    shippingMinor: o.shippingMinor,
    insuranceMinor: o.insuranceMinor,
    taxMinor: o.taxMinor,
    totalMinor: goods + o.shippingMinor + o.insuranceMinor + o.taxMinor,
    lines,
    paidAt: at,
  };
}

/** An in-memory ledger with the database's unique event key. */
class Ledger {
  readonly entries: JournalEntryDraft[] = [];
  get posted(): PostedLedger {
    return {
      eventKeys: new Set(this.entries.map((e) => e.eventKey)),
      lines: this.entries.flatMap((e) => e.lines.map((l) => ({ ...l, kind: e.kind, eventKey: e.eventKey }))),
    };
  }
  insert(e: JournalEntryDraft): boolean {
    if (this.entries.some((x) => x.eventKey === e.eventKey)) return false;
    this.entries.push(e);
    return true;
  }
  balance(pred: (l: JournalEntryDraft['lines'][number]) => boolean): number {
    return this.entries.flatMap((e) => e.lines).filter(pred).reduce((a, l) => a + l.amountMinor, 0);
  }
}

describe('settlement posting over random sequences of orders, partial refunds, failed refunds, lost disputes, return windows closing and fees', () => {
  it('balances every entry, posts each event once, and keeps sellers (pending + payable) + commission + tax = paid − refunded − lost − fees passed on to sellers', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 3 }), fc.array(eventArb, { maxLength: 12 }), (orderSpecs, events) => {
        const orders = orderSpecs.map((o, i) => toOrder(i, o));
        const facts: CheckoutFacts = { checkoutId: 'c', paidOrderIds: orders.map((o) => o.orderId), paidOrders: orders, refunds: [], lostDisputes: [] };
        const ledger = new Ledger();
        const settle = () => {
          const plan = planEntries(facts, ledger.posted);
          // Stripe never refunds more than is left; the generator keeps within it, so nothing is clipped.
          expect(plan.warnings).toEqual([]);
          for (const e of plan.entries) expect(ledger.insert(e)).toBe(true);
          return plan.entries.length;
        };
        settle();
        const paid = orders.reduce((a, o) => a + o.totalMinor, 0);
        const left = new Map(orders.map((o) => [o.orderId, o.totalMinor]));
        let returned = 0; // refunded (counting) + lost in disputes
        let fees = 0;
        let passedOn = 0;
        let n = 0;
        for (const ev of events) {
          n++;
          if (ev.t === 'refund') {
            const o = orders[ev.order % orders.length]!;
            const room = ev.forOrder ? left.get(o.orderId)! : paid - returned;
            const amount = Math.floor(room * ev.share);
            if (amount <= 0) continue;
            facts.refunds.push({ refundId: `re_${n}`, amountMinor: amount, status: ev.status, orderId: ev.forOrder ? o.orderId : null, at });
            returned += amount;
            if (ev.forOrder) left.set(o.orderId, left.get(o.orderId)! - amount);
            else recomputeLeft(ledger, left, facts, orders);
          } else if (ev.t === 'fail') {
            const open = facts.refunds.filter((r) => r.status === 'succeeded' || r.status === 'pending');
            if (!open.length) continue;
            const r = open[ev.which % open.length]!;
            r.status = 'failed';
            returned -= r.amountMinor;
          } else if (ev.t === 'dispute') {
            const amount = Math.floor((paid - returned) * ev.share);
            if (amount <= 0 || facts.lostDisputes.length) continue;
            facts.lostDisputes.push({ disputeId: `dp_${n}`, lostAmountMinor: amount, at });
            returned += amount;
          } else if (ev.t === 'payable') {
            const o = orders[ev.order % orders.length]!;
            facts.payableOrders = [...(facts.payableOrders ?? []).filter((p) => p.orderId !== o.orderId), { orderId: o.orderId, at }];
          } else if (ev.t === 'fee') {
            const feeOrders: FeeOrder[] = orders.map((o, i) => ({ orderId: o.orderId, passToSellers: !!orderSpecs[i]!.passFees, lines: ledger.posted.lines.filter((l) => l.orderId === o.orderId) }));
            const entry = feeEntry({ balanceTransactionId: `txn_${n}`, checkoutId: 'c', feeMinor: ev.fee, currency: 'CNY', at, orders: feeOrders });
            const onSellers = entry.lines.filter((l) => l.account.kind === 'SELLER_PENDING' || l.account.kind === 'SELLER_PAYABLE');
            // Only orders whose terms pass fees on charge their sellers, never more than the fee, each a debit on that order.
            for (const l of onSellers) {
              expect(orderSpecs[orders.findIndex((o) => o.orderId === l.orderId)]!.passFees).toBe(true);
              expect(l.amountMinor).toBeGreaterThan(0);
            }
            const onPlatform = entry.lines.filter((l) => l.account.kind === 'STRIPE_FEES').reduce((a, l) => a + l.amountMinor, 0);
            expect(onSellers.reduce((a, l) => a + l.amountMinor, 0) + onPlatform).toBe(ev.fee);
            if (orderSpecs.every((o) => !o.passFees)) expect(onPlatform).toBe(ev.fee);
            expect(ledger.insert(entry)).toBe(true);
            fees += ev.fee;
            passedOn += ev.fee - onPlatform;
            continue;
          }
          settle();
          recomputeLeft(ledger, left, facts, orders);
          if (ev.t === 'replay') expect(settle()).toBe(0);
        }
        // Running again from the same facts posts nothing: no event twice.
        expect(settle()).toBe(0);
        expect(new Set(ledger.entries.map((e) => e.eventKey)).size).toBe(ledger.entries.length);
        for (const e of ledger.entries) {
          assertBalanced(e);
          expect(sumsByCurrency(e.lines).size).toBe(0);
        }
        const owed = 0 - ledger.balance((l) => l.account.kind === 'SELLER_PENDING' || l.account.kind === 'SELLER_PAYABLE' || l.account.kind === 'PLATFORM_COMMISSION' || l.account.kind === 'TAX_PAYABLE');
        // An order past its return window has nothing pending: its sellers' shares are all payable.
        for (const p of facts.payableOrders ?? []) {
          if (ledger.entries.some((e) => e.eventKey === `order-payable:${p.orderId}`)) expect(ledger.balance((l) => l.orderId === p.orderId && l.account.kind === 'SELLER_PENDING')).toBe(0);
        }
        expect(owed).toBe(paid - returned - passedOn);
        expect(ledger.balance((l) => l.account.kind === 'STRIPE_FEES')).toBe(fees - passedOn);
        expect(ledger.balance((l) => l.account.kind === 'STRIPE_CLEARING')).toBe(paid - returned - fees);
        // The tax owed to customs never goes below zero nor above what was collected.
        const tax = -ledger.balance((l) => l.account.kind === 'TAX_PAYABLE');
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(tax).toBeLessThanOrEqual(orders.reduce((a, o) => a + o.taxMinor, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('a full refund of every order brings every account back to zero', () => {
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 3 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), (specs, shares) => {
        const orders = specs.map((o, i) => toOrder(i, o));
        const facts: CheckoutFacts = { checkoutId: 'c', paidOrderIds: orders.map((o) => o.orderId), paidOrders: orders, refunds: [], lostDisputes: [] };
        const ledger = new Ledger();
        const run = () => planEntries(facts, ledger.posted).entries.forEach((e) => ledger.insert(e));
        run();
        orders.forEach((o, i) => {
          let left = o.totalMinor;
          shares.forEach((s, k) => {
            const amount = Math.floor(left * s);
            if (amount <= 0) return;
            facts.refunds.push({ refundId: `re_${i}_${k}`, amountMinor: amount, status: 'succeeded', orderId: o.orderId, at });
            left -= amount;
            run();
          });
          // Every other order closes its return window midway: the rest is taken back from its payable balance.
          if (i % 2 === 0) {
            facts.payableOrders = [...(facts.payableOrders ?? []), { orderId: o.orderId, at }];
            run();
          }
          if (left > 0) facts.refunds.push({ refundId: `re_${i}_last`, amountMinor: left, status: 'succeeded', orderId: o.orderId, at });
          run();
        });
        const byAccount = new Map<string, number>();
        for (const l of ledger.entries.flatMap((e) => e.lines)) {
          const k = `${l.account.kind}:${l.account.ownerId ?? ''}:${l.component}:${l.orderId}`;
          byAccount.set(k, (byAccount.get(k) ?? 0) + l.amountMinor);
        }
        for (const [k, v] of byAccount) expect([k, v]).toEqual([k, 0]);
      }),
      { numRuns: 200 },
    );
  });
});

/** What each order has left, from the ledger's own lines (refunds without an order and disputes are spread by it). */
function recomputeLeft(ledger: Ledger, left: Map<string, number>, facts: CheckoutFacts, orders: readonly OrderToSettle[]): void {
  const pending = planEntries(facts, ledger.posted).entries.length;
  if (pending) return;
  for (const o of orders) left.set(o.orderId, o.totalMinor + ledger.balance((l) => l.orderId === o.orderId && l.component === 'PAYMENT' && l.amountMinor < 0) + positiveBack(ledger, o.orderId));
}

function positiveBack(ledger: Ledger, orderId: string): number {
  // Restorations of failed refunds are positive PAYMENT lines on top of the paid amount.
  return ledger.entries.filter((e) => e.kind === 'REFUND_FAILED').flatMap((e) => e.lines).filter((l) => l.orderId === orderId && l.component === 'PAYMENT').reduce((a, l) => a + l.amountMinor, 0);
}

describe('payout and transfer reversal entries', () => {
  it('a reversal undoes what a payout took, in balanced entries keyed by payout and by Stripe reversal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (paid, rev) => {
        const reversed = Math.min(paid, rev);
        const p = payoutEntry({ payoutId: 'p1', sellerType: 'MUSEUM', sellerId: MUSEUMS[0]!, amountMinor: paid, currency: 'CNY', at });
        const r = transferReversalEntry({ reversalId: 'trr_1', sellerType: 'MUSEUM', sellerId: MUSEUMS[0]!, amountMinor: reversed, currency: 'CNY', at });
        assertBalanced(p);
        assertBalanced(r);
        expect(r).toMatchObject({ eventKey: 'transfer-reversal:trr_1', kind: 'TRANSFER_REVERSAL', checkoutId: null });
        const seller = [...p.lines, ...r.lines].filter((l) => l.account.kind === 'SELLER_PAYABLE').reduce((s, l) => s + l.amountMinor, 0);
        // Payable is a credit balance (owed = −sum): the payout took `paid`, the reversal gives `reversed` back.
        expect(seller).toBe(paid - reversed);
      }),
    );
    expect(() => transferReversalEntry({ reversalId: 'trr_0', sellerType: 'BRAND', sellerId: BRAND, amountMinor: 0, currency: 'CNY', at })).toThrow(RangeError);
  });
});
