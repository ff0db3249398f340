import { Injectable } from '@nestjs/common';
import { CartService } from '@vitrine/orders';
import { NotFoundError, validate, type Actor } from '@vitrine/shared/kernel';
import { LiveError, LiveErrorCode } from '../domain/live-error';
import { liveCartLineSchema, sessionPhase } from '../domain/live-rules';
import { LiveRepository } from '../infrastructure/live.repository';
import { LiveProducts } from './live-products';

export interface LiveCartLine {
  cartId: string;
  /** A guest's new cart token (null when the cart existed or the shopper is signed in). */
  cartToken: string | null;
  variantId: string;
  quantity: number;
  /** The line's unit price as the cart prices it now (the flash price while it runs). */
  unitPriceMinor: number;
  currency: 'CNY';
}

/**
 * Adding to the cart from a live page: the cart's own addCartLine (every cart rule and
 * refusal), then the line is marked as added from the session, which is what lets the flash
 * price apply to it and what attributes its order to the session.
 */
@Injectable()
export class LiveCartService {
  constructor(
    private readonly carts: CartService,
    private readonly repo: LiveRepository,
    private readonly products: LiveProducts,
  ) {}

  async addLine(actor: Actor | null, raw: unknown): Promise<LiveCartLine> {
    const input = validate(liveCartLineSchema, raw);
    const session = await this.repo.findById(input.sessionId);
    if (!session || session.cancelledAt) throw new NotFoundError('Live session');
    if (sessionPhase(session, new Date()) === 'ENDED') throw new LiveError(LiveErrorCode.SESSION_ENDED, 'This live session has ended', { field: 'input.sessionId' });
    const variant = await this.products.variant(input.variantId);
    if (!variant || !session.productIds.includes(variant.productId)) {
      throw new LiveError(LiveErrorCode.PRODUCT_NOT_IN_BAG, 'This product is not in the session’s bag', { field: 'input.variantId' });
    }
    const added = await this.carts.addItem(actor, { cartToken: input.cartToken, variantId: input.variantId, quantity: input.quantity });
    await this.repo.recordCartLine({ cartId: added.cart.id, variantId: input.variantId, productId: variant.productId, sessionId: session.id });
    const view = await this.carts.view(actor, added.cartToken ?? input.cartToken ?? null);
    const line = view?.quote.orders.flatMap((o) => o.lines).find((l) => l.variantId === input.variantId);
    const item = added.cart.items.find((i) => i.variantId === input.variantId);
    return {
      cartId: added.cart.id,
      cartToken: added.cartToken,
      variantId: input.variantId,
      quantity: item?.quantity ?? input.quantity,
      unitPriceMinor: line?.unitPriceMinor ?? 0,
      currency: 'CNY',
    };
  }
}
