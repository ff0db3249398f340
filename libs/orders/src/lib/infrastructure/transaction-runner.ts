import { Injectable } from '@nestjs/common';
import { outOfStockAtCommit } from '@vitrine/inventory';
import { PrismaService, type SqlTx, type Tx } from '@vitrine/shared/data-access';

const TRANSIENT_SQLSTATES = ['40P01', '40001', '55P03'];

/** A deadlock or serialization failure: PostgreSQL rolled the transaction back and a retry is safe. */
export function isTransientConflict(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; cause?: { code?: string; originalCode?: string }; message?: string } | null;
  if (!e) return false;
  if (e.code === 'P2034') return true;
  const codes = [e.meta?.code, e.cause?.code, e.cause?.originalCode];
  if (codes.some((c) => c && TRANSIENT_SQLSTATES.includes(c))) return true;
  return /deadlock detected|could not serialize access/i.test(e.message ?? '');
}

/**
 * Runs a unit of work in one interactive transaction, retrying a few times (with jitter)
 * when PostgreSQL aborts it for a deadlock or serialization failure, so those never reach
 * a user. The work must therefore be safe to run again from the start. A commit that a stock
 * claim refused answers OUT_OF_STOCK.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
    return this.retried(() => this.prisma.$transaction(work, { maxWait: 20_000, timeout: 20_000 }), attempts);
  }

  /**
   * The same for work that needs raw SQL only, sent straight to node-postgres
   * (`PrismaService.sqlTransaction`): the checkout's path, where Prisma's interactive
   * transaction was the larger part of the API's CPU per order.
   */
  runSql<T>(work: (tx: SqlTx) => Promise<T>, attempts = 4): Promise<T> {
    return this.retried(() => this.prisma.sqlTransaction(work), attempts);
  }

  private async retried<T>(transaction: () => Promise<T>, attempts: number): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction();
      } catch (error) {
        // The checkout takes its stock at COMMIT (StockService.reserve): a short level fails the commit.
        const outOfStock = outOfStockAtCommit(error);
        if (outOfStock) throw outOfStock;
        if (attempt >= attempts || !isTransientConflict(error)) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }
}
