import fc from 'fast-check';
import { AccountKind, assertBalanced, sumsByCurrency, type JournalEntryDraft } from './ledger';
import { allocatePayout, type CheckoutOwed } from './payout-allocation';
import { feeEntry, payoutEntry, planEntries, transferReversalEntry, type CheckoutFacts, type PostedLedger } from './posting-plan';
import { remittanceRefusal, taxRemittanceEntry } from './tax-remittance';
import type { OrderToSettle } from './split';

/**
 * Issue 21's ledger properties with payouts in the sequence: over random checkouts (museum
 * products and co-branded ones the brand ships), partial refunds, lost disputes, return windows
 * closing, Stripe fees (some storefronts passing them on), payout runs (new ones and replays of a
 * run), Stripe's transfer reversals and tax remitted to customs (ADR 0031):
 * - every entry balances and each event is posted once;
 * - no seller is paid twice: a run pays each seller exactly its positive payable balance (after
 *   it the seller is owed nothing payable, or keeps its debt), a replayed run pays nothing, and
 *   what a seller was paid (less reversals) never exceeds what became payable to it;
 * - seller payouts + what sellers are still owed + commission + tax + the fees passed on to
 *   sellers + tax remitted = what shoppers paid − refunded − lost in disputes; Stripe clearing holds
 *   that less every fee, every payout and every remittance; the tax owed never goes below zero.
 * The payout run's order of work is PayoutsService.runAs: each seller's payable balance, split
 * by allocatePayout into one transfer per checkout, each posted as `payout:<row>`.
 */
const MUSEUMS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
const BRAND = '00000000-0000-4000-8000-0000000000b1';
const at = new Date('2026-12-06T00:00:00Z');

const orderArb = fc.record({
  museum: fc.constantFrom(...MUSEUMS),
  byBrand: fc.boolean(),
  shippingMinor: fc.integer({ min: 0, max: 5_000 }),
  taxMinor: fc.integer({ min: 0, max: 40_000 }),
  goods: fc.array(fc.record({ goodsMinor: fc.integer({ min: 1, max: 200_000 }), rateBps: fc.integer({ min: 0, max: 10_000 }), royaltyBps: fc.integer({ min: 0, max: 3_000 }) }), { minLength: 1, maxLength: 3 }),
});
const checkoutArb = fc.record({ orders: fc.array(orderArb, { minLength: 1, maxLength: 2 }), passFees: fc.boolean() });
const eventArb = fc.oneof(
  fc.record({ t: fc.constant('refund' as const), checkout: fc.nat(), order: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ t: fc.constant('dispute' as const), checkout: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ t: fc.constant('payable' as const), checkout: fc.nat(), order: fc.nat() }),
  fc.record({ t: fc.constant('fee' as const), checkout: fc.nat(), fee: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ t: fc.constant('run' as const), replay: fc.boolean() }),
  fc.record({ t: fc.constant('reversal' as const), payout: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ t: fc.constant('remit' as const), share: fc.double({ min: 0, max: 1.2, noNaN: true }) }),
);

type Seller = { type: 'MUSEUM' | 'BRAND'; id: string };
const sellerKey = (s: Seller) => `${s.type}:${s.id}`;

class Ledger {
  readonly entries: JournalEntryDraft[] = [];
  insert(e: JournalEntryDraft): boolean {
    if (this.entries.some((x) => x.eventKey === e.eventKey)) return false;
    assertBalanced(e);
    this.entries.push(e);
    return true;
  }
  posted(orderIds: ReadonlySet<string>): PostedLedger {
    return {
      eventKeys: new Set(this.entries.map((e) => e.eventKey)),
      lines: this.entries.flatMap((e) => e.lines.filter((l) => l.orderId && orderIds.has(l.orderId)).map((l) => ({ ...l, kind: e.kind, eventKey: e.eventKey }))),
    };
  }
  sum(pred: (l: JournalEntryDraft['lines'][number], e: JournalEntryDraft) => boolean): number {
    return this.entries.reduce((a, e) => a + e.lines.filter((l) => pred(l, e)).reduce((b, l) => b + l.amountMinor, 0), 0);
  }
}

describe('settlement with payouts over random sequences of checkouts, refunds, disputes, return windows, fees, payout runs and transfer reversals', () => {
  it('balances every entry, pays no seller twice, and payouts + owed + commission + tax + fees on sellers + tax remitted = paid − refunded − lost', () => {
    fc.assert(
      fc.property(fc.array(checkoutArb, { minLength: 1, maxLength: 4 }), fc.array(eventArb, { maxLength: 20 }), (specs, events) => {
        const ledger = new Ledger();
        const checkouts = specs.map((spec, c) => {
          const checkoutId = `c${c}`;
          const orders: (OrderToSettle & { paidAt: Date })[] = spec.orders.map((o, i) => {
            const museum: Seller = { type: 'MUSEUM', id: o.museum };
            const brand: Seller | null = o.byBrand ? { type: 'BRAND', id: BRAND } : null;
            const lines = o.goods.map((g) => ({ goodsMinor: g.goodsMinor, commissionRateBps: g.rateBps, fulfiller: brand ?? museum, royaltyMinor: brand ? Math.round((g.goodsMinor * g.royaltyBps) / 10_000) : 0 }));
            const goods = lines.reduce((a, l) => a + l.goodsMinor, 0);
            return {
              orderId: `00000000-0000-4000-9000-${String(c * 10 + i).padStart(12, '0')}`,
              checkoutId,
              museumId: o.museum,
              shipper: brand ?? museum,
              currency: 'CNY',
              shippingMinor: o.shippingMinor,
              insuranceMinor: 0,
              taxMinor: o.taxMinor,
              totalMinor: goods + o.shippingMinor + o.taxMinor,
              lines,
              paidAt: at,
            };
          });
          const facts: CheckoutFacts = { checkoutId, paidOrderIds: orders.map((o) => o.orderId), paidOrders: orders, refunds: [], lostDisputes: [] };
          return { checkoutId, orders, facts, ids: new Set(orders.map((o) => o.orderId)), left: new Map(orders.map((o) => [o.orderId, o.totalMinor])), disputed: false, passFees: spec.passFees, feeN: 0 };
        });
        const settle = (c: (typeof checkouts)[number]) => {
          const plan = planEntries(c.facts, ledger.posted(c.ids));
          expect(plan.warnings).toEqual([]);
          for (const e of plan.entries) expect(ledger.insert(e)).toBe(true);
        };
        checkouts.forEach(settle);
        const paid = checkouts.reduce((a, c) => a + c.orders.reduce((b, o) => b + o.totalMinor, 0), 0);
        const sellers: Seller[] = [...new Map(checkouts.flatMap((c) => c.orders.flatMap((o) => [{ type: 'MUSEUM' as const, id: o.museumId }, o.shipper])).map((s) => [sellerKey(s), s])).values()];
        const isPayable = (s: Seller) => (l: JournalEntryDraft['lines'][number]) => l.account.kind === AccountKind.SELLER_PAYABLE && l.account.ownerType === s.type && l.account.ownerId === s.id;
        const payableOwed = (s: Seller) => 0 - ledger.sum(isPayable(s));
        const payouts: { id: string; seller: Seller; checkoutId: string | null; amount: number; reversed: number }[] = [];
        let returned = 0;
        let fees = 0;
        let passedOn = 0;
        let runs = 0;
        let remitted = 0;
        let n = 0;

        for (const ev of events) {
          n++;
          if (ev.t === 'refund') {
            const c = checkouts[ev.checkout % checkouts.length]!;
            if (c.disputed) continue;
            const o = c.orders[ev.order % c.orders.length]!;
            const amount = Math.floor(c.left.get(o.orderId)! * ev.share);
            if (amount <= 0) continue;
            c.facts.refunds.push({ refundId: `re_${n}`, amountMinor: amount, status: 'succeeded', orderId: o.orderId, at });
            c.left.set(o.orderId, c.left.get(o.orderId)! - amount);
            returned += amount;
            settle(c);
          } else if (ev.t === 'dispute') {
            const c = checkouts[ev.checkout % checkouts.length]!;
            const room = [...c.left.values()].reduce((a, v) => a + v, 0);
            const amount = Math.floor(room * ev.share);
            if (c.disputed || amount <= 0) continue;
            c.disputed = true;
            c.facts.lostDisputes.push({ disputeId: `dp_${n}`, lostAmountMinor: amount, at });
            returned += amount;
            settle(c);
          } else if (ev.t === 'payable') {
            const c = checkouts[ev.checkout % checkouts.length]!;
            const o = c.orders[ev.order % c.orders.length]!;
            c.facts.payableOrders = [...(c.facts.payableOrders ?? []).filter((p) => p.orderId !== o.orderId), { orderId: o.orderId, at }];
            settle(c);
          } else if (ev.t === 'fee') {
            const c = checkouts[ev.checkout % checkouts.length]!;
            if (c.feeN++) continue; // one charge, one fee per checkout
            const lines = ledger.posted(c.ids).lines;
            const entry = feeEntry({ balanceTransactionId: `txn_${c.checkoutId}`, checkoutId: c.checkoutId, feeMinor: ev.fee, currency: 'CNY', at, orders: c.orders.map((o) => ({ orderId: o.orderId, passToSellers: c.passFees, lines: lines.filter((l) => l.orderId === o.orderId) })) });
            expect(ledger.insert(entry)).toBe(true);
            fees += ev.fee;
            passedOn += ev.fee - entry.lines.filter((l) => l.account.kind === AccountKind.STRIPE_FEES).reduce((a, l) => a + l.amountMinor, 0);
          } else if (ev.t === 'run') {
            // A replay runs the last run again under its key (the same payout rows); otherwise a new run.
            const key = ev.replay && runs > 0 ? `run-${runs}` : `run-${++runs}`;
            const replayed = payouts.some((p) => p.id.startsWith(`${key}:`));
            for (const s of sellers) {
              const before = payableOwed(s);
              const planned = replayed
                ? payouts.filter((p) => p.id.startsWith(`${key}:${sellerKey(s)}:`))
                : allocatePayout(before, owedByCheckout(ledger, checkouts, s)).map((part) => ({ id: `${key}:${sellerKey(s)}:${part.checkoutId ?? '-'}`, seller: s, checkoutId: part.checkoutId, amount: part.amountMinor, reversed: 0 }));
              for (const p of planned) {
                const posted = ledger.insert(payoutEntry({ payoutId: p.id, checkoutId: p.checkoutId, sellerType: s.type, sellerId: s.id, amountMinor: p.amount, currency: 'CNY', at }));
                expect(posted).toBe(!replayed);
                if (posted) payouts.push(p);
              }
              // A run pays exactly the positive payable balance: nothing payable left, or the debt kept; a replay pays nothing.
              expect(payableOwed(s)).toBe(replayed ? before : Math.min(before, 0));
            }
          } else if (ev.t === 'remit') {
            // The operator records a payment to customs; more than is owed is refused and writes nothing.
            const owedTax = 0 - ledger.sum((l) => l.account.kind === AccountKind.TAX_PAYABLE);
            const r = { reference: `CUS-${n}`, amountMinor: Math.max(1, Math.floor(owedTax * ev.share)), currency: 'CNY' };
            if (remittanceRefusal(r, new Map([['CNY', owedTax]]))) {
              expect(r.amountMinor).toBeGreaterThan(owedTax);
              continue;
            }
            expect(ledger.insert(taxRemittanceEntry(r, at))).toBe(true);
            remitted += r.amountMinor;
            expect(0 - ledger.sum((l) => l.account.kind === AccountKind.TAX_PAYABLE)).toBeGreaterThanOrEqual(0);
          } else if (ev.t === 'reversal') {
            if (!payouts.length) continue;
            const p = payouts[ev.payout % payouts.length]!;
            const amount = Math.floor((p.amount - p.reversed) * ev.share);
            if (amount <= 0) continue;
            const entry = transferReversalEntry({ reversalId: `trr_${n}`, checkoutId: p.checkoutId, sellerType: p.seller.type, sellerId: p.seller.id, amountMinor: amount, currency: 'CNY', at });
            expect(ledger.insert(entry)).toBe(true);
            // The same Stripe reversal reported again (transfer.updated, a replay): posted once.
            expect(ledger.insert({ ...entry })).toBe(false);
            p.reversed += amount;
          }
        }

        for (const e of ledger.entries) expect(sumsByCurrency(e.lines).size).toBe(0);
        expect(new Set(ledger.entries.map((e) => e.eventKey)).size).toBe(ledger.entries.length);
        for (const s of sellers) {
          // Never paid more than became payable to it: what order entries credited its payable account.
          const netPaid = payouts.filter((p) => sellerKey(p.seller) === sellerKey(s)).reduce((a, p) => a + p.amount - p.reversed, 0);
          const madePayable = 0 - ledger.sum((l, e) => isPayable(s)(l) && l.amountMinor < 0 && e.kind === 'ORDER_PAYABLE');
          expect(netPaid).toBeLessThanOrEqual(madePayable);
        }
        const netPayouts = payouts.reduce((a, p) => a + p.amount - p.reversed, 0);
        const owed = 0 - ledger.sum((l) => l.account.kind === AccountKind.SELLER_PENDING || l.account.kind === AccountKind.SELLER_PAYABLE);
        const commission = 0 - ledger.sum((l) => l.account.kind === AccountKind.PLATFORM_COMMISSION);
        const tax = 0 - ledger.sum((l) => l.account.kind === AccountKind.TAX_PAYABLE);
        expect(netPayouts + owed + commission + tax + passedOn + remitted).toBe(paid - returned);
        expect(ledger.sum((l) => l.account.kind === AccountKind.STRIPE_FEES)).toBe(fees - passedOn);
        expect(ledger.sum((l) => l.account.kind === AccountKind.STRIPE_CLEARING)).toBe(paid - returned - fees - netPayouts - remitted);
      }),
      { numRuns: 300 },
    );
  });
});

/** What the seller is owed per checkout on its payable account: its orders' lines, and the payouts and reversals posted under the checkout. */
function owedByCheckout(ledger: Ledger, checkouts: readonly { checkoutId: string; ids: ReadonlySet<string> }[], s: Seller): CheckoutOwed[] {
  return checkouts.map((c) => ({
    checkoutId: c.checkoutId,
    since: at,
    owedMinor: 0 - ledger.sum((l, e) => l.account.kind === AccountKind.SELLER_PAYABLE && l.account.ownerType === s.type && l.account.ownerId === s.id && (l.orderId ? c.ids.has(l.orderId) : e.checkoutId === c.checkoutId)),
  }));
}
