import { Injectable, Logger } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import { assertUnreachable } from '@vitrine/shared/kernel';
import { transferReversalEntry } from '../domain/posting-plan';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { PayoutRepository } from '../infrastructure/payout.repository';
import { BankPayoutRepository } from '../infrastructure/bank-payout.repository';
import { bankPayoutJob } from '../jobs/settlement.jobs';

/**
 * A connected account's event as settlement needs it (libs/orders maps Stripe's Connect
 * webhook, verified and parsed by libs/payments, to this; the shapes are the same).
 */
export type ConnectAccountEvent =
  | { kind: 'ACCOUNT_UPDATED'; accountId: string; chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean; currentlyDue: string[]; at: Date }
  | { kind: 'TRANSFER_REVERSALS'; transferId: string; payoutId: string | null; reversals: { id: string; amountMinor: number; currency: string }[] }
  | {
      kind: 'BANK_PAYOUT';
      accountId: string;
      payoutId: string;
      status: 'paid' | 'failed';
      failureCode: string | null;
      failureMessage: string | null;
      amountMinor: number;
      currency: string;
      createdAt: Date;
      at: Date;
    }
  | { kind: 'IGNORED'; type: string };

/**
 * processed; ignored (not ours, or nothing to do); PAYOUT_NOT_YET_KNOWN: ours by metadata but not
 * recorded as paid yet (the caller refuses so Stripe retries); CURRENCY_MISMATCH: a reversal in
 * another currency than the payout it reverses, which the ledger cannot post as it stands (the
 * caller refuses it and writes nothing, so the event stays unprocessed and visible until looked at).
 */
export type ConnectEventOutcome = 'processed' | 'ignored' | 'PAYOUT_NOT_YET_KNOWN' | 'CURRENCY_MISMATCH';

/**
 * Applies Stripe Connect's events in the caller's transaction (the one that claimed the
 * event id, so each event counts once): an account's status (no call to Stripe), transfer
 * reversals (each reversal id recorded and posted once — the seller's payable goes back up),
 * and the account's payouts to its bank (recorded on the account and in seller_bank_payouts,
 * with the `settlement.bank-payout` job in the outbox: the worker asks Stripe which transfers'
 * money each carried, BankPayoutsService).
 */
@Injectable()
export class ConnectEventsService {
  private readonly logger = new Logger(ConnectEventsService.name);

  constructor(
    private readonly payouts: PayoutRepository,
    private readonly ledger: LedgerRepository,
    private readonly bankPayouts: BankPayoutRepository,
  ) {}

  async apply(tx: SqlTx, e: ConnectAccountEvent): Promise<ConnectEventOutcome> {
    switch (e.kind) {
      case 'ACCOUNT_UPDATED': {
        const n = await this.payouts.updateStatus(e.accountId, { chargesEnabled: e.chargesEnabled, payoutsEnabled: e.payoutsEnabled, detailsSubmitted: e.detailsSubmitted, requirements: e.currentlyDue, at: e.at }, tx);
        return n > 0 ? 'processed' : 'ignored';
      }
      case 'TRANSFER_REVERSALS':
        return this.reversals(tx, e);
      case 'BANK_PAYOUT': {
        const n = await this.payouts.recordBankPayout(tx, e.accountId, { payoutId: e.payoutId, status: e.status, failureCode: e.failureCode, at: e.at });
        // Which transfers' money it carried is Stripe's to say (the payout's balance transactions): the worker asks, not this transaction.
        const recorded = await this.bankPayouts.record(tx, { stripePayoutId: e.payoutId, stripeAccountId: e.accountId, status: e.status, failureCode: e.failureCode, failureMessage: e.failureMessage, reportedAt: e.at });
        if (recorded) await enqueueJob(tx, bankPayoutJob, { stripePayoutId: e.payoutId, status: recorded.status });
        return n > 0 || recorded ? 'processed' : 'ignored';
      }
      case 'IGNORED':
        return 'ignored';
      default:
        return assertUnreachable(e);
    }
  }

  private async reversals(tx: SqlTx, e: Extract<ConnectAccountEvent, { kind: 'TRANSFER_REVERSALS' }>): Promise<ConnectEventOutcome> {
    if (!e.reversals.length) return 'ignored';
    const payout = await this.payouts.payoutOfTransferForUpdate(tx, e.transferId, e.payoutId);
    if (!payout) return e.payoutId ? 'PAYOUT_NOT_YET_KNOWN' : 'ignored';
    // The transfer is ours but its PAID row and payout entry are not committed yet: retry later.
    if (payout.status !== 'PAID' || payout.stripeTransferId !== e.transferId) return 'PAYOUT_NOT_YET_KNOWN';
    const foreign = e.reversals.find((r) => r.currency !== payout.currency);
    if (foreign) {
      this.logger.error(`reversal ${foreign.id} of transfer ${e.transferId} in ${foreign.currency}, payout ${payout.id} in ${payout.currency}: refused, nothing posted`);
      return 'CURRENCY_MISMATCH';
    }
    let posted = 0;
    for (const r of e.reversals) {
      if (!(await this.payouts.insertReversal(tx, { payoutId: payout.id, stripeReversalId: r.id, amountMinor: r.amountMinor, currency: r.currency }))) continue;
      await this.ledger.insertEntry(tx, transferReversalEntry({ reversalId: r.id, checkoutId: payout.checkoutId, sellerType: payout.sellerType, sellerId: payout.sellerId, amountMinor: r.amountMinor, currency: r.currency, at: new Date() }));
      posted++;
    }
    return posted ? 'processed' : 'ignored';
  }
}
