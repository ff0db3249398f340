import { Inject } from '@nestjs/common';
import { Args, Info, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { CROSS_BORDER_RULES, type CrossBorderRules } from '@vitrine/customs';
import { CurrentActor, Public, type Actor } from '@vitrine/shared/graphql';
import { CartService } from '../application/cart.service';
import { toCart } from './orders.mappers';
import { CartLineInput, CartPayloadType, CartType, MergeGuestCartPayloadType } from './orders.types';

@Public()
@Resolver(() => CartType)
export class CartResolver {
  constructor(
    private readonly carts: CartService,
    @Inject(CROSS_BORDER_RULES) private readonly rules: CrossBorderRules,
  ) {}

  @ResolveField(() => Int, { description: 'The per-order limit on the dutiable value of each seller order, CNY fen, as placeOrder applies it (ORDER_LIMIT_EXCEEDED).' })
  orderLimit(): number {
    return this.rules.orderLimitMinor;
  }

  @ResolveField(() => Int, { description: 'The yearly limit on the dutiable value per buyer identity, CNY fen, as placeOrder applies it (ANNUAL_LIMIT_EXCEEDED).' })
  annualLimit(): number {
    return this.rules.annualLimitMinor;
  }

  @Query(() => CartType, { nullable: true, description: 'The signed-in shopper’s open cart, or the guest cart of this token; priced in CNY on the server.' })
  async cart(
    @CurrentActor() actor: Actor | null,
    @Args('cartToken', { type: () => String, nullable: true }) cartToken?: string,
    @Args('couponCode', { type: () => String, nullable: true, description: 'The coupon the shopper entered: applied if it can be, else Cart.coupon.problem says why.' }) couponCode?: string,
  ) {
    const view = await this.carts.view(actor, cartToken, couponCode);
    return view ? toCart(view) : null;
  }

  @Mutation(() => CartType, {
    description:
      'Checks a coupon code against the cart and answers the cart priced with it (the best combination of promotions). Refused with a stable code and nothing written: COUPON_INVALID, COUPON_EXPIRED, COUPON_NOT_STARTED, COUPON_EXHAUSTED, COUPON_LIMIT_REACHED, COUPON_NOT_APPLICABLE (e.g. another storefront’s coupon), COUPON_MIN_SPEND_NOT_MET. Send the code again as cart(couponCode) and placeOrder(input.couponCode).',
  })
  async applyCartCoupon(
    @CurrentActor() actor: Actor | null,
    @Args('code', { type: () => String }) code: string,
    @Args('cartToken', { type: () => String, nullable: true }) cartToken?: string,
  ) {
    return toCart(await this.carts.withCoupon(actor, cartToken, code));
  }

  @Mutation(() => CartPayloadType, { description: 'Adds units of a variant; a guest without a cart gets one (and its token).' })
  async addCartLine(@CurrentActor() actor: Actor | null, @Args('input') input: CartLineInput, @Info() info: GraphQLResolveInfo) {
    // The shop asks `cartToken cart { id }`: such an answer needs no priced cart (no stock read).
    if (asksOnlyCartId(info)) {
      const added = await this.carts.addItemUnpriced(actor, input);
      return { cartToken: added.cartToken, cart: { id: added.cartId } as CartType };
    }
    const payload = await this.carts.addItem(actor, input);
    return { cartToken: payload.cartToken, cart: toCart(payload) };
  }

  @Mutation(() => CartPayloadType, { description: 'Sets the quantity of a line; 0 removes it.' })
  async setCartLineQuantity(@CurrentActor() actor: Actor | null, @Args('input') input: CartLineInput) {
    const payload = await this.carts.setItem(actor, input);
    return { cartToken: payload.cartToken, cart: toCart(payload) };
  }

  @Mutation(() => MergeGuestCartPayloadType, {
    description:
      'Signed in: moves the lines of the guest cart of this token into the shopper’s open cart (units of one variant add up, within the cart rules) and closes the guest cart. Call it after login or registerShopper; merging again changes nothing. NOT_FOUND for a token that opens no guest cart or one merged by another shopper; CART_CLOSED once it was checked out.',
  })
  async mergeGuestCart(@CurrentActor() actor: Actor | null, @Args('cartToken', { type: () => String }) cartToken: string) {
    const merged = await this.carts.mergeGuestCart(actor, cartToken);
    return { cart: toCart(merged), leftOut: merged.leftOut };
  }
}

/**
 * True when the payload's selection asks of `cart` at most its `id` (and `__typename`), in plain
 * fields only: a fragment, a directive or any other field answers the cart priced as before.
 */
export function asksOnlyCartId(info: GraphQLResolveInfo): boolean {
  for (const payload of info.fieldNodes) {
    for (const selection of payload.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return false;
      if (selection.name.value !== 'cart') continue;
      for (const field of selection.selectionSet?.selections ?? []) {
        if (field.kind !== Kind.FIELD || field.directives?.length || (field.name.value !== 'id' && field.name.value !== '__typename')) return false;
      }
    }
  }
  return true;
}
