import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CheckoutExtensions, type CartMergeListener, type CheckoutPriceRule, type PlacedCheckoutFacts, type PlacedCheckoutListener, type PriceableLine } from '@vitrine/orders';
import type { SqlTx } from '@vitrine/shared/data-access';
import { LiveCheckoutProducts } from '../application/live-checkout-products';
import { LiveRepository } from './live.repository';

/**
 * Live sessions in checkout (orders' CheckoutExtensions): a line added from a live page is
 * priced at its session's flash price while that runs (one indexed read of the cart's live
 * lines per quote), placeOrder's transaction records which orders came from which session, and a
 * guest cart merged at sign-in hands its live marks to the shopper's cart. A cart with no
 * product under a flash price, or a checkout with none from a recent session's bag, costs no
 * statement (LiveCheckoutProducts).
 */
@Injectable()
export class LiveCheckoutHooks implements CheckoutPriceRule, PlacedCheckoutListener, CartMergeListener, OnModuleInit {
  constructor(
    private readonly extensions: CheckoutExtensions,
    private readonly repo: LiveRepository,
    private readonly live: LiveCheckoutProducts,
  ) {}

  onModuleInit(): void {
    this.extensions.registerPriceRule(this);
    this.extensions.registerPlacedListener(this);
    this.extensions.registerCartMergeListener(this);
  }

  async unitPrices(cartId: string, lines: readonly PriceableLine[], at: Date): Promise<ReadonlyMap<string, number>> {
    const { flash: flashed } = await this.live.get(at.getTime());
    if (!lines.some((l) => flashed.has(l.productId))) return new Map();
    const flash = new Map((await this.repo.flashPricesOfCart(cartId, at)).map((r) => [r.variantId, r.priceMinor]));
    const prices = new Map<string, number>();
    for (const line of lines) {
      const price = flash.get(line.variantId);
      if (price !== undefined) prices.set(line.ref, price);
    }
    return prices;
  }

  async placed(tx: SqlTx, checkout: PlacedCheckoutFacts): Promise<void> {
    const { bag } = await this.live.get(Date.now(), tx);
    if (!checkout.orders.some((o) => o.productIds.some((p) => bag.has(p)))) return;
    await this.repo.attributeOrders(tx, checkout.cartId, checkout.orders);
  }

  /** A guest's lines added on a live page keep their session in the shopper's cart after sign-in. */
  merged(tx: SqlTx, merge: { fromCartId: string; intoCartId: string }): Promise<void> {
    return this.repo.moveCartLines(tx, merge.fromCartId, merge.intoCartId);
  }
}
