import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OrdersSourcesModule, PaymentsPayoutProvider, PaymentsStripeFeeReader } from '@vitrine/orders';
import { PaymentsModule } from '@vitrine/payments';
import { BankPayoutsService, SettlementJobsModule, type BankPayoutMatch } from '@vitrine/settlement';
import { DataAccessModule } from '@vitrine/shared/data-access';

@Module({ imports: [DataAccessModule, OrdersSourcesModule, SettlementJobsModule.register({ imports: [PaymentsModule], feeReader: PaymentsStripeFeeReader, payouts: PaymentsPayoutProvider })] })
class BankPayoutJobModule {}

/**
 * What the worker's `settlement.bank-payout` job does, run in the test's process (the suite's
 * DATABASE_URL and Stripe settings): for suites that check what a bank payout shows without
 * running a worker (which would also run every other job in the outbox).
 */
export async function runBankPayoutJob(stripePayoutId: string): Promise<BankPayoutMatch> {
  const app = await NestFactory.createApplicationContext(BankPayoutJobModule, { logger: ['error'] });
  try {
    return await app.get(BankPayoutsService).match(stripePayoutId);
  } finally {
    await app.close();
  }
}
