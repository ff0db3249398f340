import { Logger } from '@nestjs/common';
import type { PrismaService } from '@vitrine/shared/data-access';
import type { JobPayload } from './job-definition';
import type { JobMetrics } from './job-metrics';
import { outboxWrites } from './outbox';
import type { QueueRegistry } from './queue-registry';

interface OutboxRow {
  id: bigint;
  queue: string;
  name: string;
  job_id: string;
  payload: Record<string, unknown>;
  run_at: Date | null;
  created_at: Date;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Moves committed outbox rows to BullMQ. Rows are locked (SKIP LOCKED, so several workers
 * share the work), added with their deterministic job id, and marked dispatched in the same
 * transaction: if Redis does not take them, the transaction rolls back and they stay for the
 * next round. A row added twice (a crash between Redis and the commit) meets BullMQ's job id
 * check, and handlers are idempotent anyway.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  private failures = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly queues: QueueRegistry,
    private readonly metrics?: JobMetrics,
  ) {}

  private get options() {
    return this.queues.config.outbox;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Something was just committed: look now rather than at the next poll. */
  nudge(): void {
    if (this.wake) this.wake();
    else this.nudged = true;
  }

  private writesSeen = outboxWrites();

  /**
   * A job just ended: look now if this process wrote outbox rows since the last such look (the
   * job's own, committed with its state change). A job that wrote none (a feed poll that found
   * nothing, every 200 ms in bench:pipeline) leaves the relay to its poll, which finds rows
   * anyone else wrote as before: it used to nudge a round (three statements) after every job.
   */
  nudgeIfWritten(): void {
    const writes = outboxWrites();
    if (writes === this.writesSeen) return;
    this.writesSeen = writes;
    this.nudge();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.relayOnce();
        if (this.failures) this.logger.log(`relaying again after ${this.failures} failed rounds`);
        this.failures = 0;
      } catch (error) {
        this.failures++;
        // One line per outage, then one every 50 rounds: an outage must not flood the log.
        if (this.failures === 1 || this.failures % 50 === 0) this.logger.warn(`outbox relay round failed (${this.failures}): ${(error as Error).message}`);
      }
      if (moved >= this.options.batchSize) continue;
      const pause = this.failures ? Math.min(this.options.pollMs * 2 ** this.failures, 2_000) : this.options.pollMs;
      await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged && !this.failures) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }

  /** One round: returns how many rows went to BullMQ. */
  async relayOnce(): Promise<number> {
    let claimed: OutboxRow[] = [];
    // Nothing waiting (the idle poll, every OUTBOX_POLL_MS): one statement on the pending rows'
    // partial index, instead of a transaction's three.
    const [{ pending }] = await this.prisma.sql.$queryRaw<{ pending: boolean }[]>`SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE dispatched_at IS NULL) AS pending`;
    if (!pending) return 0;
    try {
      // On node-postgres (sqlTransaction), not Prisma's interactive transaction: a round runs
      // every OUTBOX_POLL_MS even when idle, and Prisma's costs the worker about four times the CPU.
      return await this.prisma.sqlTransaction(async (tx) => {
        claimed = await tx.$queryRaw<OutboxRow[]>`
          SELECT id, queue, name, job_id, payload, run_at, created_at FROM outbox_messages
          WHERE dispatched_at IS NULL ORDER BY id LIMIT ${this.options.batchSize} FOR UPDATE SKIP LOCKED`;
        if (!claimed.length) return 0;
        await withTimeout(this.add(claimed), this.options.addTimeoutMs, 'adding jobs to Redis');
        await tx.$executeRaw`UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY(${claimed.map((r) => r.id.toString())}::bigint[])`;
        return claimed.length;
      }).then((n) => {
        if (n) this.metrics?.outboxDispatched(claimed.map((r) => r.created_at));
        return n;
      });
    } catch (error) {
      if (claimed.length) await this.recordFailure(claimed, error as Error);
      throw error;
    }
  }

  private async add(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      // A row written for a partition this process does not use goes to its partition now.
      const queue = this.queues.route(row.queue, row.name, row.payload as unknown as JobPayload);
      const list = byQueue.get(queue);
      if (list) list.push(row);
      else byQueue.set(queue, [row]);
    }
    const now = Date.now();
    await Promise.all(
      [...byQueue].map(([queue, list]) =>
        this.queues.get(queue).addBulk(
          list.map((r) => ({
            name: r.name,
            data: r.payload,
            opts: { ...this.queues.optionsFor(queue, r.name), jobId: r.job_id, delay: r.run_at ? Math.max(0, r.run_at.getTime() - now) : undefined },
          })),
        ),
      ),
    );
  }

  /** For the operator: how often these rows failed to move and why (best effort; the database may be the thing that is down). */
  private async recordFailure(rows: OutboxRow[], error: Error): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE outbox_messages SET attempts = attempts + 1, last_error = ${error.message.slice(0, 500)}
      WHERE id = ANY(${rows.map((r) => r.id.toString())}::bigint[]) AND dispatched_at IS NULL`.catch(() => undefined);
  }

  /** Dispatched rows older than the retention are deleted, in slices that never hold long locks. */
  async purgeDispatched(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.prisma.$executeRaw`
        DELETE FROM outbox_messages WHERE id IN (
          SELECT id FROM outbox_messages
          WHERE dispatched_at < now() - make_interval(hours => ${this.options.retentionHours}::int) LIMIT 5000)`;
      total += n;
      if (n < 5000) return total;
    }
  }
}
