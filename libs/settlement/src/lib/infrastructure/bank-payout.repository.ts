import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';

/** A connected account's payout to its bank as Stripe last reported it (seller_bank_payouts). */
export interface BankPayoutRow {
  stripePayoutId: string;
  stripeAccountId: string;
  status: 'paid' | 'failed';
  failureCode: string | null;
  failureMessage: string | null;
  reportedAt: Date;
  matchedStatus: string | null;
}

/** Bank payouts of connected accounts and their match to our transfers. Plain data access. */
@Injectable()
export class BankPayoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Records Stripe's report of a bank payout of one of our connected accounts, unless a newer
   * report of it is stored. Answers the row as now stored, or null (not our account, or an
   * older report).
   */
  async record(
    tx: SqlTx,
    p: { stripePayoutId: string; stripeAccountId: string; status: 'paid' | 'failed'; failureCode: string | null; failureMessage: string | null; reportedAt: Date },
  ): Promise<BankPayoutRow | null> {
    const rows = await tx.$queryRaw<BankPayoutRow[]>`
      INSERT INTO seller_bank_payouts (id, stripe_payout_id, stripe_account_id, status, failure_code, failure_message, reported_at)
      SELECT gen_random_uuid(), ${p.stripePayoutId}, a.stripe_account_id, ${p.status}, ${p.failureCode}, ${p.failureMessage}, ${p.reportedAt}
        FROM seller_payout_accounts a WHERE a.stripe_account_id = ${p.stripeAccountId}
      ON CONFLICT (stripe_payout_id) DO UPDATE SET status = excluded.status, failure_code = excluded.failure_code, failure_message = excluded.failure_message, reported_at = excluded.reported_at
       WHERE seller_bank_payouts.reported_at <= excluded.reported_at AND seller_bank_payouts.stripe_account_id = excluded.stripe_account_id
      RETURNING ${COLUMNS}`;
    return rows[0] ?? null;
  }

  async find(stripePayoutId: string, tx: SqlTx | null = null, lock = false): Promise<BankPayoutRow | null> {
    const db = tx ?? this.prisma;
    const rows = lock
      ? await db.$queryRaw<BankPayoutRow[]>`SELECT ${COLUMNS} FROM seller_bank_payouts WHERE stripe_payout_id = ${stripePayoutId} FOR UPDATE`
      : await db.$queryRaw<BankPayoutRow[]>`SELECT ${COLUMNS} FROM seller_bank_payouts WHERE stripe_payout_id = ${stripePayoutId}`;
    return rows[0] ?? null;
  }

  /** The account's transfers whose payment on the connected account is not known yet (made before it was stored). */
  async transfersWithoutPayment(stripeAccountId: string): Promise<{ id: string; stripeTransferId: string }[]> {
    return this.prisma.$queryRaw<{ id: string; stripeTransferId: string }[]>`
      SELECT id::text, stripe_transfer_id AS "stripeTransferId" FROM seller_payouts
       WHERE stripe_account_id = ${stripeAccountId} AND status = 'PAID' AND stripe_transfer_id IS NOT NULL AND destination_payment_id IS NULL
       ORDER BY paid_at, id`;
  }

  async setDestinationPayment(id: string, destinationPaymentId: string): Promise<void> {
    await this.prisma.$executeRaw`UPDATE seller_payouts SET destination_payment_id = ${destinationPaymentId} WHERE id = ${id}::uuid AND destination_payment_id IS NULL`;
  }

  /**
   * Records the bank payout's status on the account's transfers whose payments it carried
   * (`paymentIds`, the sources of its balance transactions), unless a transfer holds a newer
   * report, or a payout other than this one paid it (a failure is not assumed over another
   * payout's success; a failed payout's money carried again by a later one is paid). Answers
   * the rows changed.
   */
  async applyToTransfers(tx: SqlTx, b: BankPayoutRow, paymentIds: readonly string[]): Promise<number> {
    if (!paymentIds.length) return 0;
    const status = b.status === 'paid' ? 'PAID' : 'FAILED';
    return tx.$executeRaw`
      UPDATE seller_payouts SET bank_status = ${status}, bank_payout_id = ${b.stripePayoutId}, bank_failure_code = ${b.failureCode}, bank_failure_message = ${b.failureMessage}, bank_status_at = ${b.reportedAt}
       WHERE stripe_account_id = ${b.stripeAccountId} AND status = 'PAID' AND destination_payment_id = ANY(${[...paymentIds]}::text[])
         AND (bank_status IS NULL OR bank_status = 'FAILED' OR bank_payout_id = ${b.stripePayoutId})
         AND (bank_status_at IS NULL OR bank_status_at <= ${b.reportedAt})
         AND (bank_status IS DISTINCT FROM ${status} OR bank_payout_id IS DISTINCT FROM ${b.stripePayoutId} OR bank_status_at IS DISTINCT FROM ${b.reportedAt})`;
  }

  async markMatched(tx: SqlTx, stripePayoutId: string, status: string, transfers: number): Promise<void> {
    await tx.$executeRaw`UPDATE seller_bank_payouts SET matched_at = now(), matched_status = ${status}, matched_transfers = ${transfers} WHERE stripe_payout_id = ${stripePayoutId}`;
  }
}

const COLUMNS = Prisma.sql`stripe_payout_id AS "stripePayoutId", stripe_account_id AS "stripeAccountId", status, failure_code AS "failureCode", failure_message AS "failureMessage", reported_at AS "reportedAt", matched_status AS "matchedStatus"`;
