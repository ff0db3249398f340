import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OrdersSourcesModule, PaymentsPayoutProvider, PaymentsStripeFeeReader } from '@vitrine/orders';
import { PaymentsModule } from '@vitrine/payments';
import { SettlementJobsModule } from '@vitrine/settlement';
import { DataAccessModule } from '@vitrine/shared/data-access';

@Module({ imports: [DataAccessModule, OrdersSourcesModule, SettlementJobsModule.register({ imports: [PaymentsModule], feeReader: PaymentsStripeFeeReader, payouts: PaymentsPayoutProvider })] })
class SettlementJobsTestModule {}

/**
 * The worker's settlement services (SettlementJobsModule with its Stripe adapters), built in the
 * test's process on the suite's DATABASE_URL and Stripe settings: for suites that run a job's
 * service themselves (twice, or several at once) instead of waiting for a worker.
 */
export async function withSettlementJobs<T>(fn: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(SettlementJobsTestModule, { logger: ['error'] });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
