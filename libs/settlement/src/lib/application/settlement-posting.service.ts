import { Injectable, Logger } from '@nestjs/common';
import type { Tx } from '@vitrine/shared/data-access';
import { royaltyInSaleCurrency } from '@vitrine/licensing';
import { assertBalanced, compact, type EntryLine, type JournalEntryDraft } from '../domain/ledger';
import { orderLedgerState, reversalLines, type OrderLedgerLine } from '../domain/reversal';
import { allocateOverOrders, orderPaidEntry, type OrderToSettle } from '../domain/split';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { SettlementSourcesRepository, type PaidLineRow, type PaidOrderRow } from '../infrastructure/settlement-sources.repository';

const COUNTS = new Set(['succeeded', 'pending']);
const TAKEN_BACK = new Set(['failed', 'canceled']);

/**
 * Posts a checkout's money events to the ledger, in the caller's transaction (the one that
 * records the payment event): each paid order's split, each refund that counts, each refund
 * Stripe later reported failed, each lost dispute. It reconciles rather than reacts: it reads
 * what the payment facts say and posts what the ledger lacks, each entry under its event key,
 * so calling it twice, or from the webhook and from refundOrder, or from the catch-up, posts
 * each event once. Callers lock the checkout's payment first (webhooks and refunds do), so
 * two posters of one checkout queue.
 */
@Injectable()
export class SettlementPostingService {
  private readonly logger = new Logger(SettlementPostingService.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly sources: SettlementSourcesRepository,
  ) {}

  /** Answers the number of entries written (0 when the ledger was up to date). */
  async settleCheckout(tx: Tx, checkoutId: string): Promise<number> {
    let written = await this.postPaidOrders(tx, checkoutId);
    const orderIds = await this.sources.paidOrderIds(tx, checkoutId);
    if (!orderIds.length) return written;
    const refunds = await this.sources.refundsOf(tx, checkoutId);
    const disputes = await this.sources.lostDisputesOf(tx, checkoutId);
    const keys = await this.ledger.entryExists(tx, [...refunds.flatMap((r) => [`refund:${r.refundId}`, `refund-failed:${r.refundId}`]), ...disputes.map((d) => `dispute-lost:${d.disputeId}`)]);
    for (const r of refunds) {
      if (COUNTS.has(r.status) && !keys.has(`refund:${r.refundId}`)) {
        const amounts = r.orderId && orderIds.includes(r.orderId) ? new Map([[r.orderId, r.amountMinor]]) : await this.spread(tx, orderIds, r.amountMinor);
        if (await this.postReversal(tx, { eventKey: `refund:${r.refundId}`, kind: 'REFUND', checkoutId, occurredAt: r.at }, amounts)) written++;
      } else if (TAKEN_BACK.has(r.status) && keys.has(`refund:${r.refundId}`) && !keys.has(`refund-failed:${r.refundId}`)) {
        // Exactly what the refund took back, per order, is given back.
        const posted = (await this.ledger.entryLines(tx, `refund:${r.refundId}`)).filter((l) => l.component === 'PAYMENT' && l.orderId);
        const amounts = new Map(posted.map((l) => [l.orderId!, l.amountMinor]));
        if (await this.postReversal(tx, { eventKey: `refund-failed:${r.refundId}`, kind: 'REFUND_FAILED', checkoutId, occurredAt: r.at }, amounts)) written++;
      }
    }
    for (const d of disputes) {
      if (keys.has(`dispute-lost:${d.disputeId}`)) continue;
      const amounts = await this.spread(tx, orderIds, d.lostAmountMinor);
      if (await this.postReversal(tx, { eventKey: `dispute-lost:${d.disputeId}`, kind: 'DISPUTE_LOST', checkoutId, occurredAt: d.at }, amounts)) written++;
    }
    return written;
  }

  private async postPaidOrders(tx: Tx, checkoutId: string): Promise<number> {
    const orders = await this.sources.unpostedPaidOrders(tx, checkoutId);
    if (!orders.length) return 0;
    const lines = await this.sources.linesOf(tx, orders.map((o) => o.orderId));
    let written = 0;
    for (const o of orders) {
      const entry = orderPaidEntry(toSettle(o, lines.filter((l) => l.orderId === o.orderId)), o.paidAt);
      assertBalanced(entry);
      if (await this.ledger.insertEntry(tx, entry)) written++;
    }
    return written;
  }

  /** Spreads an amount over the checkout's paid orders in proportion to what each has left. */
  private async spread(tx: Tx, orderIds: readonly string[], amountMinor: number): Promise<Map<string, number>> {
    const states = groupStates(await this.ledger.orderLines(tx, orderIds));
    return allocateOverOrders(amountMinor, orderIds.map((id) => { const s = states.get(id); return { orderId: id, remainingMinor: s ? s.totalMinor - s.reversedMinor : 0 }; }));
  }

  /** One entry reversing (or, negative, restoring) each order's split by its amount. */
  private async postReversal(tx: Tx, head: Omit<JournalEntryDraft, 'lines'>, amounts: ReadonlyMap<string, number>): Promise<boolean> {
    const states = groupStates(await this.ledger.orderLines(tx, [...amounts.keys()]));
    const lines: EntryLine[] = [];
    for (const [orderId, amount] of amounts) {
      const state = states.get(orderId);
      if (!state) continue;
      const r = reversalLines(state, amount);
      if (r.appliedMinor !== amount) this.logger.warn(`${head.eventKey}: order ${orderId} takes ${r.appliedMinor} of ${amount} (its payment has ${state.totalMinor - state.reversedMinor} left)`);
      lines.push(...r.lines);
    }
    const entry = { ...head, lines: compact(lines) };
    if (!entry.lines.length) return false;
    assertBalanced(entry);
    return this.ledger.insertEntry(tx, entry);
  }
}

function groupStates(lines: readonly OrderLedgerLine[]) {
  const by = new Map<string, OrderLedgerLine[]>();
  for (const l of lines) if (l.orderId) by.set(l.orderId, [...(by.get(l.orderId) ?? []), l]);
  return new Map([...by].map(([id, ls]) => [id, orderLedgerState(ls)]));
}

/** An order and its lines as settlement splits them; the royalty is licensing's rule, in the order's currency. */
export function toSettle(o: PaidOrderRow, lines: readonly PaidLineRow[]): OrderToSettle {
  const museum = { type: 'MUSEUM' as const, id: o.museumId };
  const brand = o.fulfilledByBrandId ? { type: 'BRAND' as const, id: o.fulfilledByBrandId } : null;
  return {
    orderId: o.orderId,
    checkoutId: o.checkoutId,
    museumId: o.museumId,
    shipper: brand ?? museum,
    currency: o.currency.trim(),
    shippingMinor: o.shippingMinor,
    insuranceMinor: o.insuranceMinor,
    taxMinor: o.taxMinor,
    totalMinor: o.totalMinor,
    lines: lines.map((l) => ({
      goodsMinor: l.goodsMinor,
      commissionRateBps: l.commissionRateBps,
      fulfiller: brand && l.licensedBrandId === brand.id ? brand : museum,
      royaltyMinor: l.royaltyRateBps != null ? royaltyInSaleCurrency({ quantity: l.quantity, netSaleMinor: l.goodsMinor, currency: l.currency.trim() }, l.royaltyRateBps) : 0,
    })),
  };
}
