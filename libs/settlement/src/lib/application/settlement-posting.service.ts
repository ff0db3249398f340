import { Inject, Injectable, Logger } from '@nestjs/common';
import { PrismaService, type Tx } from '@vitrine/shared/data-access';
import { royaltyInSaleCurrency } from '@vitrine/licensing';
import { enqueueJob } from '@vitrine/shared/jobs';
import { planEntries } from '../domain/posting-plan';
import type { OrderToSettle } from '../domain/split';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { SettlementSourcesRepository, type PaidLineRow, type PaidOrderRow } from '../infrastructure/settlement-sources.repository';
import { SETTLEMENT_SETTINGS, type SettlementSettings } from './settlement-settings';
import { disputeFeeJob, stripeFeeJob } from '../jobs/settlement.jobs';
import { TransferReversalPlanner } from './transfer-reversals.service';

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
    private readonly prisma: PrismaService,
    @Inject(SETTLEMENT_SETTINGS) private readonly settings: SettlementSettings,
    private readonly reversals: TransferReversalPlanner,
  ) {}

  /**
   * Posts what the ledger lacks for every checkout behind, one transaction per checkout that
   * first locks its payment (as webhooks and refunds do, so they queue with it). At most
   * `batches` × `size` checkouts a run, in checkout id order; answers how many checkouts and entries it posted.
   */
  async catchUp(size = 200, batches = 50, now = new Date()): Promise<{ checkouts: number; entries: number }> {
    let checkouts = 0;
    let entries = 0;
    let after: string | null = null;
    for (let b = 0; b < batches; b++) {
      const behind = await this.sources.checkoutsBehind(size, after, this.settings.returnWindowDays, now);
      if (!behind.length) break;
      for (const checkoutId of behind) {
        const n = await this.prisma.$transaction(async (tx) => {
          await this.sources.lockPayment(tx, checkoutId);
          return this.settleCheckout(tx, checkoutId, now);
        });
        if (n) checkouts++;
        entries += n;
      }
      // By checkout id, so facts the plan cannot post (a refund of an order with nothing left) never hold the run up.
      after = behind[behind.length - 1]!;
    }
    return { checkouts, entries };
  }

  /** Answers the number of entries written (0 when the ledger was up to date). */
  async settleCheckout(tx: Tx, checkoutId: string, now = new Date()): Promise<number> {
    const paidOrderIds = await this.sources.paidOrderIds(tx, checkoutId);
    if (!paidOrderIds.length) return 0;
    const unposted = await this.sources.unpostedPaidOrders(tx, checkoutId);
    const lines = await this.sources.linesOf(tx, unposted.map((o) => o.orderId));
    const refunds = await this.sources.refundsOf(tx, checkoutId);
    const lostDisputes = await this.sources.lostDisputesOf(tx, checkoutId);
    const payableOrders = await this.sources.payableOrders(tx, checkoutId, this.settings.returnWindowDays, now);
    const postedLines = await this.ledger.orderLines(tx, paidOrderIds);
    const eventKeys = await this.ledger.entryExists(tx, [
      ...paidOrderIds.map((id) => `order-paid:${id}`),
      ...refunds.flatMap((r) => [`refund:${r.refundId}`, `refund-failed:${r.refundId}`]),
      ...lostDisputes.map((d) => `dispute-lost:${d.disputeId}`),
      ...payableOrders.map((p) => `order-payable:${p.orderId}`),
    ]);
    const { entries, warnings } = planEntries(
      {
        checkoutId,
        paidOrderIds,
        paidOrders: unposted.map((o) => ({ ...toSettle(o, lines.filter((l) => l.orderId === o.orderId)), paidAt: o.paidAt })),
        refunds,
        lostDisputes,
        payableOrders,
      },
      { eventKeys, lines: postedLines },
    );
    for (const w of warnings) this.logger.warn(w);
    let written = 0;
    let paid = false;
    for (const e of entries) {
      if (!(await this.ledger.insertEntry(tx, e))) continue;
      written++;
      paid ||= e.kind === 'ORDER_PAID';
      // A refund that took money already transferred to a seller: reverse that part of the transfer (outbox, this transaction).
      if (e.kind === 'REFUND') await this.reversals.planAfterRefund(tx, e);
      // Stripe's fee on the lost dispute, read by the worker (outbox, this transaction).
      if (e.kind === 'DISPUTE_LOST') await enqueueJob(tx, disputeFeeJob, { disputeId: e.eventKey.slice('dispute-lost:'.length) });
    }
    // Stripe's fee on the charge, fetched by the worker (outbox: this transaction), once per checkout.
    if (paid) await enqueueJob(tx, stripeFeeJob, { checkoutId });
    return written;
  }
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
      platformDiscountMinor: l.platformDiscountMinor,
      commissionRateBps: l.commissionRateBps,
      fulfiller: brand && l.licensedBrandId === brand.id ? brand : museum,
      royaltyMinor: l.royaltyRateBps != null ? royaltyInSaleCurrency({ quantity: l.quantity, netSaleMinor: l.netSaleMinor, currency: l.currency.trim() }, l.royaltyRateBps) : 0,
    })),
  };
}
