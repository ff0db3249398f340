import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

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

  constructor(options: DatabaseOptions) {
    super({ adapter: new PrismaPg({ connectionString: options.url, max: options.poolSize }) });
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
