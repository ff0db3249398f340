import type { SqlTx } from '@vitrine/shared/data-access';
import { MAX_PARTITIONS, defineJob, defineQueue, defineSchedule, enqueue, jobOf, type JobSchedule } from '@vitrine/shared/jobs';
import { afterSalesJobs, afterSalesSchedules } from '../after-sales/jobs/returns.jobs';
import { pipelineConfigFromEnv } from './application/pipeline-config';

/**
 * PIPELINE_QUEUE_PARTITIONS (default 1): the per-order queues split by order id into this many
 * BullMQ queues (`order-pipeline.p0` …), each on a shard of its own on a Redis Cluster; every job
 * of one order stays on one partition. Every API and worker process must use the same number.
 */
export function pipelinePartitionsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['PIPELINE_QUEUE_PARTITIONS']?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTITIONS) throw new Error(`PIPELINE_QUEUE_PARTITIONS must be a whole number from 1 to ${MAX_PARTITIONS}, not "${raw}"`);
  return n;
}
const partitions = pipelinePartitionsFromEnv();

/** Per-order steps: many jobs run at once and share batches (one customs message per 100 orders). */
export const orderPipelineQueue = defineQueue('order-pipeline', { concurrency: 200, partitions });
/** Bookings on a queue of their own: a backlog of declarations never holds back cleared parcels. */
export const orderShippingQueue = defineQueue('order-shipping', { concurrency: 200, partitions });
const byOrder = (p: { orderId: string }) => p.orderId;
/** Feed followers and upkeep: one run at a time is enough. */
export const pipelinePollersQueue = defineQueue('pipeline-pollers', { concurrency: 4 });
/** Hold expiry on a queue of its own, so slow feeds never delay it. */
export const reservationExpiryQueue = defineQueue('reservation-expiry', { concurrency: 1 });

type OrderRef = { orderId: string };
/** `handover`: the number of the museum's hand-over request (shipOrder); absent for the automatic booking. */
export type BookingRef = { orderId: string; handover?: number };
type Tick = { scope: string };

/** Paid → waybill from the carrier, the three documents to customs, CUSTOMS_SUBMITTED (or HELD when refused). */
export const declareCustomsJob = defineJob<OrderRef>({ queue: orderPipelineQueue, name: 'declare-customs', jobId: (p) => `declare-customs.${p.orderId}`, attempts: 12, backoffMs: 2_000, partitionKey: byOrder });
/**
 * Cleared → booked with the carrier, SHIPPED. Each hand-over from the console is a job of its
 * own (`.h<n>`), so a parcel whose booking went to the dead letter can be handed over again.
 */
export const bookShipmentJob = defineJob<BookingRef>({
  queue: orderShippingQueue,
  name: 'book-shipment',
  jobId: (p) => (p.handover ? `book-shipment.${p.orderId}.h${p.handover}` : `book-shipment.${p.orderId}`),
  attempts: 12,
  backoffMs: 2_000,
  partitionKey: byOrder,
});
/** Refunded before release: the order declaration withdrawn from customs (CEB311 appType 3). */
export const withdrawCustomsJob = defineJob<OrderRef>({ queue: orderPipelineQueue, name: 'withdraw-customs', jobId: (p) => `withdraw-customs.${p.orderId}`, attempts: 12, backoffMs: 2_000, partitionKey: byOrder });
/**
 * Some units refunded while customs has the order: the waybill and declaration amended to what
 * is left. One job per refund (`refundedAt`: when it was recorded); each amends to the content
 * left when it runs, so a later one finds its work done.
 */
export const amendCustomsJob = defineJob<{ orderId: string; refundId: string; refundedAt: string }>({
  queue: orderPipelineQueue,
  name: 'amend-customs',
  jobId: (p) => `amend-customs.${p.orderId}.${p.refundId}`,
  attempts: 12,
  backoffMs: 2_000,
  partitionKey: byOrder,
});
/** Reads customs clearance receipts: CLEARED (and the booking job) or HELD with the reason. */
export const followCustomsReceiptsJob = defineJob<Tick>({ queue: pipelinePollersQueue, name: 'follow-customs-receipts', jobId: () => 'follow-customs-receipts', attempts: 3, backoffMs: 1_000 });
/** Reads carrier tracking: events recorded, DELIVERED. */
export const followTrackingJob = defineJob<Tick>({ queue: pipelinePollersQueue, name: 'follow-tracking', jobId: () => 'follow-tracking', attempts: 3, backoffMs: 1_000 });
/** Safety net: paid orders nobody started, orders lagging behind their facts, cleared orders not booked. */
export const sweepPipelineJob = defineJob<Tick>({ queue: pipelinePollersQueue, name: 'sweep-pipeline', jobId: () => 'sweep-pipeline', attempts: 3, backoffMs: 5_000 });
/** Unpaid orders past their hold: cancelled, stock released (orders' ReservationExpiryService). */
export const expireReservationsJob = defineJob<Tick>({ queue: reservationExpiryQueue, name: 'expire-reservations', jobId: () => 'expire-reservations', attempts: 3, backoffMs: 1_000 });

// After-sales jobs ride along: the worker registers them with the pipeline's.
export const orderPipelineJobs = [declareCustomsJob, bookShipmentJob, withdrawCustomsJob, amendCustomsJob, followCustomsReceiptsJob, followTrackingJob, sweepPipelineJob, expireReservationsJob, ...afterSalesJobs];

/** The timetabled jobs; each has one fixed scheduler id, so several workers never double them. */
export function orderPipelineSchedules(env: NodeJS.ProcessEnv = process.env): JobSchedule[] {
  const c = pipelineConfigFromEnv(env);
  return [
    defineSchedule(followCustomsReceiptsJob, { scope: 'all' }, { every: c.receiptPollMs }),
    defineSchedule(followTrackingJob, { scope: 'all' }, { every: c.trackingPollMs }),
    defineSchedule(sweepPipelineJob, { scope: 'all' }, { every: c.sweepMs }),
    defineSchedule(expireReservationsJob, { scope: 'all' }, { every: c.expiryEveryMs }),
    ...afterSalesSchedules(env),
  ];
}

/**
 * Starts the fulfilment of orders that just became PAID: call it in the transaction that
 * marks them paid, so the start commits with the payment or not at all.
 */
export function startOrderPipeline(tx: SqlTx, orderIds: readonly string[]): Promise<void> {
  return enqueue(tx, orderIds.map((orderId) => jobOf(declareCustomsJob, { orderId })));
}
