import { Logger } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from './prisma.service';

/**
 * A PostgreSQL streaming replica for the shop window's reads (docs/scaling.md, "Read replica").
 *
 * Nothing reads from the replica unless two things agree:
 * - the request said its reads tolerate staleness (`allowStaleReads()`, inside a
 *   `runInReadScope` the API opens per request: an anonymous or shopper's query whose every root
 *   field is a public shop-window query), and
 * - the code reading asked for it (`PrismaService.staleTolerant()`, in the shop window's
 *   repository methods).
 * Everything else (mutations, the cart, checkout, the console, the worker) reads the primary.
 *
 * A monitor asks both servers every DATABASE_REPLICA_CHECK_MS and uses the replica only while it
 * is a replica (`pg_is_in_recovery()`), answers, and is no further behind than
 * DATABASE_REPLICA_MAX_LAG_MS; after a back-office write it is also left alone until it has
 * replayed the primary's WAL position taken after that write (`fence`), so a manager never sees
 * the shop window as it was before their own change.
 */

export interface ReplicaOptions {
  url: string;
  poolSize: number;
  /** Past this lag (ms) reads go to the primary. */
  maxLagMs: number;
  /** How often both servers are asked (ms). */
  checkIntervalMs: number;
}

export function replicaOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, defaultPool = 10): ReplicaOptions | null {
  const url = env['DATABASE_REPLICA_URL']?.trim();
  if (!url) return null;
  const number = (name: string, fallback: number, min: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
    return value;
  };
  return {
    url,
    poolSize: number('DATABASE_REPLICA_POOL_SIZE', number('DATABASE_POOL_SIZE', defaultPool, 1), 1),
    maxLagMs: number('DATABASE_REPLICA_MAX_LAG_MS', 2_000, 0),
    checkIntervalMs: number('DATABASE_REPLICA_CHECK_MS', 1_000, 50),
  };
}

// ---------------------------------------------------------------- LSNs

/** A pg_lsn ("16/B374D848") as a number of bytes. */
export function parseLsn(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/**
 * How stale the replica may be, from the primary's WAL positions seen at earlier checks: the
 * replica holds everything the primary had at the latest check whose position it has replayed,
 * so it is at most `now - that check` behind (and 0 when it has replayed the newest position).
 * `sinceReplayMs` (time since the last transaction it replayed) is another upper bound; the
 * smaller of the two is kept. Null when neither is known.
 */
export function estimateLagMs(samples: readonly { lsn: bigint; at: number }[], replayed: bigint, now: number, sinceReplayMs: number | null): number | null {
  const newest = samples[samples.length - 1];
  if (newest && replayed >= newest.lsn) return 0;
  let bound: number | null = null;
  for (let i = samples.length - 1; i >= 0; i--) {
    if (samples[i]!.lsn <= replayed) {
      bound = now - samples[i]!.at;
      break;
    }
  }
  if (sinceReplayMs !== null && sinceReplayMs >= 0) bound = bound === null ? sinceReplayMs : Math.min(bound, sinceReplayMs);
  return bound === null ? null : Math.max(0, Math.round(bound));
}

// ---------------------------------------------------------------- the monitor

/**
 * - `starting`: not checked yet; `up`: used; `lagging`: further behind than the bound;
 * - `down`: does not answer (or the primary does not, so its lag is unknown);
 * - `not-a-replica`: the URL names a server that is not in recovery (a primary, or a promoted
 *   replica): never used, since writes could land there and reads would never see the primary's.
 */
export type ReplicaState = 'starting' | 'up' | 'lagging' | 'down' | 'not-a-replica';
const STATES: readonly ReplicaState[] = ['starting', 'up', 'lagging', 'down', 'not-a-replica'];

export interface ReplicaStatus {
  state: ReplicaState;
  /** Whether a stale-tolerant read would go to the replica now. */
  serving: boolean;
  lagMs: number | null;
  lagBytes: number | null;
  maxLagMs: number;
  /** A back-office write the replica has not replayed yet: reads stay on the primary. */
  fenced: boolean;
  checkedAt: string | null;
  error?: string;
}

interface ReplicaSample {
  recovery: boolean;
  replay_lsn: string | null;
  since_replay_ms: number | null;
}

export class ReadReplica {
  private readonly logger = new Logger(ReadReplica.name);
  readonly client: PrismaService;
  private state: ReplicaState = 'starting';
  private lagMs: number | null = null;
  private lagBytes: number | null = null;
  private replayed: bigint | null = null;
  private checkedAt: number | null = null;
  private error: string | undefined;
  /** The primary's WAL position at recent checks, oldest first (about a minute of them). */
  private readonly samples: { lsn: bigint; at: number }[] = [];
  /** Fences whose WAL position is still being read (reads stay on the primary meanwhile). */
  private pendingFences = 0;
  /** The WAL position the replica must have replayed before it serves again. */
  private fenceLsn: bigint | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReplicaStatus> | null = null;
  private readonly reads: Counter<'target'> | null;
  private readonly stateGauge: Gauge<'state'> | null;
  private readonly lagGauge: Gauge | null;

  constructor(
    private readonly primary: PrismaService,
    readonly options: ReplicaOptions,
    registry?: Registry,
  ) {
    this.client = new PrismaService({ url: options.url, poolSize: options.poolSize });
    if (registry) {
      const serving = () => this.serving();
      // One replica per process; a second one (tests building the app again) takes the names over.
      for (const name of ['vitrine_db_replica_state', 'vitrine_db_replica_lag_seconds', 'vitrine_db_replica_serving', 'vitrine_db_stale_tolerant_reads_total']) registry.removeSingleMetric(name);
      this.stateGauge = new Gauge({
        name: 'vitrine_db_replica_state',
        help: 'The read replica\'s state (1 for the current one): starting, up, lagging, down, not-a-replica (a URL naming a primary: refused)',
        labelNames: ['state'] as const,
        registers: [registry],
      });
      this.lagGauge = new Gauge({ name: 'vitrine_db_replica_lag_seconds', help: 'How far the read replica is behind the primary, at the last check (-1 when unknown)', registers: [registry] });
      new Gauge({
        name: 'vitrine_db_replica_serving',
        help: '1 while stale-tolerant reads go to the replica, 0 while they go to the primary',
        registers: [registry],
        collect() {
          this.set(serving() ? 1 : 0);
        },
      });
      this.reads = new Counter({ name: 'vitrine_db_stale_tolerant_reads_total', help: 'Shop-window reads that could be stale, by where they went', labelNames: ['target'] as const, registers: [registry] });
      this.publish();
    } else {
      this.stateGauge = null;
      this.lagGauge = null;
      this.reads = null;
    }
  }

  /** Checks now and every `checkIntervalMs` after. */
  start(): Promise<ReplicaStatus> {
    if (!this.timer) {
      this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
      this.timer.unref();
    }
    return this.check();
  }

  /** Whether a stale-tolerant read would be served by the replica now. */
  serving(): boolean {
    if (this.state !== 'up' || this.pendingFences > 0) return false;
    if (this.fenceLsn !== null && (this.replayed === null || this.replayed < this.fenceLsn)) return false;
    // A monitor that stopped checking (an event loop stalled for long) is not trusted either.
    return this.checkedAt !== null && Date.now() - this.checkedAt <= 3 * this.options.checkIntervalMs + this.options.maxLagMs;
  }

  /** The client for a read of the current request that asked for staleness tolerance. */
  pick(): PrismaService | null {
    const replica = this.serving() ? this.client : null;
    this.reads?.inc({ target: replica ? 'replica' : 'primary' });
    return replica;
  }

  /**
   * The shop window just changed on the primary (a back-office write, here or in another API
   * process): stale-tolerant reads stay on the primary until the replica has replayed the
   * primary's WAL insert position read now, which is past that write's commit record. The insert
   * position, not pg_current_wal_lsn() (the position written out so far): with
   * synchronous_commit off a commit's record may still be in the WAL buffers, and a fence at the
   * written position was already "replayed" before the write reached the replica.
   */
  fence(): void {
    this.pendingFences++;
    this.primary
      .sql.$queryRaw<{ lsn: string }[]>(Prisma.sql`SELECT pg_current_wal_insert_lsn()::text AS lsn`)
      .then(([row]) => {
        const lsn = parseLsn(row!.lsn);
        if (this.fenceLsn === null || lsn > this.fenceLsn) this.fenceLsn = lsn;
      })
      .catch((error: Error) => {
        // Position unknown: wait until the replica has replayed everything the primary has now.
        this.logger.warn(`replica fence: primary WAL position unknown (${error.message})`);
        const newest = this.samples[this.samples.length - 1];
        this.fenceLsn = (newest?.lsn ?? 0n) + 1n;
      })
      .finally(() => {
        this.pendingFences--;
        // Usually replayed within milliseconds: look again now rather than at the next tick.
        void this.check();
      });
  }

  status(): ReplicaStatus {
    return {
      state: this.state,
      serving: this.serving(),
      lagMs: this.lagMs,
      lagBytes: this.lagBytes,
      maxLagMs: this.options.maxLagMs,
      fenced: this.pendingFences > 0 || (this.fenceLsn !== null && (this.replayed === null || this.replayed < this.fenceLsn)),
      checkedAt: this.checkedAt === null ? null : new Date(this.checkedAt).toISOString(),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  /** Asks both servers (one check at a time; a caller during a check gets its answer). */
  check(): Promise<ReplicaStatus> {
    this.running ??= this.checkOnce()
      .catch((error: Error) => this.settle('down', error.message))
      .finally(() => (this.running = null));
    return this.running;
  }

  /** A server that does not answer within this (a replica behind a dropped route hangs, it does not refuse) counts as down. */
  private answerWithin<T>(work: Promise<T>): Promise<T> {
    const ms = Math.max(2_000, 2 * this.options.checkIntervalMs);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }

  private async checkOnce(): Promise<ReplicaStatus> {
    let primaryLsn: bigint;
    try {
      // The primary first: whatever the replica has replayed by its answer is compared with a position the primary had before.
      const [row] = await this.answerWithin(this.primary.sql.$queryRaw<{ lsn: string }[]>(Prisma.sql`SELECT pg_current_wal_lsn()::text AS lsn`));
      primaryLsn = parseLsn(row!.lsn);
    } catch (error) {
      return this.settle('down', `primary: ${(error as Error).message}`);
    }
    let sample: ReplicaSample;
    try {
      [sample] = (await this.answerWithin(
        this.client.sql.$queryRaw<ReplicaSample[]>(Prisma.sql`
          SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS replay_lsn,
                 (extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 AS since_replay_ms`),
      )) as [ReplicaSample];
    } catch (error) {
      return this.settle('down', (error as Error).message);
    }
    const now = Date.now();
    if (!sample.recovery) {
      return this.settle('not-a-replica', 'the server at DATABASE_REPLICA_URL is not in recovery (pg_is_in_recovery() is false): it is a primary, not a replica');
    }
    this.samples.push({ lsn: primaryLsn, at: now });
    if (this.samples.length > 64) this.samples.shift();
    const replayed = sample.replay_lsn ? parseLsn(sample.replay_lsn) : null;
    this.replayed = replayed;
    if (replayed !== null && this.fenceLsn !== null && replayed >= this.fenceLsn) this.fenceLsn = null;
    this.lagBytes = replayed === null ? null : Math.max(0, Number(primaryLsn - replayed));
    this.lagMs = replayed === null ? null : estimateLagMs(this.samples, replayed, now, sample.since_replay_ms);
    const lagging = this.lagMs === null || this.lagMs > this.options.maxLagMs;
    return this.settle(lagging ? 'lagging' : 'up', lagging ? `behind by ${this.lagMs ?? 'an unknown time'} ms (bound ${this.options.maxLagMs} ms)` : undefined, now);
  }

  private settle(state: ReplicaState, error: string | undefined, now = Date.now()): ReplicaStatus {
    if (state !== this.state) {
      const message = `read replica ${this.state} -> ${state}${error ? `: ${error}` : ''}; shop-window reads go to the ${state === 'up' ? 'replica' : 'primary'}`;
      if (state === 'not-a-replica') this.logger.error(`${message}. It is refused: point DATABASE_REPLICA_URL at a streaming replica.`);
      else if (state === 'up') this.logger.log(message);
      else this.logger.warn(message);
    }
    if (state === 'down' || state === 'not-a-replica') {
      this.lagMs = null;
      this.lagBytes = null;
    }
    this.state = state;
    this.error = error;
    this.checkedAt = now;
    this.publish();
    return this.status();
  }

  private publish(): void {
    if (!this.stateGauge || !this.lagGauge) return;
    for (const s of STATES) this.stateGauge.set({ state: s }, s === this.state ? 1 : 0);
    this.lagGauge.set(this.lagMs === null ? -1 : this.lagMs / 1000);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.client.$disconnect();
  }
}
