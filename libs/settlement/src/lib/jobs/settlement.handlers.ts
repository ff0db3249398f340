import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@vitrine/shared/jobs';
import { PayoutsService } from '../application/payouts.service';
import { SettlementFeesService } from '../application/settlement-fees.service';
import { SettlementPostingService } from '../application/settlement-posting.service';
import { BankPayoutsService } from '../application/bank-payouts.service';
import { bankPayoutJob, disputeFeeJob, payoutRunJob, settlementCatchUpJob, stripeFeeJob, transferReversalJob, type BankPayoutPayload, type DisputeFeePayload, type SettlementCatchUpPayload, type StripeFeePayload, type TransferReversalPayload } from './settlement.jobs';
import { TransferReversalsService } from '../application/transfer-reversals.service';

@Injectable()
@HandlesJob(settlementCatchUpJob)
export class SettlementCatchUpHandler implements JobHandler<SettlementCatchUpPayload> {
  constructor(private readonly posting: SettlementPostingService) {}
  handle() {
    return this.posting.catchUp();
  }
}

@Injectable()
@HandlesJob(stripeFeeJob)
export class StripeFeeHandler implements JobHandler<StripeFeePayload> {
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

export const SETTLEMENT_JOB_HANDLERS = [SettlementCatchUpHandler, StripeFeeHandler, PayoutRunHandler, TransferReversalHandler, DisputeFeeHandler, BankPayoutHandler];
