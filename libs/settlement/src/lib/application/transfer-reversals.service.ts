import { Injectable, Logger } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import type { JournalEntryDraft } from '../domain/ledger';
import { transferReversalEntry } from '../domain/posting-plan';
import { planRefundReversal, reversalIdempotencyKey, takenFromPayable, type ReversalPart } from '../domain/transfer-reversal';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { PayoutRepository } from '../infrastructure/payout.repository';
import { transferReversalJob, type TransferReversalPayload } from '../jobs/settlement.jobs';
import { PayoutProvider } from './payout-provider';
import type { SellerRef } from './seller-access';

export type ReversalOutcome = { payoutId: string; amountMinor: number; result: 'reversed' | 'already-recorded' | 'refused'; reversalId?: string; code?: string };

const encodeParts = (parts: readonly ReversalPart[]) => parts.map((p) => `${p.payoutId}=${p.amountMinor}`).join(',');
export function decodeParts(s: string): ReversalPart[] {
  return s
    .split(',')
    .filter(Boolean)
    .map((x) => {
      const [payoutId, amount] = x.split('=');
      return { payoutId: payoutId!, amountMinor: Number(amount) };
    });
}

/**
 * Transfer reversals we ask for: a refund or a lost dispute that takes from a seller's payable
 * balance money already transferred to it reverses that part of the transfer (ADR 0014; a lost
 * dispute since the audit of issue 21: "transfer reversal where Stripe allows it").
 *
 * Planned in the take-back's own transaction (`planAfter`, called by the posting that writes the
 * `refund:` or `dispute-lost:` entry): the seller's debt is what the entry took beyond what the
 * seller was still owed (net of payouts in flight and of what earlier entries of the same posting
 * planned), taken from the transfer that carried the order's share, then the others; written to
 * the outbox as one job per entry, seller and currency.
 * Made by the worker (`reverse`): each part under the Stripe idempotency key
 * `vitrine-refund-reversal-<refund>-<payout>` or `vitrine-dispute-reversal-<dp>-<payout>`, then
 * recorded as the payout's reversal (unique on Stripe's reversal id, so the transfer.reversed
 * webhook that follows posts nothing again) with the ledger's `transfer-reversal:<trr_…>` entry
 * (clearing debited, the seller's payable credited: the debt is settled), in one transaction. If
 * Stripe refuses (the connected account no longer holds the money: balance_insufficient), nothing
 * is written: the debt stays on the seller's payable balance and the next payout run nets it.
 */
@Injectable()
export class TransferReversalPlanner {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly payouts: PayoutRepository,
  ) {}

  /**
   * After a posting wrote these entries in `tx`: plans the reversals its refunds and lost disputes
   * call for, one outbox job per entry, seller and currency. Entries taking from the same seller in
   * one posting (a refund and a lost dispute caught up together) share its debt and its transfers:
   * the balance read after both shows the debt once, and a transfer's reversed amount does not
   * show what an earlier one planned yet, so each later one plans only what the earlier ones left.
   */
  async planAfter(tx: SqlTx, written: readonly JournalEntryDraft[]): Promise<number> {
    const planned = new Map<string, number>();
    const plannedOn = new Map<string, number>();
    let jobs = 0;
    for (const entry of written) {
      for (const t of takenFromPayable(entry)) {
        const seller: SellerRef = { sellerType: t.sellerType, sellerId: t.sellerId };
        const transfers = (await this.payouts.paidTransfers(tx, seller, t.currency)).map((x) => ({ ...x, reversedMinor: x.reversedMinor + (plannedOn.get(x.payoutId) ?? 0) }));
        if (!transfers.length) continue;
        const [balance] = await this.ledger.balancesIn(tx, { kinds: ['SELLER_PAYABLE'], owners: [{ ownerType: t.sellerType, ownerId: t.sellerId }] }, t.currency);
        const owedAfter = -(balance?.balanceMinor ?? 0) - (await this.payouts.pendingMinor(tx, seller, t.currency));
        const times = [...(await this.ledger.entryTimes(tx, t.orderIds.map((id) => `order-payable:${id}`))).values()];
        const payableSince = times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null;
        const key = `${t.sellerType}:${t.sellerId}:${t.currency}`;
        const parts = planRefundReversal({ takenMinor: t.amountMinor, owedAfterMinor: owedAfter, payableSince, transfers, checkoutId: entry.checkoutId, plannedMinor: planned.get(key) ?? 0 });
        if (!parts.length) continue;
        planned.set(key, (planned.get(key) ?? 0) + parts.reduce((s, p) => s + p.amountMinor, 0));
        for (const p of parts) plannedOn.set(p.payoutId, (plannedOn.get(p.payoutId) ?? 0) + p.amountMinor);
        const payload: TransferReversalPayload = { refundKey: entry.eventKey, sellerType: t.sellerType, sellerId: t.sellerId, currency: t.currency, parts: encodeParts(parts) };
        await enqueueJob(tx, transferReversalJob, payload);
        jobs++;
      }
    }
    return jobs;
  }
}

/** The worker's half: makes the planned reversals at Stripe and records them (see TransferReversalPlanner). */
@Injectable()
export class TransferReversalsService {
  private readonly logger = new Logger(TransferReversalsService.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly payouts: PayoutRepository,
    private readonly provider: PayoutProvider,
    private readonly prisma: PrismaService,
  ) {}

  /** The worker's job: makes each planned reversal at Stripe and records it once. Throws (the job retries, same keys) when Stripe cannot be reached. */
  async reverse(p: TransferReversalPayload): Promise<ReversalOutcome[]> {
    const out: ReversalOutcome[] = [];
    for (const part of decodeParts(p.parts)) {
      const payout = await this.payouts.payoutById(part.payoutId);
      if (!payout?.stripeTransferId || payout.sellerType !== p.sellerType || payout.sellerId !== p.sellerId || payout.currency !== p.currency) {
        this.logger.error(`transfer reversal for ${p.refundKey}: payout ${part.payoutId} is not a paid transfer of ${p.sellerType} ${p.sellerId} in ${p.currency}; skipped`);
        continue;
      }
      const made = await this.provider.reverseTransfer({
        transferId: payout.stripeTransferId,
        amountMinor: part.amountMinor,
        metadata: { vitrine_refund: p.refundKey, vitrine_payout_id: payout.id },
        idempotencyKey: reversalIdempotencyKey(p.refundKey, payout.id),
      });
      if ('refused' in made) {
        this.logger.warn(`transfer ${payout.stripeTransferId} not reversed for ${p.refundKey} (${made.refused}): ${part.amountMinor} ${p.currency} stays owed by ${p.sellerType} ${p.sellerId}, netted from its next payout`);
        out.push({ ...part, result: 'refused', code: made.refused });
        continue;
      }
      const recorded = await this.prisma.$transaction(async (tx) => {
        const locked = await this.payouts.payoutOfTransferForUpdate(tx, payout.stripeTransferId!, payout.id);
        if (!locked) return false;
        if (!(await this.payouts.insertReversal(tx, { payoutId: payout.id, stripeReversalId: made.id, amountMinor: made.amountMinor, currency: made.currency }))) return false;
        await this.ledger.insertEntry(tx, transferReversalEntry({ reversalId: made.id, checkoutId: payout.checkoutId, sellerType: payout.sellerType, sellerId: payout.sellerId, amountMinor: made.amountMinor, currency: made.currency, at: new Date() }));
        return true;
      });
      out.push({ ...part, result: recorded ? 'reversed' : 'already-recorded', reversalId: made.id });
    }
    return out;
  }
}
