import { Injectable } from '@nestjs/common';
import { HandlesJob, MicroBatcher, type JobHandler } from '@vitrine/shared/jobs';
import { PayoutsService } from '../application/payouts.service';
import { SettlementFeesService } from '../application/settlement-fees.service';
import { SettlementPostingService } from '../application/settlement-posting.service';
import { BankPayoutsService } from '../application/bank-payouts.service';
import { bankPayoutJob, disputeFeeJob, payoutRunJob, settlementCatchUpJob, stripeFeeJob, stripeFeeJobOnSettlementQueue, transferReversalJob, type BankPayoutPayload, type DisputeFeePayload, type SettlementCatchUpPayload, type StripeFeePayload, type TransferReversalPayload } from './settlement.jobs';
import { TransferReversalsService } from '../application/transfer-reversals.service';

@Injectable()
@HandlesJob(settlementCatchUpJob)
export class SettlementCatchUpHandler implements JobHandler<SettlementCatchUpPayload> {
  constructor(private readonly posting: SettlementPostingService) {}
  handle() {
    return this.posting.catchUp();
  }
}

/**
 * The fee jobs running at once share batches (MicroBatcher, as the order pipeline's steps do):
 * up to 100 checkouts a batch, sent 50 ms after the first arrives, or when the batch running
 * ends. Each job succeeds or fails on its own checkout's outcome; a batch whose transaction
 * failed runs again one checkout at a time.
 */
export const STRIPE_FEE_BATCHING = { maxSize: 100, maxWaitMs: 50, maxInFlight: 1 };

@Injectable()
@HandlesJob(stripeFeeJob)
export class StripeFeeHandler implements JobHandler<StripeFeePayload> {
  private readonly batcher: MicroBatcher;

  constructor(fees: SettlementFeesService) {
    this.batcher = new MicroBatcher(async (ids) => {
      const outcomes = await fees.postFees(ids);
      return new Map(ids.map((id) => [id, errorOf(outcomes.get(id))]));
    }, STRIPE_FEE_BATCHING);
  }

  handle(p: StripeFeePayload): Promise<void> {
    return this.batcher.load(p.checkoutId);
  }
}

const errorOf = (outcome: unknown): Error | undefined => (outcome instanceof Error ? outcome : undefined);

/** Fee jobs written to the settlement queue before the fee jobs had a queue of their own (stripeFeeJobOnSettlementQueue). */
@Injectable()
@HandlesJob(stripeFeeJobOnSettlementQueue)
export class StripeFeeOnSettlementQueueHandler implements JobHandler<StripeFeePayload> {
  constructor(private readonly fees: SettlementFeesService) {}
  async handle(p: StripeFeePayload) {
    return { fee: await this.fees.postFee(p.checkoutId) };
  }
}

@Injectable()
@HandlesJob(payoutRunJob)
export class PayoutRunHandler implements JobHandler<SettlementCatchUpPayload> {
  constructor(private readonly payouts: PayoutsService) {}
  async handle() {
    const r = await this.payouts.runScheduled(new Date());
    // Transfers Stripe refused stay PENDING: failing the job retries them (same keys) with backoff.
    if (r.failed.length) throw new Error(`${r.failed.length} payout(s) of run ${r.runKey} not made yet`);
    return { runKey: r.runKey, paid: r.paid.length, skipped: r.skipped.length };
  }
}

@Injectable()
@HandlesJob(transferReversalJob)
export class TransferReversalHandler implements JobHandler<TransferReversalPayload> {
  constructor(private readonly reversals: TransferReversalsService) {}
  async handle(p: TransferReversalPayload) {
    return { parts: await this.reversals.reverse(p) };
  }
}

@Injectable()
@HandlesJob(disputeFeeJob)
export class DisputeFeeHandler implements JobHandler<DisputeFeePayload> {
  constructor(private readonly fees: SettlementFeesService) {}
  async handle(p: DisputeFeePayload) {
    return { fee: await this.fees.postDisputeFee(p.disputeId) };
  }
}

@Injectable()
@HandlesJob(bankPayoutJob)
export class BankPayoutHandler implements JobHandler<BankPayoutPayload> {
  constructor(private readonly bankPayouts: BankPayoutsService) {}
  handle(p: BankPayoutPayload) {
    // Stripe unreachable: throws, and the job retries with backoff (the match is idempotent).
    return this.bankPayouts.match(p.stripePayoutId);
  }
}

export const SETTLEMENT_JOB_HANDLERS = [SettlementCatchUpHandler, StripeFeeHandler, StripeFeeOnSettlementQueueHandler, PayoutRunHandler, TransferReversalHandler, DisputeFeeHandler, BankPayoutHandler];
