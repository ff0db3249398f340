import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { BankPayoutRepository } from '../infrastructure/bank-payout.repository';
import { PayoutProvider } from './payout-provider';

export type BankPayoutMatch = { stripePayoutId: string; status: 'paid' | 'failed'; payments: number; transfers: number } | { stripePayoutId: string; skipped: 'NOT_RECORDED' };

/** Failed payouts followed back through `payout_failure` transactions, at most (a chain longer than this is not Stripe's). */
const MAX_PAYOUTS_FOLLOWED = 20;

/**
 * The worker's half of a bank payout (the webhook records it and writes the job, without calling
 * Stripe): Stripe says which money a connected account's payout to its bank took through the
 * payout's balance transactions; each transfer's money is its destination payment (py_…) on the
 * connected account, stored on seller_payouts when the transfer is made. The payout's status is
 * recorded on exactly those transfers (ADR 0014). A payout that carries the money of a payout
 * that failed earlier lists a `payout_failure` transaction whose source is that payout: its
 * balance transactions are followed too, so the money carried again is marked paid even when
 * the failure has not been matched yet.
 */
@Injectable()
export class BankPayoutsService {
  private readonly logger = new Logger(BankPayoutsService.name);

  constructor(
    private readonly bankPayouts: BankPayoutRepository,
    private readonly provider: PayoutProvider,
    private readonly prisma: PrismaService,
  ) {}

  /** Matches the payout's status as now recorded. Safe to run twice; throws (the job retries) when Stripe cannot be reached. */
  async match(stripePayoutId: string): Promise<BankPayoutMatch> {
    const recorded = await this.bankPayouts.find(stripePayoutId);
    if (!recorded) return { stripePayoutId, skipped: 'NOT_RECORDED' };
    await this.fillDestinationPayments(recorded.stripeAccountId);
    const payments = await this.paymentsCarried(recorded.stripeAccountId, stripePayoutId);
    return this.prisma.$transaction(async (tx) => {
      // The status as stored now (a later report may have come in while Stripe answered).
      const b = (await this.bankPayouts.find(stripePayoutId, tx, true))!;
      const transfers = await this.bankPayouts.applyToTransfers(tx, b, [...payments]);
      await this.bankPayouts.markMatched(tx, stripePayoutId, b.status, transfers);
      if (b.status === 'failed' && transfers > 0) {
        this.logger.warn(`payout ${stripePayoutId} of connected account ${b.stripeAccountId} to its bank failed (${b.failureCode ?? 'no code'}): ${transfers} transfer(s) not paid out`);
      }
      return { stripePayoutId, status: b.status, payments: payments.size, transfers };
    });
  }

  /** Transfers of the account made before their destination payment was stored (or Stripe gave none then): read it now. */
  private async fillDestinationPayments(stripeAccountId: string): Promise<void> {
    for (const t of await this.bankPayouts.transfersWithoutPayment(stripeAccountId)) {
      const payment = await this.provider.transferDestinationPayment(t.stripeTransferId);
      if (payment) await this.bankPayouts.setDestinationPayment(t.id, payment);
    }
  }

  /** The sources of the payout's balance transactions, following failed payouts whose money it carried again. */
  private async paymentsCarried(accountId: string, payoutId: string): Promise<Set<string>> {
    const sources = new Set<string>();
    const followed = new Set([payoutId]);
    const queue = [payoutId];
    while (queue.length) {
      const po = queue.shift()!;
      for (const t of await this.provider.bankPayoutTransactions(accountId, po)) {
        if (!t.source) continue;
        if (t.type === 'payout_failure') {
          if (!followed.has(t.source) && followed.size < MAX_PAYOUTS_FOLLOWED) {
            followed.add(t.source);
            queue.push(t.source);
          }
        } else if (t.type !== 'payout') {
          sources.add(t.source);
        }
      }
    }
    return sources;
  }
}
