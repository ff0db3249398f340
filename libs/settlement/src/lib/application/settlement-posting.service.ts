import { Inject, Injectable, Logger } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { royaltyInSaleCurrency } from '@vitrine/licensing';
import { enqueue, jobOf, type OutboxJob } from '@vitrine/shared/jobs';
import { planEntries } from '../domain/posting-plan';
import type { JournalEntryDraft } from '../domain/ledger';
import type { OrderToSettle } from '../domain/split';
import { LedgerRepository } from '../infrastructure/ledger.repository';
import { SettlementSourcesRepository, type PaidLineRow, type PaidOrderRow } from '../infrastructure/settlement-sources.repository';
import { SETTLEMENT_SETTINGS, type SettlementSettings } from './settlement-settings';
import { disputeFeeJob, stripeFeeJob } from '../jobs/settlement.jobs';
import { TransferReversalPlanner } from './transfer-reversals.service';

/**
 * Posts a checkout's money events to the ledger, in the caller's transaction (the one that
 * records the payment event): each paid order's split, each refund that counts, each refund
 * Stripe later reported failed, each lost dispute. It reconciles rather than reacts: it reads
 * what the payment facts say and posts what the ledger lacks, each entry under its event key,
 * so calling it twice, or from the webhook and from refundOrder, or from the catch-up, posts
 * each event once. Callers lock the checkout's payment first (webhooks and refunds do), so
 * two posters of one checkout queue.
 */
@Injectable()
export class SettlementPostingService {
  private readonly logger = new Logger(SettlementPostingService.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly sources: SettlementSourcesRepository,
    private readonly prisma: PrismaService,
    @Inject(SETTLEMENT_SETTINGS) private readonly settings: SettlementSettings,
    private readonly reversals: TransferReversalPlanner,
  ) {}

  /**
   * Posts what the ledger lacks for every checkout behind, `size` checkouts a transaction: it
   * locks their payments (as webhooks and refunds lock theirs, so they queue with it), reads
   * their facts in a handful of statements, plans each checkout's entries with the same rules as
   * `settleCheckout` and writes them together (`settleCheckouts`). At most `batches` × `size`
   * checkouts a run, in checkout id order; answers how many checkouts and entries it posted.
   *
   * Up to `parallel` batches are in flight at once, each on its own connection, so the server
   * writes one batch while this process plans the next (issue 21: the two took turns on one
   * connection). Their checkouts are disjoint (each work list starts after the last one's end)
   * and a checkout's entries depend only on its own facts and lines, except the transfer
   * reversals a refund or a lost dispute plans from its sellers' balances: a batch whose checkouts have refunds or
   * lost disputes runs alone, after the batches before it have committed and before any after
   * it starts, as it would one batch at a time. A batch that fails stops the run once the
   * batches in flight have ended (each its own transaction: what committed stays, and the next
   * run carries on from the ledger).
   */
  async catchUp(size = 500, batches = 20, now = new Date(), parallel = 2): Promise<{ checkouts: number; entries: number }> {
    let checkouts = 0;
    let entries = 0;
    let failure: unknown = null;
    const inFlight = new Set<Promise<void>>();
    const run = (ids: readonly string[]) => {
      // On node-postgres (sqlTransaction), not Prisma's interactive transaction: a batch's arrays of
      // thousands of values cost Prisma's client more than the statements cost the server (issue 21).
      // Each statement planned for its batch's values: a generic plan of the fact reads (that
      // pool's default) scans every order (456 s instead of 1 s for 120,000 order lines).
      const p: Promise<void> = this.prisma
        .sqlTransaction(async (tx) => {
          await tx.$executeRaw`SET LOCAL plan_cache_mode = force_custom_plan`;
          // A batch's COMMIT need not wait for its WAL to reach the disk: a crash may lose the last
          // batches whole (entries and their outbox jobs together, never in part), and the next
          // run posts them again from the payment facts.
          await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
          // A batch's reads cost tens of milliseconds each: compiling the lines' read (its estimate is
          // over jit_above_cost) cost 37 ms a batch, and a parallel worker started for the payable
          // orders' read 100 ms of waiting, against 20 ms of work in one process (issue 21, EXPLAIN on
          // the bench's database); the batches in flight keep the cores busy already.
          await tx.$executeRaw`SET LOCAL jit = off`;
          await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`;
          return this.settleCheckouts(tx, ids, now);
        })
        .then(
          (done) => {
            checkouts += done.checkouts;
            entries += done.entries;
          },
          (error: unknown) => {
            failure ??= error;
          },
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      return p;
    };
    let after: string | null = null;
    for (let b = 0; b < batches && !failure; b++) {
      const behind = await this.sources.checkoutsBehind(size, after, this.settings.returnWindowDays, now);
      if (!behind.length) break;
      // By checkout id, so facts the plan cannot post (a refund of an order with nothing left) never hold the run up.
      after = behind[behind.length - 1]!;
      if (await this.sources.haveReversals(behind)) {
        await Promise.all(inFlight);
        if (!failure) await run(behind);
        continue;
      }
      while (inFlight.size >= Math.max(1, parallel)) await Promise.race(inFlight);
      if (!failure) void run(behind);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    return { checkouts, entries };
  }

  /**
   * The webhook's and refund's path: posts one checkout in the caller's transaction (which has
   * locked the checkout's payment). Answers the number of entries written (0 when the ledger was
   * up to date).
   */
  async settleCheckout(tx: SqlTx, checkoutId: string, now = new Date()): Promise<number> {
    const [planned] = await this.plan(tx, [checkoutId], now);
    if (!planned?.entries.length) return 0;
    const written: JournalEntryDraft[] = [];
    for (const e of planned.entries) if (await this.ledger.insertEntry(tx, e)) written.push(e);
    await enqueue(tx, await this.afterWritten(tx, checkoutId, written));
    return written.length;
  }

  /**
   * The catch-up's path: posts these checkouts in one transaction, after locking their
   * payments. The same facts, rules and event keys as `settleCheckout` for each, so the ledger
   * ends the same; entries are written with one statement for all the checkouts up to the next
   * one holding a refund or a lost dispute (whose transfer reversals are planned on the ledger as
   * it stands after its own entries, as they would be one checkout at a time).
   */
  async settleCheckouts(tx: SqlTx, checkoutIds: readonly string[], now = new Date()): Promise<{ checkouts: number; entries: number }> {
    await this.sources.lockPayments(tx, checkoutIds);
    const plans = await this.plan(tx, checkoutIds, now);
    let checkouts = 0;
    let entries = 0;
    let pending: CheckoutPlan[] = [];
    const flush = async () => {
      const keys = await this.ledger.insertEntries(tx, pending.flatMap((p) => p.entries));
      const jobs: OutboxJob[] = [];
      for (const p of pending) {
        const written = p.entries.filter((e) => keys.has(e.eventKey));
        if (!written.length) continue;
        checkouts++;
        entries += written.length;
        jobs.push(...(await this.afterWritten(tx, p.checkoutId, written)));
      }
      await enqueue(tx, jobs);
      pending = [];
    };
    for (const p of plans) {
      if (!p.entries.length) continue;
      pending.push(p);
      if (p.entries.some((e) => e.kind === 'REFUND' || e.kind === 'DISPUTE_LOST')) await flush();
    }
    await flush();
    return { checkouts, entries };
  }

  /** Reads the facts of these checkouts (a few statements whatever their number) and plans each one's missing entries, in the order given. */
  private async plan(tx: SqlTx, checkoutIds: readonly string[], now: Date): Promise<CheckoutPlan[]> {
    const paid = await this.sources.paidOrdersOf(tx, checkoutIds, this.settings.returnWindowDays, now);
    if (!paid.length) return [];
    const ofCheckout = new Set(paid.map((o) => o.checkoutId));
    const ids = checkoutIds.filter((id) => ofCheckout.has(id));
    const lines = await this.sources.linesOf(tx, paid.filter((o) => !o.posted).map((o) => o.orderId));
    const refunds = await this.sources.refundsOf(tx, ids);
    const lostDisputes = await this.sources.lostDisputesOf(tx, ids);
    const payableOrders = paid.flatMap((o) => (o.payableAt ? [{ checkoutId: o.checkoutId, orderId: o.orderId, at: o.payableAt }] : []));
    // Only an order whose payment is posted has ledger lines (every other entry of an order starts from those lines),
    // so a checkout being paid, or a backlog of them, reads none.
    const postedLines = await this.ledger.orderLines(tx, paid.filter((o) => o.posted).map((o) => o.orderId));
    // Which events are in the ledger already: a paid order's payment as its row says (`posted`), no
    // payable order's maturity (`payableAt` leaves those out), and the refunds and disputes asked for.
    const eventKeys = await this.ledger.entryExists(tx, [
      ...refunds.flatMap((r) => [`refund:${r.refundId}`, `refund-failed:${r.refundId}`]),
      ...lostDisputes.map((d) => `dispute-lost:${d.disputeId}`),
    ]);
    for (const o of paid) if (o.posted) eventKeys.add(`order-paid:${o.orderId}`);
    const paidBy = groupBy(paid, (o) => o.checkoutId);
    const linesBy = groupBy(lines, (l) => l.orderId);
    const refundsBy = groupBy(refunds, (r) => r.checkoutId);
    const disputesBy = groupBy(lostDisputes, (d) => d.checkoutId);
    const payableBy = groupBy(payableOrders, (p) => p.checkoutId);
    const orderOf = new Map(paid.map((o) => [o.orderId, o.checkoutId]));
    const postedBy = groupBy(postedLines, (l) => orderOf.get(l.orderId!)!);
    return ids.map((checkoutId) => {
      const orders = paidBy.get(checkoutId) ?? [];
      const { entries, warnings } = planEntries(
        {
          checkoutId,
          paidOrderIds: orders.map((o) => o.orderId),
          paidOrders: orders.filter((o) => !o.posted).map((o) => ({ ...toSettle(o, linesBy.get(o.orderId) ?? []), paidAt: o.paidAt })),
          refunds: refundsBy.get(checkoutId) ?? [],
          lostDisputes: disputesBy.get(checkoutId) ?? [],
          payableOrders: payableBy.get(checkoutId) ?? [],
        },
        { eventKeys, lines: postedBy.get(checkoutId) ?? [] },
      );
      for (const w of warnings) this.logger.warn(w);
      return { checkoutId, entries };
    });
  }

  /**
   * What follows the entries a checkout's posting wrote, in the same transaction: transfer
   * reversals planned after a refund (outbox); answers the fee jobs for the caller to write to
   * the outbox.
   */
  private async afterWritten(tx: SqlTx, checkoutId: string, written: readonly JournalEntryDraft[]): Promise<OutboxJob[]> {
    const jobs: OutboxJob[] = [];
    // Refunds and lost disputes that took money already transferred to a seller: reverse that part of the transfer (outbox, this transaction).
    await this.reversals.planAfter(tx, written);
    for (const e of written) {
      // Stripe's fee on the lost dispute, read by the worker.
      if (e.kind === 'DISPUTE_LOST') jobs.push(jobOf(disputeFeeJob, { disputeId: e.eventKey.slice('dispute-lost:'.length) }));
    }
    // Stripe's fee on the charge, fetched by the worker, once per checkout.
    if (written.some((e) => e.kind === 'ORDER_PAID')) jobs.push(jobOf(stripeFeeJob, { checkoutId }));
    return jobs;
  }
}

interface CheckoutPlan {
  checkoutId: string;
  entries: JournalEntryDraft[];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** An order and its lines as settlement splits them; the royalty is licensing's rule, in the order's currency. */
export function toSettle(o: PaidOrderRow, lines: readonly PaidLineRow[]): OrderToSettle {
  const museum = { type: 'MUSEUM' as const, id: o.museumId };
  const brand = o.fulfilledByBrandId ? { type: 'BRAND' as const, id: o.fulfilledByBrandId } : null;
  return {
    orderId: o.orderId,
    checkoutId: o.checkoutId,
    museumId: o.museumId,
    shipper: brand ?? museum,
    currency: o.currency.trim(),
    shippingMinor: o.shippingMinor,
    insuranceMinor: o.insuranceMinor,
    taxMinor: o.taxMinor,
    totalMinor: o.totalMinor,
    lines: lines.map((l) => ({
      goodsMinor: l.goodsMinor,
      platformDiscountMinor: l.platformDiscountMinor,
      commissionRateBps: l.commissionRateBps,
      fulfiller: brand && l.licensedBrandId === brand.id ? brand : museum,
      royaltyMinor: l.royaltyRateBps != null ? royaltyInSaleCurrency({ quantity: l.quantity, netSaleMinor: l.netSaleMinor, currency: l.currency.trim() }, l.royaltyRateBps) : 0,
    })),
  };
}
