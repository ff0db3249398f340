import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';
import type { MergeLine } from '../domain/cart-merge';

/** A checked-out cart as reopening sees it. */
export interface ClosedCart {
  id: string;
  userId: string | null;
  status: string;
  items: MergeLine[];
}

/**
 * The SQL behind CartReopening: a checked-out cart opened again with its lines, or its lines
 * added to the shopper's other open cart. Plain data access; the rules are in the service.
 */
@Injectable()
export class CartReopenRepository {
  /** Locks the cart row (and reads its lines); null when it does not exist. */
  async lockCart(tx: SqlTx, cartId: string): Promise<ClosedCart | null> {
    const rows = await tx.$queryRaw<{ id: string; user_id: string | null; status: string }[]>`
      SELECT id::text, user_id::text, status::text FROM carts WHERE id = ${cartId}::uuid FOR UPDATE`;
    return rows[0] ? { id: rows[0].id, userId: rows[0].user_id, status: rows[0].status, items: await this.items(tx, cartId) } : null;
  }

  /** The shopper's open cart other than `exceptId`, locked, with its lines; null when they have none. */
  async lockOpenCartOf(tx: SqlTx, userId: string): Promise<ClosedCart | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM carts WHERE open_user_id = ${userId}::uuid AND status = 'OPEN' FOR UPDATE`;
    return rows[0] ? { id: rows[0].id, userId, status: 'OPEN', items: await this.items(tx, rows[0].id) } : null;
  }

  /** Opens the cart again; a shopper's becomes their open cart. */
  async reopen(tx: SqlTx, cartId: string, userId: string | null): Promise<void> {
    await tx.$executeRaw`UPDATE carts SET status = 'OPEN', open_user_id = ${userId}::uuid, updated_at = now() WHERE id = ${cartId}::uuid AND status = 'CHECKED_OUT'`;
  }

  /** Sets the quantity of each line (new lines inserted) of an open cart. */
  async setLines(tx: SqlTx, cartId: string, lines: readonly MergeLine[]): Promise<void> {
    if (!lines.length) return;
    await tx.$executeRaw`
      INSERT INTO cart_items (id, cart_id, variant_id, quantity)
      SELECT gen_random_uuid(), ${cartId}::uuid, l.variant_id, l.quantity
      FROM unnest(${lines.map((l) => l.variantId)}::uuid[], ${lines.map((l) => l.quantity)}::int[]) AS l(variant_id, quantity)
      ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity`;
    await tx.$executeRaw`UPDATE carts SET updated_at = now() WHERE id = ${cartId}::uuid`;
  }

  private items(tx: SqlTx, cartId: string): Promise<MergeLine[]> {
    return tx.$queryRaw<{ variantId: string; quantity: number }[]>`
      SELECT variant_id::text AS "variantId", quantity FROM cart_items WHERE cart_id = ${cartId}::uuid ORDER BY created_at, id`;
  }
}
