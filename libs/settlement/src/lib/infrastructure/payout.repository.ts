import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type Tx } from '@vitrine/shared/data-access';
import type { SellerRef } from '../application/seller-access';

export interface PayoutAccountRow extends SellerRef {
  stripeAccountId: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: string[];
}

export interface PayoutRow extends SellerRef {
  id: string;
  runKey: string;
  stripeAccountId: string;
  amountMinor: number;
  currency: string;
  status: 'PENDING' | 'PAID' | 'FAILED';
  stripeTransferId: string | null;
}

/** Connected accounts and payouts (tables of settlement). Plain data access. */
@Injectable()
export class PayoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  async sellerCountry(s: SellerRef): Promise<string | null> {
    const rows =
      s.sellerType === 'MUSEUM'
        ? await this.prisma.$queryRaw<{ country: string }[]>`SELECT country FROM museums WHERE id = ${s.sellerId}::uuid`
        : await this.prisma.$queryRaw<{ country: string }[]>`SELECT country FROM brands WHERE id = ${s.sellerId}::uuid`;
    return rows[0]?.country ?? null;
  }

  async account(s: SellerRef, tx: Tx | null = null, lock = false): Promise<PayoutAccountRow | null> {
    const db = tx ?? this.prisma;
    const rows = lock
      ? await db.$queryRaw<PayoutAccountRow[]>`SELECT seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId", payouts_enabled AS "payoutsEnabled", details_submitted AS "detailsSubmitted", requirements
          FROM seller_payout_accounts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid FOR UPDATE`
      : await db.$queryRaw<PayoutAccountRow[]>`SELECT seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId", payouts_enabled AS "payoutsEnabled", details_submitted AS "detailsSubmitted", requirements
          FROM seller_payout_accounts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid`;
    return rows[0] ?? null;
  }

  /** Records the seller's account once (a concurrent connect keeps the first). */
  async insertAccount(s: SellerRef, stripeAccountId: string): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO seller_payout_accounts (id, seller_type, seller_id, stripe_account_id)
      VALUES (gen_random_uuid(), ${s.sellerType}, ${s.sellerId}::uuid, ${stripeAccountId})
      ON CONFLICT (seller_type, seller_id) DO NOTHING`;
  }

  async updateStatus(stripeAccountId: string, st: { payoutsEnabled: boolean; detailsSubmitted: boolean; requirements: string[] }): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE seller_payout_accounts SET payouts_enabled = ${st.payoutsEnabled}, details_submitted = ${st.detailsSubmitted}, requirements = ${st.requirements}::text[], updated_at = now()
       WHERE stripe_account_id = ${stripeAccountId}`;
  }

  async payout(tx: Tx, runKey: string, s: SellerRef, currency: string): Promise<PayoutRow | null> {
    const rows = await tx.$queryRaw<PayoutRow[]>`${SELECT} WHERE run_key = ${runKey} AND seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND currency = ${currency}`;
    return rows.map(num)[0] ?? null;
  }

  /** What PENDING payouts of the seller (any run) are about to take, per currency: not in the ledger yet. */
  async pendingMinor(tx: Tx, s: SellerRef, currency: string): Promise<number> {
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(amount_minor), 0)::float8 AS n FROM seller_payouts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND currency = ${currency} AND status = 'PENDING'`;
    return Number(rows[0]?.n ?? 0);
  }

  async insertPayout(tx: Tx, p: Omit<PayoutRow, 'id' | 'status' | 'stripeTransferId'>): Promise<PayoutRow> {
    const rows = await tx.$queryRaw<PayoutRow[]>`
      INSERT INTO seller_payouts (id, run_key, seller_type, seller_id, stripe_account_id, amount_minor, currency)
      VALUES (gen_random_uuid(), ${p.runKey}, ${p.sellerType}, ${p.sellerId}::uuid, ${p.stripeAccountId}, ${p.amountMinor}, ${p.currency})
      RETURNING id::text, run_key AS "runKey", seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId",
                amount_minor::float8 AS "amountMinor", currency, status, stripe_transfer_id AS "stripeTransferId"`;
    return rows.map(num)[0]!;
  }

  async pendingPayouts(): Promise<PayoutRow[]> {
    const rows = await this.prisma.$queryRaw<PayoutRow[]>`${SELECT} WHERE status = 'PENDING' ORDER BY created_at, id`;
    return rows.map(num);
  }

  /** PENDING → PAID with the transfer; false when another runner got there first. */
  async markPaid(tx: Tx, id: string, transferId: string): Promise<boolean> {
    const n = await tx.$executeRaw`UPDATE seller_payouts SET status = 'PAID', stripe_transfer_id = ${transferId}, paid_at = now() WHERE id = ${id}::uuid AND status = 'PENDING'`;
    return n > 0;
  }

  async payoutsOf(s: SellerRef): Promise<(PayoutRow & { paidAt: Date | null; createdAt: Date })[]> {
    const rows = await this.prisma.$queryRaw<(PayoutRow & { paidAt: Date | null; createdAt: Date })[]>`
      SELECT id::text, run_key AS "runKey", seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId",
             amount_minor::float8 AS "amountMinor", currency, status, stripe_transfer_id AS "stripeTransferId", paid_at AS "paidAt", created_at AS "createdAt"
        FROM seller_payouts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid ORDER BY created_at DESC, id LIMIT 100`;
    return rows.map(num);
  }

}

const SELECT = Prisma.sql`SELECT id::text, run_key AS "runKey", seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId",
  amount_minor::float8 AS "amountMinor", currency, status, stripe_transfer_id AS "stripeTransferId" FROM seller_payouts`;

function num<T extends { amountMinor: number; currency: string }>(r: T): T {
  return { ...r, amountMinor: Number(r.amountMinor), currency: r.currency.trim() };
}
