import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client';

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
  /** The connections Prisma's adapter uses, shared with `hotRead`. */
  private readonly pool: Pool;

  constructor(options: DatabaseOptions) {
    const pool = new Pool({ connectionString: options.url, max: options.poolSize });
    // Prisma ends the pool on $disconnect.
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.pool = pool;
    // An idle connection the server closes (a restart, a dropped test database) is not an error
    // of any request: the pool replaces it.
    pool.on('error', (error) => this.logger.warn(`idle database connection lost: ${error.message}`));
  }

  /**
   * A read on the hottest public paths (a product page, a checkout's cart and stock check),
   * sent straight to node-postgres on Prisma's own pool: the same `Prisma.sql` statement costs
   * about a third of the client CPU of `$queryRaw` (docs/performance.md). Rows come as
   * node-postgres gives them: int8 and numeric as strings, json parsed, timestamps as Date.
   * Never inside a transaction; writes go through Prisma.
   */
  async hotRead<T>(query: Prisma.Sql): Promise<T[]> {
    return (await this.pool.query(query.text, query.values as unknown[])).rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    this.logger.log('database pool closed');
  }
}

/** The client inside `$transaction(async (tx) => …)`. */
export type Tx = Omit<
  PrismaClient,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

/** Prisma's unique-constraint violation, used as an idempotency and conflict guard. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
