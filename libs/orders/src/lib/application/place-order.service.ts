import { Inject, Injectable, Logger } from '@nestjs/common';
import { PaymentsError, PaymentsErrorCode, PaymentsService, type PaymentHandle, type WalletAction } from '@vitrine/payments';
import { couponRefusal } from '@vitrine/promotions';
import { DomainError, type Actor } from '@vitrine/shared/kernel';
import { checkCheckoutInput, checkoutFingerprint, type CheckedCheckoutInput } from '../domain/checkout-input';
import { OrdersError, OrdersErrorCode } from '../domain/orders-error';
import { DropCheckoutGate, dropRefusalAtCommit } from '../drops/application/drop-checkout-gate';
import type { CheckoutRecord, OrderRecord } from '../infrastructure/order-tables';
import { OrderCheckoutRepository, DuplicateCheckoutError, type PlacedRows } from '../infrastructure/order-checkout.repository';
import { OrderQueryRepository } from '../infrastructure/order-query.repository';
import { CartService } from './cart.service';
import { CartClosedSignal, CheckoutWriter } from './checkout-writer.service';
import { CheckoutQuoteService, type CartQuote } from './checkout-quote.service';
import { CheckoutWithdrawal } from './checkout-withdrawal.service';
import { ORDERS_SETTINGS, type OrdersSettings } from './orders-settings';

export interface PlacedCheckout {
  checkout: CheckoutRecord;
  orders: OrderRecord[];
  /** A new checkout's lines and history as written (its answer reads nothing again); absent on a replay. */
  written?: PlacedRows;
  payment: PaymentHandle;
  /** True when this answers an earlier request with the same idempotency key. */
  replayed: boolean;
  /** Where the shopper approves an Alipay / WeChat Pay payment (null for card, or nothing left to approve). */
  paymentAction?: WalletAction | null;
}

/** A coupon entered but no longer applicable refuses the checkout with its code, before anything is written. */
function assertCouponApplies(quote: CartQuote): void {
  const c = quote.promotions.coupon;
  if (c?.problem) throw couponRefusal({ ...c, problem: c.problem }, `The coupon ${c.code} cannot be used: ${c.problem}`, 'input.couponCode');
}

/**
 * placeOrder: checks, prices, writes (one transaction) and asks Stripe for the one
 * PaymentIntent of the checkout. The same idempotency key with the same request answers
 * the same orders and intent; with a different request it is refused.
 */
@Injectable()
export class PlaceOrderService {
  private readonly logger = new Logger(PlaceOrderService.name);

  constructor(
    private readonly carts: CartService,
    private readonly quotes: CheckoutQuoteService,
    private readonly writer: CheckoutWriter,
    private readonly orders: OrderQueryRepository,
    private readonly orderWrites: OrderCheckoutRepository,
    private readonly payments: PaymentsService,
    private readonly withdrawal: CheckoutWithdrawal,
    private readonly drops: DropCheckoutGate,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
  ) {}

  async place(actor: Actor | null, raw: unknown): Promise<PlacedCheckout> {
    const now = new Date();
    const input = checkCheckoutInput(raw, now);
    const placed = await this.placeChecked(actor, input, now);
    if (input.paymentMethod === null || input.paymentMethod === 'CARD') return placed;
    // After the commit and the intent, like the intent itself: a failure here answers
    // PAYMENT_PROVIDER_UNAVAILABLE and the same request (same key) asks again.
    const method = input.paymentMethod === 'ALIPAY' ? 'alipay' : 'wechat_pay';
    const paymentAction = await this.payments.walletAction(placed.payment.paymentIntentId, method, input.returnUrl, { knownNew: !placed.replayed });
    return { ...placed, paymentAction };
  }

  private async placeChecked(actor: Actor | null, input: CheckedCheckoutInput, now: Date): Promise<PlacedCheckout> {
    // The cart, its items' variants (with who fulfils each product) and their stock in one statement.
    const { cart, variants, stock } = await this.carts.ownedCartForCheckout(actor, input.cartId, input.cartToken);
    const fingerprint = checkoutFingerprint({
      cartId: cart.id,
      items: cart.items,
      identityHash: this.writer.identityHash(input.residentId),
      ordererName: input.ordererName,
      recipient: input.recipient,
      couponCode: input.couponCode,
    });

    // A checkout closes its cart in the same transaction, so an open cart has no checkout yet: the
    // key is looked up only for a closed cart (a retry). A key already used with another cart is
    // caught by its unique constraint when this one is written, and answered below.
    if (cart.status !== 'OPEN') {
      const existing = await this.orderWrites.findCheckoutByKey(input.idempotencyKey);
      if (existing) return this.replay(existing, fingerprint);
      throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'This cart has already been checked out', { field: 'input.cartId' });
    }
    if (!cart.items.length) throw new OrdersError(OrdersErrorCode.CART_EMPTY, 'The cart is empty', { field: 'input.cartId' });
    // A drop's variant only during the caller's turn (no statement when the cart has none).
    const dropTurn = await this.drops.check(actor, cart.items, input.residentId, now);

    let quote: CartQuote;
    try {
      // The stock read with the cart, outside the transaction (the reservations stay the referee).
      const held = stock();
      quote = await this.quotes.quote(cart.items, await variants(), { cartId: cart.id, couponCode: input.couponCode, shopperUserId: actor?.userId ?? null, held });
      this.writer.assertPlaceable(quote);
      assertCouponApplies(quote);
    } catch (error) {
      // The cart was read open, but a request with this key may have bought the last units since
      // (its commit closed the cart): a duplicate gets the first request's answer, not OUT_OF_STOCK.
      if (!(error instanceof DomainError && error.code === 'OUT_OF_STOCK')) throw error;
      const first = await this.orderWrites.findCheckoutByKey(input.idempotencyKey);
      if (first) return this.replay(first, fingerprint);
      throw error;
    }
    let written: { checkout: CheckoutRecord; orders: OrderRecord[]; written: PlacedRows };
    try {
      written = await this.writer.write({
        input, cartId: cart.id, shopperUserId: actor?.userId ?? null, quote, fingerprint, now, holdMs: this.settings.holdMs,
        claimsAfterInsert: dropTurn ? (tx, placed) => this.drops.claim(tx, dropTurn, placed.checkoutId, placed.identityId, now) : undefined,
      });
    } catch (error) {
      // The drop's edition is claimed at COMMIT (docs/adr/0017): no room left is DROP_SOLD_OUT, a
      // drop variant without a turn (a drop this process did not know of yet) DROP_NOT_ADMITTED.
      const refused = dropRefusalAtCommit(error);
      if (refused) throw refused;
      if (!(error instanceof CartClosedSignal || error instanceof DuplicateCheckoutError)) throw error;
      // A concurrent request got there first: the same request is answered with its result.
      const winner = await this.orderWrites.findCheckoutByKey(input.idempotencyKey);
      if (winner) return this.replay(winner, fingerprint);
      throw new OrdersError(OrdersErrorCode.CART_CLOSED, 'This cart has already been checked out', { field: 'input.cartId' });
    }
    return { ...written, payment: await this.paymentFor(written.checkout, true), replayed: false };
  }

  private async replay(checkout: CheckoutRecord, fingerprint: string): Promise<PlacedCheckout> {
    if (checkout.fingerprint !== fingerprint) {
      throw new OrdersError(OrdersErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for a different checkout', { field: 'input.idempotencyKey' });
    }
    return { checkout, orders: await this.orders.ordersOfCheckout(checkout.id), payment: await this.paymentFor(checkout), replayed: true };
  }

  /**
   * Created after the commit. If Stripe cannot be reached the checkout is withdrawn (stock back,
   * rows deleted, cart open again) and the same request with the same key places it afresh later.
   */
  private async paymentFor(checkout: CheckoutRecord, knownNew = false): Promise<PaymentHandle> {
    let payment: PaymentHandle;
    try {
      payment = await this.payments.ensurePaymentIntent(
        { checkoutId: checkout.id, amountMinor: checkout.totalMinor, currency: checkout.currency, description: `Vitrine checkout ${checkout.id}` },
        // A new checkout's payment row is written only while the checkout stands, in the same
        // statement (no read of its own after Stripe); a replay checks it apart as before.
        { knownNew, onlyIf: knownNew ? this.withdrawal.stillPlacedCondition(checkout.id) : undefined },
      );
    } catch (error) {
      if (!(error instanceof PaymentsError && error.code === PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE)) throw error;
      const kept = await this.withdrawal.withdraw(checkout.id);
      if (!kept) throw error;
      // A concurrent request for this checkout got the intent: its answer is ours.
      return { paymentIntentId: kept.providerPaymentId, clientSecret: kept.clientSecret, amountMinor: kept.amountMinor, currency: kept.currency, record: kept };
    }
    if (payment.recorded !== false && (knownNew || (await this.withdrawal.stillPlaced(checkout.id)))) return payment;
    // Withdrawn by a concurrent request that could not reach Stripe: this intent pays for nothing.
    await this.payments.cancelIntent(payment.paymentIntentId).catch((e: unknown) => this.logger.warn(`could not cancel the orphan intent of checkout ${checkout.id}: ${(e as Error).message}`));
    throw new PaymentsError(PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 'The payment provider could not be reached; try again');
  }
}
