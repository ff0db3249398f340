import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { SqlSession, asSqlError, type SqlTx } from './sql-session';
import { staleReadsAllowed } from './read-scope';

export interface DatabaseOptions {
  url: string;
  /** The api and the worker size their pools separately to stay under max_connections. */
  poolSize: number;
}

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, defaultPool = 10): DatabaseOptions {
  return {
    url: env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/vitrine',
    poolSize: Number(env['DATABASE_POOL_SIZE'] ?? defaultPool),
  };
}

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private readonly logger = new Logger(PrismaService.name);
  /**
   * The connections of `sql` and `sqlTransaction`, apart from Prisma's: each plans a
   * statement once (`plan_cache_mode = force_generic_plan`). These hand-written statements look
   * rows up by key or by `= ANY(ids)`, where PostgreSQL would otherwise plan again on every
   * call (about a third of their server time, docs/performance.md); Prisma's own statements
   * keep the default. Opened on first use, up to the same size as Prisma's pool.
   */
  private readonly pool: Pool;
  /**
   * `$queryRaw`/`$executeRaw` straight on node-postgres, each statement on its own, with the
   * rows typed as Prisma types them and the statement prepared once per connection. For the
   * hot paths; see `sqlTransaction`.
   */
  readonly sql: SqlTx;
  /**
   * `$queryRaw` straight on node-postgres on Prisma's connections (default plan cache), each
   * statement planned for its values on every call: for statements whose best plan depends on
   * them (a search's tsquery), without Prisma's per-statement work (issue 18).
   */
  readonly sqlPlanned: SqlTx;

  constructor(options: DatabaseOptions) {
    const prismaPool = new Pool({ connectionString: options.url, max: options.poolSize });
    // The pool is ours to end ($disconnect), not Prisma's: Prisma disposes its adapter when a
    // connect of its own fails, and marks itself disconnected before that disposal is over, so a
    // query arriving meanwhile connects again on the pool being ended and every later query
    // fails with "Cannot use a pool after calling end on the pool" (a loaded CI run saw it).
    super({ adapter: new PrismaPg(prismaPool) });
    this.prismaPool = prismaPool;
    this.pool = new Pool({ connectionString: options.url, max: options.poolSize, options: '-c plan_cache_mode=force_generic_plan' });
    this.sql = new SqlSession(this.pool);
    this.sqlPlanned = new SqlSession(prismaPool, { prepare: false });
    // An idle connection the server closes (a restart, a dropped test database) is not an error
    // of any request: the pool replaces it.
    for (const pool of [prismaPool, this.pool]) pool.on('error', (error) => this.logger.warn(`idle database connection lost: ${error.message}`));
  }

  private readonly prismaPool: Pool;

  /**
   * One transaction on one connection of the pool, whose statements go straight to
   * node-postgres (`SqlTx`: raw SQL only, no model API). Prisma's interactive transaction costs
   * the client about four times the CPU for the same statements (docs/performance.md), which a
   * checkout pays on every order. BEGIN … COMMIT, ROLLBACK on any error; a server error
   * (including one raised at COMMIT by a deferred trigger) is thrown as SqlError with its
   * SQLSTATE. A connection whose ROLLBACK failed is not put back in the pool.
   */
  async sqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A checked-out client's errors are ours to handle (the pool listens only to idle ones): a
    // connection lost mid-transaction must fail this transaction, not crash the process.
    const lost = (error: Error) => (broken = error);
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const result = await work(new SqlSession(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // After a failed COMMIT PostgreSQL has already rolled back (ROLLBACK only warns); a ROLLBACK
      // that fails means the connection itself is gone.
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw asSqlError(error);
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }

  /** The read replica (read-replica.ts), when DATABASE_REPLICA_URL names one and the API attached it. */
  private replica: { pick(): PrismaService | null } | null = null;

  attachReplica(replica: { pick(): PrismaService | null } | null): void {
    this.replica = replica;
  }

  /**
   * The client for a read that may be a little stale: the read replica when the current
   * request allows it (a public shop-window query, read-scope.ts) and the replica is a replica,
   * answers and keeps within its lag bound; this primary otherwise. Only the shop window's read
   * methods call it; never for a write or a read a write depends on.
   */
  staleTolerant(): PrismaService {
    if (!this.replica || !staleReadsAllowed()) return this;
    return this.replica.pick() ?? this;
  }

  override async $disconnect(): Promise<void> {
    await super.$disconnect();
    if (!this.poolEnded) {
      this.poolEnded = true;
      await Promise.all([this.prismaPool.end(), this.pool.end()]);
    }
  }

  private poolEnded = false;

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    this.logger.log('database pool closed');
  }
}

export type { SqlTx } from './sql-session';

/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

/** Prisma's unique-constraint violation, used as an idempotency and conflict guard. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
