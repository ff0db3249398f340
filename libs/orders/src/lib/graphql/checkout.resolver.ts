import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AbandonCheckoutService } from '../application/abandon-checkout.service';
import { CheckoutConsentService } from '../application/checkout-consent.service';
import { CurrentActor, Public, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { OrderQueriesService } from '../application/order-queries.service';
import { PlaceOrderService } from '../application/place-order.service';
import { SavedOrdererService } from '../application/saved-orderer.service';
import { toCheckout, toPlacedCheckout } from './orders.mappers';
import { primeOrderLoaders } from './order-loaders';
import { CheckoutConsentType, CheckoutType, PlaceOrderInput } from './orders.types';

@Public()
@Resolver(() => CheckoutType)
export class CheckoutResolver {
  constructor(
    private readonly consents: CheckoutConsentService,
    private readonly placeOrders: PlaceOrderService,
    private readonly queries: OrderQueriesService,
    private readonly abandoner: AbandonCheckoutService,
    private readonly savedOrderers: SavedOrdererService,
  ) {}

  @Mutation(() => CheckoutType, {
    description:
      'The shopper gives up their unpaid checkout: the PaymentIntent is cancelled at Stripe, the orders CANCELLED and their stock released. A declined card does not end a checkout; this (or the hold’s expiry) does. Signed-in shoppers their own checkout, guests with its cart token; anyone else NOT_FOUND. Refusals: INVALID_TRANSITION (nothing awaits payment), PAYMENT_IN_PROGRESS (Stripe took the payment), PAYMENT_PROVIDER_UNAVAILABLE.',
  })
  async abandonCheckout(
    @CurrentActor() actor: Actor | null,
    @Args('checkoutId', { type: () => ID }) checkoutId: string,
    @Args('cartToken', { type: () => String, nullable: true }) cartToken?: string,
  ) {
    const { checkout, orders } = await this.abandoner.abandon(actor, checkoutId, cartToken ?? null);
    return toCheckout(checkout, orders, null, false);
  }

  @Mutation(() => CheckoutType, {
    description:
      'Places the cart: one order per seller, stock reserved, one Stripe PaymentIntent (CNY). Refusals: INVALID_RESIDENT_ID, ORDER_LIMIT_EXCEEDED, SINGLE_ITEM_OVER_LIMIT, ANNUAL_LIMIT_EXCEEDED, OUT_OF_STOCK, NOT_LISTABLE_FOR_CHINA, CONSENT_REQUIRED, PAYER_MISMATCH, IDEMPOTENCY_KEY_REUSED, CART_CLOSED, CART_EMPTY.',
  })
  async placeOrder(@CurrentActor() actor: Actor | null, @Args('input') input: PlaceOrderInput, @Context() ctx: RequestContext) {
    // A saved orderer identity (savedIdentityId) becomes its stored number before checkout's own checks.
    const placed = await this.placeOrders.place(actor, await this.savedOrderers.fill(actor, input));
    // A new checkout's orders are answered from what it wrote: lines, history and payment read nothing again.
    if (placed.written) {
      primeOrderLoaders(ctx, this.queries, { orderIds: placed.orders.map((o) => o.id), lines: placed.written.lines, history: placed.written.history, payment: placed.payment.record ?? null });
    }
    return toPlacedCheckout(placed);
  }

  @Query(() => CheckoutConsentType, {
    description:
      'The ID-use consent checkout shows (title, text, label) in zh-CN (default), en or fr, stating the retention in force, and the version placeOrder records. VALIDATION_FAILED for another locale.',
  })
  checkoutConsent(@Args('locale', { type: () => String, nullable: true }) locale?: string | null): CheckoutConsentType {
    return this.consents.consent(locale);
  }

  @Query(() => CheckoutType, { description: 'A guest’s checkout (its orders and their states), opened with the token of the cart it was placed from.' })
  async orderByCart(@Args('cartToken', { type: () => String }) cartToken: string) {
    const { checkout, orders } = await this.queries.checkoutOfGuestCart(cartToken);
    return toCheckout(checkout, orders, null, false);
  }
}
