import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { StorefrontsReadPort } from '@vitrine/storefronts';
import type { SellerRef } from '../application/seller-access';

export interface PayoutAccountRow extends SellerRef {
  stripeAccountId: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirements: string[];
  chargesEnabled: boolean;
  bankPayoutStatus: string | null;
  bankPayoutFailureCode: string | null;
  /** The account's default currency as Stripe last said (null before it was read). */
  payoutCurrency: string | null;
}

export interface PayoutRow extends SellerRef {
  id: string;
  runKey: string;
  stripeAccountId: string;
  amountMinor: number;
  currency: string;
  status: 'PENDING' | 'PAID' | 'FAILED';
  stripeTransferId: string | null;
  /** The checkout whose money the transfer carries, and its transfer group ('' for none). */
  checkoutId: string | null;
  transferGroup: string;
}

/** A PAID transfer as the seller's payouts list shows it: what Stripe reversed, and its bank payout. */
export interface PayoutListRow extends PayoutRow {
  reversedMinor: number;
  paidAt: Date | null;
  createdAt: Date;
  bankStatus: 'PAID' | 'FAILED' | null;
  bankPayoutId: string | null;
  bankFailureCode: string | null;
  bankFailureMessage: string | null;
  /** What the seller's account received, in its payout currency, and Stripe's rate (null until read; the rate null without conversion). */
  receivedMinor: number | null;
  receivedCurrency: string | null;
  exchangeRate: string | null;
}

/** Connected accounts and payouts (tables of settlement). Plain data access. */
@Injectable()
export class PayoutRepository {
  constructor(private readonly prisma: PrismaService) {}

  async sellerCountry(s: SellerRef): Promise<string | null> {
    const rows =
      s.sellerType === 'MUSEUM'
        ? await this.prisma.$queryRaw<{ country: string }[]>`SELECT m.country FROM ${StorefrontsReadPort.museums} m WHERE m.id = ${s.sellerId}::uuid`
        : await this.prisma.$queryRaw<{ country: string }[]>`SELECT b.country FROM ${StorefrontsReadPort.brands} b WHERE b.id = ${s.sellerId}::uuid`;
    return rows[0]?.country ?? null;
  }

  async account(s: SellerRef, tx: SqlTx | null = null, lock = false): Promise<PayoutAccountRow | null> {
    const db = tx ?? this.prisma;
    const rows = lock
      ? await db.$queryRaw<PayoutAccountRow[]>`SELECT seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId", payouts_enabled AS "payoutsEnabled", details_submitted AS "detailsSubmitted", requirements,
                 charges_enabled AS "chargesEnabled", bank_payout_status AS "bankPayoutStatus", bank_payout_failure_code AS "bankPayoutFailureCode", trim(payout_currency) AS "payoutCurrency"
          FROM seller_payout_accounts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid FOR UPDATE`
      : await db.$queryRaw<PayoutAccountRow[]>`SELECT seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId", payouts_enabled AS "payoutsEnabled", details_submitted AS "detailsSubmitted", requirements,
                 charges_enabled AS "chargesEnabled", bank_payout_status AS "bankPayoutStatus", bank_payout_failure_code AS "bankPayoutFailureCode", trim(payout_currency) AS "payoutCurrency"
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

  /**
   * Stores the account's status as Stripe had it at `at`, unless a newer one is stored (an
   * account.updated delivered late). Answers how many rows changed.
   */
  async updateStatus(
    stripeAccountId: string,
    st: { chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean; requirements: string[]; at: Date },
    tx: SqlTx | null = null,
  ): Promise<number> {
    return (tx ?? this.prisma).$executeRaw`
      UPDATE seller_payout_accounts SET charges_enabled = ${st.chargesEnabled}, payouts_enabled = ${st.payoutsEnabled}, details_submitted = ${st.detailsSubmitted},
             requirements = ${st.requirements}::text[], status_at = ${st.at}, updated_at = now()
       WHERE stripe_account_id = ${stripeAccountId} AND (status_at IS NULL OR status_at <= ${st.at})`;
  }

  /** The connected account's latest payout to its bank, unless a newer one is stored. */
  async recordBankPayout(tx: SqlTx, stripeAccountId: string, p: { payoutId: string; status: string; failureCode: string | null; at: Date }): Promise<number> {
    return tx.$executeRaw`
      UPDATE seller_payout_accounts SET bank_payout_id = ${p.payoutId}, bank_payout_status = ${p.status}, bank_payout_failure_code = ${p.failureCode}, bank_payout_at = ${p.at}, updated_at = now()
       WHERE stripe_account_id = ${stripeAccountId} AND (bank_payout_at IS NULL OR bank_payout_at <= ${p.at})`;
  }

  /** The payout a transfer paid (by its transfer id, else by our id from its metadata), locked. */
  async payoutOfTransferForUpdate(tx: SqlTx, transferId: string, payoutId: string | null): Promise<PayoutRow | null> {
    const byTransfer = await tx.$queryRaw<PayoutRow[]>`${SELECT} WHERE stripe_transfer_id = ${transferId} FOR UPDATE`;
    if (byTransfer[0]) return num(byTransfer[0]);
    if (!payoutId || !/^[0-9a-f-]{36}$/i.test(payoutId)) return null;
    const byId = await tx.$queryRaw<PayoutRow[]>`${SELECT} WHERE id = ${payoutId}::uuid FOR UPDATE`;
    return byId.map(num)[0] ?? null;
  }

  /** Records a reversal once (by Stripe's id); false when it was already recorded. */
  async insertReversal(tx: SqlTx, r: { payoutId: string; stripeReversalId: string; amountMinor: number; currency: string }): Promise<boolean> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO seller_payout_reversals (id, payout_id, stripe_reversal_id, amount_minor, currency)
      VALUES (gen_random_uuid(), ${r.payoutId}::uuid, ${r.stripeReversalId}, ${r.amountMinor}, ${r.currency})
      ON CONFLICT (stripe_reversal_id) DO NOTHING RETURNING id::text`;
    if (!rows.length) return false;
    await tx.$executeRaw`UPDATE seller_payouts SET reversed_minor = reversed_minor + ${r.amountMinor} WHERE id = ${r.payoutId}::uuid`;
    return true;
  }

  /** What PENDING payouts of the seller (any run) are about to take, per currency: not in the ledger yet. */
  async pendingMinor(tx: SqlTx, s: SellerRef, currency: string): Promise<number> {
    const rows = await tx.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(amount_minor), 0)::float8 AS n FROM seller_payouts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND currency = ${currency} AND status = 'PENDING'`;
    return Number(rows[0]?.n ?? 0);
  }

  async insertPayout(tx: SqlTx, p: Omit<PayoutRow, 'id' | 'status' | 'stripeTransferId'>): Promise<PayoutRow> {
    const rows = await tx.$queryRaw<PayoutRow[]>`
      INSERT INTO seller_payouts (id, run_key, seller_type, seller_id, stripe_account_id, amount_minor, currency, checkout_id, transfer_group)
      VALUES (gen_random_uuid(), ${p.runKey}, ${p.sellerType}, ${p.sellerId}::uuid, ${p.stripeAccountId}, ${p.amountMinor}, ${p.currency}, ${p.checkoutId}::uuid, ${p.transferGroup})
      RETURNING ${COLUMNS}`;
    return rows.map(num)[0]!;
  }

  /**
   * What the seller is still owed from each checkout's money in a currency: its payable lines
   * of the checkout's entries (payouts and their reversals are posted under the checkout they
   * carry) less the checkout's payouts still PENDING (not in the ledger yet).
   */
  async owedByCheckout(tx: SqlTx, s: SellerRef, currency: string): Promise<{ checkoutId: string; owedMinor: number; since: Date }[]> {
    const rows = await tx.$queryRaw<{ checkoutId: string; owedMinor: number; since: Date }[]>`
      WITH owed AS (
        SELECT e.checkout_id, -sum(l.amount_minor) AS owed, min(e.created_at) AS since
          FROM settlement_accounts a
          JOIN settlement_journal_lines l ON l.account_id = a.id AND l.currency = ${currency}
          JOIN settlement_journal_entries e ON e.id = l.entry_id
         WHERE a.kind = 'SELLER_PAYABLE' AND a.owner_type = ${s.sellerType} AND a.owner_id = ${s.sellerId}::uuid AND e.checkout_id IS NOT NULL
         GROUP BY e.checkout_id
      ), pending AS (
        SELECT checkout_id, sum(amount_minor) AS out FROM seller_payouts
         WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND currency = ${currency} AND status = 'PENDING' AND checkout_id IS NOT NULL
         GROUP BY checkout_id
      )
      SELECT owed.checkout_id::text AS "checkoutId", (owed.owed - coalesce(pending.out, 0))::float8 AS "owedMinor", owed.since
        FROM owed LEFT JOIN pending USING (checkout_id)`;
    return rows.map((r) => ({ ...r, owedMinor: Number(r.owedMinor) }));
  }

  /** The run's payouts to the seller in a currency (one per transfer group). */
  async payoutsOfRun(tx: SqlTx, runKey: string, s: SellerRef, currency: string): Promise<PayoutRow[]> {
    const rows = await tx.$queryRaw<PayoutRow[]>`${SELECT} WHERE run_key = ${runKey} AND seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND currency = ${currency} ORDER BY created_at, id`;
    return rows.map(num);
  }

  /** The account's payout currency (its default currency, from a read of the account). */
  async setPayoutCurrency(stripeAccountId: string, currency: string): Promise<void> {
    await this.prisma.$executeRaw`UPDATE seller_payout_accounts SET payout_currency = ${currency} WHERE stripe_account_id = ${stripeAccountId} AND payout_currency IS DISTINCT FROM ${currency}`;
  }

  /** Records what the transfer's account received (once: a second read changes nothing). */
  async recordReceipt(payoutId: string, r: { amountMinor: number; currency: string; exchangeRate: string | null }): Promise<boolean> {
    const n = await this.prisma.$executeRaw`
      UPDATE seller_payouts SET received_minor = ${r.amountMinor}, received_currency = ${r.currency}, exchange_rate = ${r.exchangeRate}, received_at = now()
       WHERE id = ${payoutId}::uuid AND status = 'PAID' AND received_minor IS NULL`;
    return n > 0;
  }

  /** PAID transfers whose receipt was not read yet (Stripe did not answer then), oldest first. */
  async withoutReceipt(limit: number): Promise<{ id: string; stripeTransferId: string }[]> {
    return this.prisma.$queryRaw<{ id: string; stripeTransferId: string }[]>`
      SELECT id::text, stripe_transfer_id AS "stripeTransferId" FROM seller_payouts
       WHERE status = 'PAID' AND received_minor IS NULL AND stripe_transfer_id IS NOT NULL ORDER BY paid_at, id LIMIT ${limit}`;
  }

  /** Every seller's not-paid-out money (see notPaidOut), per currency: for the operator's view. */
  async notPaidOutAll(): Promise<(SellerRef & { currency: string; amountMinor: number })[]> {
    const rows = await this.prisma.$queryRaw<(SellerRef & { currency: string; amountMinor: number })[]>`
      SELECT seller_type AS "sellerType", seller_id::text AS "sellerId", currency, sum(amount_minor - reversed_minor)::float8 AS "amountMinor" FROM seller_payouts
       WHERE status = 'PAID' AND bank_status = 'FAILED'
       GROUP BY seller_type, seller_id, currency HAVING sum(amount_minor - reversed_minor) > 0`;
    return rows.map((r) => ({ ...r, currency: r.currency.trim(), amountMinor: Number(r.amountMinor) }));
  }

  /** Per currency, what was transferred to the seller whose bank payout failed (less what was reversed): at Stripe, not paid out. */
  async notPaidOut(s: SellerRef): Promise<{ currency: string; amountMinor: number }[]> {
    const rows = await this.prisma.$queryRaw<{ currency: string; amountMinor: number }[]>`
      SELECT currency, sum(amount_minor - reversed_minor)::float8 AS "amountMinor" FROM seller_payouts
       WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND status = 'PAID' AND bank_status = 'FAILED'
       GROUP BY currency HAVING sum(amount_minor - reversed_minor) > 0 ORDER BY currency`;
    return rows.map((r) => ({ currency: r.currency.trim(), amountMinor: Number(r.amountMinor) }));
  }

  async pendingPayouts(): Promise<PayoutRow[]> {
    const rows = await this.prisma.$queryRaw<PayoutRow[]>`${SELECT} WHERE status = 'PENDING' ORDER BY created_at, id`;
    return rows.map(num);
  }

  /** PENDING → PAID with the transfer and its payment on the connected account; false when another runner got there first. */
  async markPaid(tx: SqlTx, id: string, transferId: string, destinationPaymentId: string | null): Promise<boolean> {
    const n = await tx.$executeRaw`UPDATE seller_payouts SET status = 'PAID', stripe_transfer_id = ${transferId}, destination_payment_id = ${destinationPaymentId}, paid_at = now() WHERE id = ${id}::uuid AND status = 'PENDING'`;
    return n > 0;
  }

  /** The seller's transfers made in a currency (PAID payouts), with what was reversed of each. */
  async paidTransfers(tx: SqlTx, s: SellerRef, currency: string): Promise<{ payoutId: string; createdAt: Date; amountMinor: number; reversedMinor: number; checkoutId: string | null }[]> {
    const rows = await tx.$queryRaw<{ payoutId: string; createdAt: Date; amountMinor: number; reversedMinor: number; checkoutId: string | null }[]>`
      SELECT id::text AS "payoutId", coalesce(paid_at, created_at) AS "createdAt", amount_minor::float8 AS "amountMinor", reversed_minor::float8 AS "reversedMinor", checkout_id::text AS "checkoutId"
        FROM seller_payouts
       WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid AND currency = ${currency} AND status = 'PAID' AND stripe_transfer_id IS NOT NULL`;
    return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), reversedMinor: Number(r.reversedMinor) }));
  }

  async payoutById(id: string): Promise<PayoutRow | null> {
    const rows = await this.prisma.$queryRaw<PayoutRow[]>`${SELECT} WHERE id = ${id}::uuid`;
    return rows.map(num)[0] ?? null;
  }

  async payoutsOf(s: SellerRef): Promise<PayoutListRow[]> {
    const rows = await this.prisma.$queryRaw<PayoutListRow[]>`
      SELECT ${COLUMNS}, reversed_minor::float8 AS "reversedMinor", paid_at AS "paidAt", created_at AS "createdAt",
             bank_status AS "bankStatus", bank_payout_id AS "bankPayoutId", bank_failure_code AS "bankFailureCode", bank_failure_message AS "bankFailureMessage",
             received_minor::float8 AS "receivedMinor", trim(received_currency) AS "receivedCurrency", exchange_rate AS "exchangeRate"
        FROM seller_payouts WHERE seller_type = ${s.sellerType} AND seller_id = ${s.sellerId}::uuid ORDER BY created_at DESC, id LIMIT 100`;
    return rows.map((r) => ({ ...num(r), reversedMinor: Number(r.reversedMinor), receivedMinor: r.receivedMinor == null ? null : Number(r.receivedMinor) }));
  }
}

const COLUMNS = Prisma.sql`id::text, run_key AS "runKey", seller_type AS "sellerType", seller_id::text AS "sellerId", stripe_account_id AS "stripeAccountId",
  amount_minor::float8 AS "amountMinor", currency, status, stripe_transfer_id AS "stripeTransferId", checkout_id::text AS "checkoutId", transfer_group AS "transferGroup"`;
const SELECT = Prisma.sql`SELECT ${COLUMNS} FROM seller_payouts`;

function num<T extends { amountMinor: number; currency: string }>(r: T): T {
  return { ...r, amountMinor: Number(r.amountMinor), currency: r.currency.trim() };
}
