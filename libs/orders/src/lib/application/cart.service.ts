import { randomFillSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { HeldStock } from '@vitrine/inventory';
import { couponRefusal, PromotionsErrorCode } from '@vitrine/promotions';
import { NotFoundError, UnauthenticatedError, ValidationError, validate, type Actor } from '@vitrine/shared/kernel';
import { planCartMerge, type MergeLine } from '../domain/cart-merge';
import { cartTokenHash } from '../domain/cart-token';
import { OrdersError, OrdersErrorCode, customsRegistrationMissing } from '../domain/orders-error';
import { CartRepository, type CartRecord, type VariantSellability } from '../infrastructure/cart.repository';
import { TransactionRunner } from '../infrastructure/transaction-runner';
import { CheckoutCatalog, type CheckoutVariant } from './checkout-catalog';
import { CheckoutExtensions } from './checkout-extensions';
import { CheckoutQuoteService, type CartQuote } from './checkout-quote.service';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';

export interface CartView {
  cart: CartRecord;
  quote: CartQuote;
}

export interface CartPayload extends CartView {
  /** The guest cart's secret token: returned when a guest cart is created, to send back on later calls. */
  cartToken: string | null;
}

export interface MergedCart extends CartView {
  /** Guest units the cart rules left out (a line capped at its maximum, or no room for another line). */
  leftOut: MergeLine[];
}

const itemSchema = z.object({
  cartToken: z.string().max(100).nullish(),
  variantId: z.string().uuid(),
  quantity: z.number().int().min(0),
});

const cartTokenSchema = z.string().min(1, 'is required').max(100);

type CartLine = z.output<typeof itemSchema>;
const UUID = z.regexes.uuid();

/**
 * A cart line's input when itemSchema would take it as it is (checked without zod, the hot path
 * of add to cart); anything else is left to itemSchema, which refuses it with its own messages.
 * Never more lenient than the schema: the same UUID pattern, safe integers only.
 */
function plainCartLine(input: unknown): CartLine | null {
  if (typeof input !== 'object' || input === null) return null;
  const { cartToken, variantId, quantity } = input as Record<string, unknown>;
  if (cartToken !== undefined && cartToken !== null && (typeof cartToken !== 'string' || cartToken.length > 100)) return null;
  if (typeof variantId !== 'string' || !UUID.test(variantId)) return null;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 0) return null;
  return cartToken === undefined ? { variantId, quantity } : { cartToken, variantId, quantity };
}

/**
 * Random bytes for guest cart tokens, drawn 4 KiB at a time from the CSPRNG (as crypto.randomUUID
 * keeps a cache of entropy): one randomFillSync per 170 tokens instead of one per token.
 */
const TOKEN_BYTES = 24;
const tokenPool = Buffer.alloc(TOKEN_BYTES * 170);
let tokenPoolOffset = tokenPool.length;
function newCartToken(): string {
  if (tokenPoolOffset + TOKEN_BYTES > tokenPool.length) {
    randomFillSync(tokenPool);
    tokenPoolOffset = 0;
  }
  const token = tokenPool.toString('base64url', tokenPoolOffset, tokenPoolOffset + TOKEN_BYTES);
  // Each token's bytes are handed out once.
  tokenPool.fill(0, tokenPoolOffset, tokenPoolOffset + TOKEN_BYTES);
  tokenPoolOffset += TOKEN_BYTES;
  return token;
}

/**
 * Carts: a signed-in shopper's open cart, or a guest cart reached through a secret token
 * (only its hash is stored). Items from any number of storefronts; every figure is
 * computed on the server at each read.
 */
@Injectable()
export class CartService {
  constructor(
    private readonly carts: CartRepository,
    private readonly catalog: CheckoutCatalog,
    private readonly quotes: CheckoutQuoteService,
    private readonly tx: TransactionRunner,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
    private readonly extensions: CheckoutExtensions,
  ) {}

  /** The caller's current cart (null when there is none yet). */
  async view(actor: Actor | null, cartToken: string | null | undefined, couponCode?: string | null): Promise<CartView | null> {
    const cart = await this.find(actor, cartToken ?? null);
    return cart ? { cart, quote: await this.quotes.quote(cart.items, [], { view: true, cartId: cart.id, couponCode, shopperUserId: actor?.userId ?? null }) } : null;
  }

  /**
   * The cart priced with this coupon (applyCartCoupon): refused with the coupon's stable code
   * (COUPON_INVALID, COUPON_EXPIRED, ...) when it takes nothing off. Writes nothing: the code
   * travels with the shop's requests and placeOrder checks it again under the checkout's locks.
   */
  async withCoupon(actor: Actor | null, cartToken: string | null | undefined, couponCode: string): Promise<CartView> {
    const view = await this.view(actor, cartToken, couponCode);
    if (!view) throw new NotFoundError('Cart');
    const c = view.quote.promotions.coupon;
    if (!c || c.problem) {
      const refused = c?.problem ? { ...c, problem: c.problem } : { code: couponCode, problem: PromotionsErrorCode.COUPON_INVALID, shortfall: null };
      throw couponRefusal(refused, `The coupon cannot be used: ${refused.problem}`, 'code');
    }
    return view;
  }

  /**
   * The variant's sellability is read first (bad input writes nothing), then one statement
   * finds or opens the cart and adds the units within the cart rules, and the quote reuses
   * the variant it read: a guest's first line costs four statements (variant, cart, who
   * fulfils, stock), a later one five (the other lines' variants).
   */
  async addItem(actor: Actor | null, input: unknown): Promise<CartPayload> {
    const { cartToken, cart, variant } = await this.addLine(actor, input);
    return { cartToken, cart, quote: await this.quotes.quote(cart.items, [variant], { view: true, cartId: cart.id }) };
  }

  /**
   * addItem for a caller that asks only which cart (its id, and a new guest cart's token), as the
   * shop's add-to-cart does: every cart rule and lock as addItem, without pricing the cart (no
   * stock read, no quote, the cart's lines neither built nor read; issue 18). One statement reads
   * whether the variant may be sold and writes the cart only if so, refusing it with addItem's
   * errors (a signed-in shopper without an open cart: it is opened after that statement, then a second one adds).
   */
  async addItemUnpriced(actor: Actor | null, input: unknown): Promise<{ cartToken: string | null; cartId: string }> {
    const v = this.lineInput(input);
    const rules = { maxLines: this.settings.maxCartLines, maxLineQuantity: this.settings.maxLineQuantity };
    const line = { variantId: v.variantId, quantity: v.quantity };
    // One statement: the variant's sellability read, and the cart written only when it may be sold.
    const add = async (find: Parameters<CartRepository['addSellableLine']>[0], newTokenHash: string | null) => {
      const { variant, added } = await this.carts.addSellableLine(find, newTokenHash, line, rules);
      assertSellable(v.variantId, variant);
      return added;
    };
    let added: Awaited<ReturnType<typeof add>>;
    let cartToken: string | null = null;
    if (actor) {
      added = await add({ openUserId: actor.userId }, null);
      if (!added) {
        // No open cart yet (opened only now that the variant may be sold), or checked out meanwhile.
        added = await add({ cartId: await this.carts.openCartIdOfUser(actor.userId) }, null);
        if (!added) throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'Your cart was checked out meanwhile; try again', { field: 'input.variantId' });
      }
    } else {
      // No cart yet, or that one was checked out: a new guest cart with a new token.
      const token = newCartToken();
      added = (await add(v.cartToken ? { tokenHash: cartTokenHash(v.cartToken) } : null, cartTokenHash(token)))!;
      if (added.created) cartToken = token;
    }
    if (added.refused === 'LINES') throw this.tooManyLines();
    if (added.refused === 'QUANTITY') throw this.tooMany();
    return { cartToken, cartId: added.cart.id };
  }

  /** A cart line's input checked (VALIDATION_FAILED), before any statement. */
  private lineInput(input: unknown): CartLine {
    const v = plainCartLine(input) ?? validate(itemSchema, input);
    if (v.quantity < 1) throw new ValidationError([{ path: 'input.quantity', message: 'must be at least 1' }]);
    if (v.quantity > this.settings.maxLineQuantity) throw this.tooMany();
    return v;
  }

  /**
   * The priced add: the variant read first (the quote reuses it), then one statement finds or
   * opens the cart and adds the units within the cart rules.
   */
  private async addLine(actor: Actor | null, input: unknown): Promise<{ cartToken: string | null; cart: CartRecord; variant: CheckoutVariant }> {
    const v = this.lineInput(input);
    const variant = await this.sellableVariant(v.variantId);
    const rules = { maxLines: this.settings.maxCartLines, maxLineQuantity: this.settings.maxLineQuantity };
    const line = { variantId: v.variantId, quantity: v.quantity };
    let added: Awaited<ReturnType<CartRepository['addLine']>>;
    let cartToken: string | null = null;
    if (actor) {
      added = await this.carts.addLine({ cartId: await this.carts.openCartIdOfUser(actor.userId) }, null, line, rules);
      // Checked out between the two statements: the next call opens a new cart.
      if (!added) throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'Your cart was checked out meanwhile; try again', { field: 'input.variantId' });
    } else {
      // No cart yet, or that one was checked out: a new guest cart with a new token.
      const token = newCartToken();
      const find = v.cartToken ? { tokenHash: cartTokenHash(v.cartToken) } : null;
      added = (await this.carts.addLine(find, cartTokenHash(token), line, rules))!;
      if (added.created) cartToken = token;
    }
    if (added.refused === 'LINES') throw this.tooManyLines();
    if (added.refused === 'QUANTITY') throw this.tooMany();
    return { cartToken, cart: added.cart, variant };
  }

  private tooManyLines(): ValidationError {
    return new ValidationError([{ path: 'input.variantId', message: `a cart holds at most ${this.settings.maxCartLines} lines` }]);
  }

  private tooMany(): ValidationError {
    return new ValidationError([{ path: 'input.quantity', message: `a line holds at most ${this.settings.maxLineQuantity} units` }]);
  }

  /** Sets a line's quantity; 0 removes it. */
  async setItem(actor: Actor | null, input: unknown): Promise<CartPayload> {
    const v = validate(itemSchema, input);
    if (v.quantity > this.settings.maxLineQuantity) throw new ValidationError([{ path: 'input.quantity', message: `must be at most ${this.settings.maxLineQuantity}` }]);
    const cart = await this.find(actor, v.cartToken ?? null);
    if (!cart || cart.status !== 'OPEN' || !cart.items.some((i) => i.variantId === v.variantId)) throw new NotFoundError('Cart line');
    await this.carts.setItem(cart.id, v.variantId, v.quantity);
    return { cartToken: null, ...(await this.reload(cart.id)) };
  }

  /**
   * After sign-in (or sign-up) the client hands over its guest cart token: the guest cart's
   * lines join the shopper's open cart (units of one variant add up, within the cart rules)
   * and the guest cart is closed as MERGED. Merging again answers the cart unchanged; a
   * token that opens no guest cart, or one merged into another shopper's cart, is NOT_FOUND.
   */
  async mergeGuestCart(actor: Actor | null, rawToken: unknown): Promise<MergedCart> {
    if (!actor) throw new UnauthenticatedError();
    const cartToken = validate(cartTokenSchema, rawToken, 'cartToken');
    const guest = await this.carts.findByTokenHash(cartTokenHash(cartToken));
    if (!guest || guest.userId !== null) throw new NotFoundError('Cart');
    if (guest.status === 'CHECKED_OUT') throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'This cart has already been checked out', { field: 'cartToken' });
    if (guest.status === 'MERGED') return this.alreadyMerged(actor, guest.mergedIntoId);

    const target = await this.carts.openCartOfUser(actor.userId);
    const outcome = await this.tx.run(async (tx) => {
      const locked = await this.carts.lockForMerge(tx, [guest.id, target.id]);
      const [g, t] = [locked.get(guest.id)!, locked.get(target.id)!];
      // A concurrent merge of the same token got there first, or the cart was checked out meanwhile.
      if (g.status === 'MERGED') return { mergedInto: g.mergedIntoId };
      if (g.status !== 'OPEN') throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'This cart has already been checked out', { field: 'cartToken' });
      if (t.status !== 'OPEN') throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'Your cart was checked out meanwhile; try again', { field: 'cartToken' });
      const plan = planCartMerge(t.items, g.items, this.settings);
      const had = new Map(t.items.map((i) => [i.variantId, i.quantity]));
      const added = plan.set.map((l) => ({ variantId: l.variantId, add: l.quantity - (had.get(l.variantId) ?? 0) }));
      await this.carts.applyMerge(tx, g.id, t.id, added, this.settings.maxLineQuantity);
      // What other contexts keep of the guest's lines follows them (a live session's marks).
      await this.extensions.merged(tx, { fromCartId: g.id, intoCartId: t.id });
      return { leftOut: plan.leftOut };
    });
    if ('mergedInto' in outcome) return this.alreadyMerged(actor, outcome.mergedInto ?? null);
    return { ...(await this.reload(target.id)), leftOut: outcome.leftOut };
  }

  /** A guest cart merged before: the caller's open cart as it is, if it was merged into one of theirs. */
  private async alreadyMerged(actor: Actor, mergedIntoId: string | null): Promise<MergedCart> {
    const into = mergedIntoId ? await this.carts.findById(mergedIntoId) : null;
    if (!into || into.userId !== actor.userId) throw new NotFoundError('Cart');
    const open = into.status === 'OPEN' ? into : await this.carts.openCartOfUser(actor.userId);
    return { cart: open, quote: await this.quotes.quote(open.items, [], { view: true, cartId: open.id }), leftOut: [] };
  }

  /** The cart a checkout names, if the caller owns it: their own, or the guest cart of this token. */
  async ownedCart(actor: Actor | null, cartId: string, cartToken: string | null): Promise<CartRecord> {
    const cart = await this.carts.findById(cartId);
    if (!cart || !owns(cart, actor, cartToken)) throw new NotFoundError('Cart');
    return cart;
  }

  /**
   * ownedCart, with its items' variants as placeOrder quotes them (who fulfils each product read
   * live with them) and the stock of those variants wherever it is held, in the same statement:
   * one round trip where there were three. `variants` reads the variants from what the statement
   * answered; `stock` the stock (OUT_OF_STOCK when some line could not be served by all locations
   * together: CheckoutQuoteService.stockForCheckoutRider).
   */
  async ownedCartForCheckout(
    actor: Actor | null,
    cartId: string,
    cartToken: string | null,
  ): Promise<{ cart: CartRecord; variants: () => Promise<CheckoutVariant[]>; stock: () => HeldStock }> {
    const variants = this.catalog.liveVariantsRider();
    const stock = this.quotes.stockForCheckoutRider();
    const found = await this.carts.findByIdWith(cartId, [variants.sql, stock.sql]);
    const cart = found?.cart;
    if (!cart || !owns(cart, actor, cartToken)) throw new NotFoundError('Cart');
    const [variantsRead, stockRead] = found.riders;
    // Parsed when asked: a checkout refused before its quote (sold out, a closed cart) never reads the variants.
    return { cart, variants: () => variants.read(variantsRead), stock: () => stock.read(cart.items, stockRead) };
  }

  /** The guest cart this token opens, whatever its status. */
  guestCart(cartToken: string): Promise<CartRecord | null> {
    return this.carts.findByTokenHash(cartTokenHash(cartToken));
  }

  private async find(actor: Actor | null, cartToken: string | null): Promise<CartRecord | null> {
    if (actor) return this.carts.findOpenOfUser(actor.userId);
    return cartToken ? this.carts.findByTokenHash(cartTokenHash(cartToken)) : null;
  }

  private async reload(cartId: string): Promise<CartView> {
    const cart = (await this.carts.findById(cartId))!;
    return { cart, quote: await this.quotes.quote(cart.items, [], { view: true, cartId: cart.id }) };
  }

  private async sellableVariant(variantId: string): Promise<CheckoutVariant> {
    const [variant] = await this.catalog.variants([variantId]);
    assertSellable(variantId, variant && { museumId: variant.museumId, published: variant.productStatus === 'PUBLISHED', listableForChina: variant.listableForChina, customsRegistered: variant.sellerRegistered });
    return variant!;
  }
}

/** Whether the caller owns the cart: a signed-in shopper their own, a guest the cart of this token. */
function owns(cart: CartRecord, actor: Actor | null, cartToken: string | null): boolean {
  if (actor) return cart.userId === actor.userId;
  return cart.tokenHash !== null && cartToken !== null && cart.tokenHash === cartTokenHash(cartToken);
}

/**
 * A variant that may not be sold is refused, in this order: NOT_FOUND (no such variant, or its
 * product unpublished), NOT_LISTABLE_FOR_CHINA, CUSTOMS_REGISTRATION_MISSING.
 */
function assertSellable(variantId: string, variant: VariantSellability | null | undefined): void {
  if (!variant || !variant.published) throw new NotFoundError('Variant');
  if (!variant.listableForChina) {
    throw new OrdersError(OrdersErrorCode.NOT_LISTABLE_FOR_CHINA, 'This item cannot be sold to shoppers in China', { variantIds: [variantId], field: 'input.variantId' });
  }
  if (!variant.customsRegistered) throw customsRegistrationMissing([variant.museumId], { variantIds: [variantId] });
}
