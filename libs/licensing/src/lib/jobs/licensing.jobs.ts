import { defineJob, defineQueue, defineSchedule } from '@vitrine/shared/jobs';

/**
 * Licensing's jobs. Each has a deterministic id (the same business event gives the same
 * job), carries ids only, and its handler re-reads state and returns when there is nothing
 * left to do, so a replay, a retry or a second worker changes nothing.
 *
 * - review-reminder: one per submission, enqueued through the outbox at submission with
 *   runAt = due date − lead time; writes the museum's notice once.
 * - review-reminders: the sweep behind it (every 15 min): due-soon and overdue notices.
 * - agreement-expiry: one per agreement, enqueued at final approval for the day after the
 *   sell-off period; expires the agreement and archives its products.
 * - term-expiry: the hourly sweep behind it, which also takes off sale any licensed product
 *   listed outside its agreement.
 * - monthly-statements: on the 1st at 03:00 UTC for the month before (period null), or for a
 *   given month; one statement per (agreement, month), unique in the database.
 * - accrue-order: for libs/orders to enqueue in the transaction that marks an order paid (only
 *   an order a brand fulfils: the only kind placed with a licensed line) or refunded; books the
 *   order's royalty entries (once, whatever the replays). On a queue of its own
 *   (licensing-accruals), its jobs batched.
 */
export const licensingQueue = defineQueue('licensing', { concurrency: 2 });

export type ReviewReminderPayload = { proposalId: string; submissionNo: number };
export const reviewReminderJob = defineJob<ReviewReminderPayload>({
  queue: licensingQueue,
  name: 'review-reminder',
  jobId: (p) => `licensing.review-reminder.${p.proposalId}.${p.submissionNo}`,
  attempts: 5,
});

export type SweepPayload = { scope: string };
export const reviewRemindersJob = defineJob<SweepPayload>({ queue: licensingQueue, name: 'review-reminders', jobId: () => 'licensing.review-reminders', attempts: 3 });

export type AgreementExpiryPayload = { agreementId: string };
export const agreementExpiryJob = defineJob<AgreementExpiryPayload>({
  queue: licensingQueue,
  name: 'agreement-expiry',
  jobId: (p) => `licensing.agreement-expiry.${p.agreementId}`,
  attempts: 10,
});

export const termExpiryJob = defineJob<SweepPayload>({ queue: licensingQueue, name: 'term-expiry', jobId: () => 'licensing.term-expiry', attempts: 3 });

/** `period` YYYY-MM-01, or null for the month before the run. */
export type MonthlyStatementsPayload = { period: string | null };
export const monthlyStatementsJob = defineJob<MonthlyStatementsPayload>({
  queue: licensingQueue,
  name: 'monthly-statements',
  jobId: (p) => `licensing.monthly-statements.${p.period ?? 'previous-month'}`,
  attempts: 8,
  backoffMs: 30_000,
});

/**
 * The royalty accrual jobs, apart from the licensing queue (two jobs at a time): a worker takes
 * up to 200 at once and their handler books the orders of up to 100 together
 * (RoyaltyAccrualService.accrueOrders: one look for the few that sold a licensed product), each
 * job still succeeding or failing on its own order's outcome (issue 23, as settlement's fee jobs).
 */
export const licensingAccrualsQueue = defineQueue('licensing-accruals', { concurrency: 200 });

export type AccrueOrderPayload = { orderId: string; event: string };
const accrueOrderSpec = { name: 'accrue-order', jobId: (p: AccrueOrderPayload) => `licensing.accrue-order.${p.orderId}.${p.event}`, attempts: 10 };
export const accrueOrderJob = defineJob<AccrueOrderPayload>({ queue: licensingAccrualsQueue, ...accrueOrderSpec });
/**
 * The same job on the licensing queue, where it was written before the accrual jobs had a queue
 * of their own: outbox rows and BullMQ jobs of that time still run (nothing writes it now).
 */
export const accrueOrderJobOnLicensingQueue = defineJob<AccrueOrderPayload>({ queue: licensingQueue, ...accrueOrderSpec });

export const licensingJobs = [reviewReminderJob, reviewRemindersJob, agreementExpiryJob, termExpiryJob, monthlyStatementsJob, accrueOrderJob, accrueOrderJobOnLicensingQueue];

export const licensingSchedules = [
  defineSchedule(reviewRemindersJob, { scope: 'all' }, { pattern: '*/15 * * * *' }),
  defineSchedule(termExpiryJob, { scope: 'all' }, { pattern: '5 * * * *' }),
  defineSchedule(monthlyStatementsJob, { period: null }, { pattern: '0 3 1 * *' }),
];
