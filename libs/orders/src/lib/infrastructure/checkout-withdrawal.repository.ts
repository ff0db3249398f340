import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';

/**
 * A checkout that never got its PaymentIntent is withdrawn: its rows go, its cart opens again
 * (docs/adr/0006). Plain data access; the rules are in CheckoutWithdrawal.
 */
@Injectable()
export class CheckoutWithdrawalRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Locks the checkout row; null when it no longer exists (withdrawn already). */
  async lockCheckout(tx: SqlTx, checkoutId: string): Promise<{ cartId: string; orderIds: string[] } | null> {
    const rows = await tx.$queryRaw<{ cart_id: string }[]>`SELECT cart_id::text FROM checkouts WHERE id = ${checkoutId}::uuid FOR UPDATE`;
    if (!rows[0]) return null;
    const orders = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM orders WHERE checkout_id = ${checkoutId}::uuid ORDER BY id FOR UPDATE`;
    return { cartId: rows[0].cart_id, orderIds: orders.map((o) => o.id) };
  }

  /** Deletes the checkout, its orders, their lines and history (their reservations are released first). */
  async deleteCheckout(tx: SqlTx, checkoutId: string, orderIds: readonly string[]): Promise<void> {
    await tx.$executeRaw`DELETE FROM order_status_changes WHERE order_id = ANY(${[...orderIds]}::uuid[])`;
    await tx.$executeRaw`DELETE FROM order_lines WHERE order_id = ANY(${[...orderIds]}::uuid[])`;
    await tx.$executeRaw`DELETE FROM orders WHERE id = ANY(${[...orderIds]}::uuid[])`;
    await tx.$executeRaw`DELETE FROM checkouts WHERE id = ${checkoutId}::uuid`;
  }

  /**
   * True while the checkout exists. Share-locks its key for the statement: a withdrawal in flight
   * (which holds the row FOR UPDATE) is waited for, so a payment recorded before this answer
   * is seen by any later withdrawal, which then keeps the checkout.
   */
  /** stillPlaced as a condition of another statement (the payment's insert): true while the checkout exists, whose row it key-share locks. */
  stillPlacedCondition(checkoutId: string): Prisma.Sql {
    return Prisma.sql`EXISTS (SELECT 1 FROM checkouts WHERE id = ${checkoutId}::uuid FOR KEY SHARE)`;
  }

  async stillPlaced(checkoutId: string): Promise<boolean> {
    const rows = await this.prisma.sql.$queryRaw<{ one: number }[]>`SELECT 1 AS one FROM checkouts WHERE id = ${checkoutId}::uuid FOR KEY SHARE`;
    return rows.length === 1;
  }
}
