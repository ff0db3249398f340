import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@vitrine/shared/data-access';

/** A cart line as a price rule sees it: the catalogue's CNY unit price before any rule. */
export interface PriceableLine {
  /** The cart line id. */
  ref: string;
  variantId: string;
  productId: string;
  unitPriceMinor: number;
}

/**
 * A context that may lower a cart line's unit price (live sessions' flash prices). It answers
 * the lines it prices, by ref; placeOrder snapshots the price on the order line like any other.
 */
export interface CheckoutPriceRule {
  unitPrices(cartId: string, lines: readonly PriceableLine[], at: Date): Promise<ReadonlyMap<string, number>>;
}

export interface PlacedCheckout {
  checkoutId: string;
  cartId: string;
  /** Each order's lines' variants, and their products, in line order. */
  orders: readonly { orderId: string; variantIds: readonly string[]; productIds: readonly string[] }[];
  /** The source marker the shopper came with (placeOrder's `source`: a shelf label's QR code, …); null without one. */
  source?: string | null;
}

/** A context that records something of a checkout in placeOrder's own transaction (live sessions' attribution). */
export interface PlacedCheckoutListener {
  placed(tx: SqlTx, checkout: PlacedCheckout): Promise<void>;
}

/** A context that keeps something of a guest cart when its lines join the shopper's cart (in the merge's transaction). */
export interface CartMergeListener {
  merged(tx: SqlTx, merge: { fromCartId: string; intoCartId: string }): Promise<void>;
}

/**
 * Where contexts that build on orders (they import orders, never the reverse) plug into
 * checkout: they register at start-up. With nothing registered, checkout runs as before, with
 * no extra statement.
 */
@Injectable()
export class CheckoutExtensions {
  private readonly priceRules: CheckoutPriceRule[] = [];
  private readonly listeners: PlacedCheckoutListener[] = [];
  private readonly mergeListeners: CartMergeListener[] = [];

  registerPriceRule(rule: CheckoutPriceRule): void {
    this.priceRules.push(rule);
  }

  registerPlacedListener(listener: PlacedCheckoutListener): void {
    this.listeners.push(listener);
  }

  registerCartMergeListener(listener: CartMergeListener): void {
    this.mergeListeners.push(listener);
  }

  /** The lowest price any rule gives each line it prices (never above the catalogue's). */
  async unitPrices(cartId: string | undefined, lines: readonly PriceableLine[], at: Date): Promise<ReadonlyMap<string, number>> {
    if (!cartId || !this.priceRules.length || !lines.length) return new Map();
    const answers = await Promise.all(this.priceRules.map((r) => r.unitPrices(cartId, lines, at)));
    const best = new Map<string, number>();
    for (const line of lines) {
      for (const a of answers) {
        const price = a.get(line.ref);
        if (price !== undefined && Number.isInteger(price) && price > 0 && price < (best.get(line.ref) ?? line.unitPriceMinor)) best.set(line.ref, price);
      }
    }
    return best;
  }

  async placed(tx: SqlTx, checkout: PlacedCheckout): Promise<void> {
    for (const listener of this.listeners) await listener.placed(tx, checkout);
  }

  async merged(tx: SqlTx, merge: { fromCartId: string; intoCartId: string }): Promise<void> {
    for (const listener of this.mergeListeners) await listener.merged(tx, merge);
  }
}
