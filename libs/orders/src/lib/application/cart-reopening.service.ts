import { Inject, Injectable } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';
import { planCartMerge } from '../domain/cart-merge';
import { CartReopenRepository } from '../infrastructure/cart-reopen.repository';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';

/**
 * A checkout that will never be paid gives its cart back (issue 17: a failed or abandoned
 * payment "leaves the cart as it was"): when the checkout is withdrawn, or every one of its
 * orders is cancelled unpaid (the hold expired, the shopper abandoned it), the cart it was
 * placed from opens again with its lines, and may be checked out again. A signed-in shopper
 * who opened another cart meanwhile finds the lines added to that one instead (units of one
 * variant add up within the cart rules, as a guest cart's merge does). Runs inside the
 * caller's transaction, after its orders and before its stock (docs/adr/0006's lock order).
 */
@Injectable()
export class CartReopening {
  constructor(
    private readonly repo: CartReopenRepository,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
  ) {}

  async reopen(tx: SqlTx, cartId: string): Promise<void> {
    const cart = await this.repo.lockCart(tx, cartId);
    if (!cart || cart.status !== 'CHECKED_OUT') return;
    const other = cart.userId ? await this.repo.lockOpenCartOf(tx, cart.userId) : null;
    if (!other) return this.repo.reopen(tx, cart.id, cart.userId);
    const plan = planCartMerge(other.items, cart.items, { maxCartLines: this.settings.maxCartLines, maxLineQuantity: this.settings.maxLineQuantity });
    await this.repo.setLines(tx, other.id, plan.set);
  }
}
