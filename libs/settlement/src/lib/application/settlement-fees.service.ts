import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { disputeFeeEntry, feeEntry } from '../domain/posting-plan';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { SettlementSourcesRepository } from '../infrastructure/settlement-sources.repository';
import { StripeFeeReader } from './stripe-fee-reader';

/** Stripe has not written the charge's balance transaction yet: the job retries later. */
export class FeeNotYetAvailableError extends Error {}

/**
 * Posts Stripe's fee on a paid checkout's charge (out of the money at Stripe: the platform's
 * expense, or the sellers' for orders whose storefront's terms pass fees on, feeEntry), once: the entry's key is the balance transaction (`fee:<txn_…>`), and a checkout
 * whose fee is in the ledger is not asked about again. Run by the `settlement.stripe-fee` job,
 * which the posting of a paid order writes to the outbox in the payment event's transaction.
 */
@Injectable()
export class SettlementFeesService {
  constructor(
    private readonly sources: SettlementSourcesRepository,
    private readonly ledger: LedgerRepository,
    private readonly prisma: PrismaService,
    private readonly reader: StripeFeeReader,
  ) {}

  async postFee(checkoutId: string): Promise<'posted' | 'already-posted' | 'not-paid' | 'no-fee'> {
    const payment = await this.sources.paymentOf(checkoutId);
    if (!payment || payment.status !== 'SUCCEEDED') return 'not-paid';
    if (await this.sources.feePosted(checkoutId)) return 'already-posted';
    const fee = await this.reader.feeOf(payment.providerPaymentId);
    if (!fee) throw new FeeNotYetAvailableError(`no balance transaction yet for the charge of checkout ${checkoutId}`);
    if (fee.feeMinor === 0) return 'no-fee';
    // Where the fee falls: each paid order's part on the platform, or on its sellers when its
    // storefront's terms pass fees on, by what they are owed on it: read under the payment's
    // lock, so no refund or payment entry of the checkout is written in between.
    const terms = await this.sources.feeTermsOf(checkoutId);
    const written = await this.prisma.$transaction(async (tx) => {
      await this.sources.lockPayment(tx, checkoutId);
      const lines = await this.ledger.orderLines(tx, terms.map((t) => t.orderId));
      const orders = terms.map((t) => ({ orderId: t.orderId, passToSellers: t.passStripeFees, lines: lines.filter((l) => l.orderId === t.orderId) }));
      return this.ledger.insertEntry(tx, feeEntry({ balanceTransactionId: fee.balanceTransactionId, checkoutId, feeMinor: fee.feeMinor, currency: fee.currency, at: new Date(), orders }));
    });
    return written ? 'posted' : 'already-posted';
  }

  /**
   * Posts Stripe's fee on a lost dispute once (`dispute-fee:<dp_…>`), borne by the sellers the
   * dispute took from (disputeFeeEntry). Run by the `settlement.dispute-fee` job, written to the
   * outbox with the dispute's `dispute-lost:` entry.
   */
  async postDisputeFee(disputeId: string): Promise<'posted' | 'already-posted' | 'not-lost' | 'no-fee'> {
    if ((await this.ledger.entryWithAccounts(`dispute-fee:${disputeId}`)) !== null) return 'already-posted';
    const lost = await this.ledger.entryWithAccounts(`dispute-lost:${disputeId}`);
    if (!lost) return 'not-lost';
    const fee = await this.reader.disputeFeeOf(disputeId);
    if (!fee) throw new FeeNotYetAvailableError(`no balance transaction yet for dispute ${disputeId}`);
    if (fee.feeMinor <= 0) return 'no-fee';
    const entry = disputeFeeEntry({ disputeId, checkoutId: lost.checkoutId, feeMinor: fee.feeMinor, currency: fee.currency, at: new Date(), sellerDebits: lost.lines });
    const written = await this.prisma.$transaction((tx) => this.ledger.insertEntry(tx, entry));
    return written ? 'posted' : 'already-posted';
  }
}
