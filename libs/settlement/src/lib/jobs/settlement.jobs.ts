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

/** Stripe's fee on a paid checkout's charge: written to the outbox when its paid orders are posted. */
export type StripeFeePayload = { checkoutId: string };
export const stripeFeeJob = defineJob<StripeFeePayload>({
  queue: settlementQueue,
  name: 'stripe-fee',
  jobId: (p) => `settlement.stripe-fee.${p.checkoutId}`,
  attempts: 10,
  backoffMs: 30_000,
});

/**
 * The scheduled payout run (Mondays 04:00 UTC): pays every seller's payable balance under the
 * run key `scheduled-<UTC date>`, so a retry the same day resumes the same run.
 */
export const payoutRunJob = defineJob<SettlementCatchUpPayload>({ queue: settlementQueue, name: 'payout-run', jobId: () => 'settlement.payout-run', attempts: 5, backoffMs: 60_000 });

export const settlementJobs = [settlementCatchUpJob, stripeFeeJob, payoutRunJob];

export const settlementSchedules = [
  defineSchedule(settlementCatchUpJob, { scope: 'all' }, { pattern: '17 * * * *' }),
  defineSchedule(payoutRunJob, { scope: 'all' }, { pattern: '0 4 * * 1' }),
];
