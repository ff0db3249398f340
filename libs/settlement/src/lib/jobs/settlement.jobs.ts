import { defineJob, defineQueue, defineSchedule } from '@vitrine/shared/jobs';

/**
 * Settlement's jobs. Posting happens in the payment event's own transaction (the webhook,
 * refundOrder); the catch-up is the safety net behind it: it finds checkouts whose payment
 * facts the ledger lacks (orders paid before the ledger existed, seeded demo orders, a posting
 * that failed) and posts them, each under its event key, so it runs twice without effect.
 */
export const settlementQueue = defineQueue('settlement', { concurrency: 1 });

export type SettlementCatchUpPayload = { scope: string };
export const settlementCatchUpJob = defineJob<SettlementCatchUpPayload>({
  queue: settlementQueue,
  name: 'catch-up',
  jobId: () => 'settlement.catch-up',
  attempts: 5,
});

/**
 * Stripe's fee jobs, apart from the settlement queue (one job at a time): a worker takes up to
 * 200 at once, and their handler posts the fees of up to 100 checkouts together (one read, one
 * transaction: SettlementFeesService.postFees), each job still succeeding or failing on its own
 * checkout's outcome.
 */
export const settlementFeesQueue = defineQueue('settlement-fees', { concurrency: 200 });

/** Stripe's fee on a paid checkout's charge: written to the outbox when its paid orders are posted. */
export type StripeFeePayload = { checkoutId: string };
const stripeFeeSpec = { name: 'stripe-fee', jobId: (p: StripeFeePayload) => `settlement.stripe-fee.${p.checkoutId}`, attempts: 10, backoffMs: 30_000 };
export const stripeFeeJob = defineJob<StripeFeePayload>({ queue: settlementFeesQueue, ...stripeFeeSpec });
/**
 * The same job on the settlement queue, where it was written before the fee jobs had a queue
 * of their own: outbox rows and BullMQ jobs of that time still run (nothing writes it now).
 */
export const stripeFeeJobOnSettlementQueue = defineJob<StripeFeePayload>({ queue: settlementQueue, ...stripeFeeSpec });

/**
 * The scheduled payout run (Mondays 04:00 UTC): pays every seller's payable balance under the
 * run key `scheduled-<UTC date>`, so a retry the same day resumes the same run.
 */
export const payoutRunJob = defineJob<SettlementCatchUpPayload>({ queue: settlementQueue, name: 'payout-run', jobId: () => 'settlement.payout-run', attempts: 5, backoffMs: 60_000 });

/**
 * A refund or a lost dispute took from a seller's payable balance money already transferred to
 * it: the parts of its transfers to reverse, planned in the refund's (dispute's) transaction
 * (outbox), made by the worker under one Stripe idempotency key per refund (dispute) and transfer.
 */
export type TransferReversalPayload = {
  /** The entry that took the money: `refund:<re_…>` or `dispute-lost:<dp_…>`. */
  refundKey: string;
  sellerType: 'MUSEUM' | 'BRAND';
  sellerId: string;
  currency: string;
  /** `<payoutId>=<amount minor>` pairs, comma separated (payloads are flat). */
  parts: string;
};
export const transferReversalJob = defineJob<TransferReversalPayload>({
  queue: settlementQueue,
  name: 'transfer-reversal',
  jobId: (p) => `settlement.transfer-reversal.${p.refundKey.replace(/[^A-Za-z0-9_-]/g, '_')}.${p.sellerType}.${p.sellerId}.${p.currency}`,
  attempts: 10,
  backoffMs: 30_000,
});

/** Stripe's fee on a lost dispute: written to the outbox with the dispute's `dispute-lost:` entry. */
export type DisputeFeePayload = { disputeId: string };
export const disputeFeeJob = defineJob<DisputeFeePayload>({
  queue: settlementQueue,
  name: 'dispute-fee',
  jobId: (p) => `settlement.dispute-fee.${p.disputeId}`,
  attempts: 10,
  backoffMs: 30_000,
});

/**
 * A connected account's payout to its bank was reported (payout.paid / payout.failed, recorded
 * by the webhook in seller_bank_payouts, written to the outbox in the same transaction): the
 * worker lists the payout's balance transactions at Stripe and records its status on exactly the
 * transfers whose money it carried. One job per payout and status (a payout reported paid, then
 * failed, is matched again).
 */
export type BankPayoutPayload = { stripePayoutId: string; status: 'paid' | 'failed' };
export const bankPayoutJob = defineJob<BankPayoutPayload>({
  queue: settlementQueue,
  name: 'bank-payout',
  jobId: (p) => `settlement.bank-payout.${p.stripePayoutId.replace(/[^A-Za-z0-9_-]/g, '_')}.${p.status}`,
  attempts: 10,
  backoffMs: 30_000,
});

export const settlementJobs = [settlementCatchUpJob, stripeFeeJob, stripeFeeJobOnSettlementQueue, payoutRunJob, transferReversalJob, disputeFeeJob, bankPayoutJob];

export const settlementSchedules = [
  defineSchedule(settlementCatchUpJob, { scope: 'all' }, { pattern: '17 * * * *' }),
  defineSchedule(payoutRunJob, { scope: 'all' }, { pattern: '0 4 * * 1' }),
];
