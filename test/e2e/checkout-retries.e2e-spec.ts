import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, CART_FIELDS, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop } from '../support/checkout-fixtures';
import { startStripeLoopback, type StripeLoopback } from '../support/stripe-loopback';
import { TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(120_000);

/**
 * Retries of placeOrder (issue 16): duplicates racing for the last unit all get the first
 * request's answer; a checkout whose PaymentIntent cannot be created holds nothing and is
 * placed by the same request once Stripe answers.
 */
describe('placeOrder retries', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let stripeLink: TcpProxy;

  beforeAll(async () => {
    // Stripe is reached through a proxy the test can cut (each connection reset as it opens) and restore.
    stripe = await startStripeLoopback();
    stripeLink = await TcpProxy.start({ host: '127.0.0.1', port: Number(stripe.env['STRIPE_API_PORT']) });
    Object.assign(process.env, stripe.env, { STRIPE_API_PORT: String(stripeLink.port), CHECKOUT_HOLD_MINUTES: '15' });
    api = await startApi();
    await seedFx(api.db.prisma, '7.8000');
  });
  afterAll(async () => {
    await api.close();
    await stripeLink.close();
    await stripe.close();
  });

  const p = () => api.db.prisma;

  async function guestCart(variantId: string, quantity = 1) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId, quantity, cartToken: null } });
    expect(r.errors).toBeUndefined();
    return { cartId: r.data.addCartLine.cart.id as string, token: r.data.addCartLine.cartToken as string };
  }

  const intentsOf = (checkoutId: string) => [...stripe.paymentIntents.values()].filter((pi) => (pi['metadata'] as Record<string, string>)['vitrine_checkout_id'] === checkoutId);

  it('answers every duplicate of a successful checkout of the last unit with the first answer (8 rounds of 10 concurrent calls)', async () => {
    const answers: string[] = [];
    for (let round = 0; round < 8; round++) {
      const shop = await seedShop(p(), { prices: [3_000], stock: 1 });
      const variantId = shop.variants[0]!.id;
      const { cartId, token } = await guestCart(variantId);
      const input = placeOrderInput(cartId, `last-unit-${round}`, { cartToken: token, id: residentId(5000 + round) });
      const results = await Promise.all(Array.from({ length: 10 }, () => api.gql(PLACE_ORDER, { i: input })));
      answers.push(results.map((r) => codeOf(r) ?? 'OK').join(','));
      for (const r of results) expect(codeOf(r)).toBeUndefined();
      const first = results.find((r) => r.data.placeOrder.replayed === false)!.data.placeOrder;
      expect(results.filter((r) => r.data.placeOrder.replayed === false)).toHaveLength(1);
      for (const r of results) {
        const c = r.data.placeOrder;
        expect({ id: c.id, orders: c.orders.map((o: any) => o.id), payment: c.payment }).toEqual({ id: first.id, orders: first.orders.map((o: any) => o.id), payment: first.payment });
      }
      const checkouts = await p().checkout.findMany({ where: { cartId } });
      expect(checkouts.map((c) => c.id)).toEqual([first.id]);
      expect(await p().order.count({ where: { checkoutId: first.id } })).toBe(1);
      expect(await p().payment.findMany({ where: { checkoutId: first.id }, select: { providerPaymentId: true } })).toEqual([{ providerPaymentId: first.payment.paymentIntentId }]);
      expect(intentsOf(first.id).map((pi) => pi['id'])).toEqual([first.payment.paymentIntentId]);
      expect(await p().stockLevel.findFirstOrThrow({ where: { variantId } })).toMatchObject({ onHand: 1, reserved: 1 });
    }
    expect(answers.every((a) => a === Array(10).fill('OK').join(','))).toBe(true);
  });

  describe('Stripe unreachable', () => {
    async function state(variantId: string, cartId: string, token: string) {
      const level = await p().stockLevel.findFirstOrThrow({ where: { variantId } });
      const held = await p().stockReservation.aggregate({ where: { variantId, status: { in: ['HELD', 'COMMITTED'] } }, _sum: { quantity: true } });
      const ledger = await p().stockMovement.aggregate({ where: { variantId }, _sum: { onHandDelta: true, reservedDelta: true } });
      const orders = await p().orderLine.count({ where: { variantId } });
      const checkouts = await p().checkout.count({ where: { cartId } });
      const cart = (await api.gql(`query($t: String) { cart(cartToken: $t) { ${CART_FIELDS} } }`, { t: token })).data.cart;
      return {
        onHand: level.onHand,
        reserved: level.reserved,
        held: held._sum.quantity ?? 0,
        ledger: [ledger._sum.onHandDelta, ledger._sum.reservedDelta],
        orders,
        checkouts,
        cart: cart && { id: cart.id, status: cart.status, lines: cart.lines.map((l: any) => [l.variantId, l.quantity]) },
      };
    }

    async function outage(down: () => Promise<void> | void, up: () => Promise<void> | void, key: string) {
      const shop = await seedShop(p(), { prices: [2_000], stock: 3 });
      const variantId = shop.variants[0]!.id;
      const { cartId, token } = await guestCart(variantId, 2);
      const before = await state(variantId, cartId, token);
      expect(before).toMatchObject({ onHand: 3, reserved: 0, orders: 0, checkouts: 0, cart: { status: 'OPEN', lines: [[variantId, 2]] } });
      const input = placeOrderInput(cartId, key, { cartToken: token });

      await down();
      try {
        // Once, then the same key again, then five at once: each refused the same way, nothing held.
        expect(codeOf(await api.gql(PLACE_ORDER, { i: input }))).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
        expect(await state(variantId, cartId, token)).toEqual({ ...before, ledger: [3, 0] });
        expect(codeOf(await api.gql(PLACE_ORDER, { i: input }))).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
        const burst = await Promise.all(Array.from({ length: 5 }, () => api.gql(PLACE_ORDER, { i: input })));
        expect(burst.map(codeOf)).toEqual(Array(5).fill('PAYMENT_PROVIDER_UNAVAILABLE'));
        expect(await state(variantId, cartId, token)).toEqual({ ...before, ledger: [3, 0] });
        expect(await p().stockReservation.count({ where: { variantId, status: 'HELD' } })).toBe(0);
      } finally {
        await up();
      }

      const placed = await api.gql(PLACE_ORDER, { i: input });
      expect(placed.errors).toBeUndefined();
      const c = placed.data.placeOrder;
      expect(c.orders).toHaveLength(1);
      expect(intentsOf(c.id).map((pi) => pi['id'])).toEqual([c.payment.paymentIntentId]);
      expect(await p().payment.count({ where: { checkoutId: c.id } })).toBe(1);
      expect(await state(variantId, cartId, token)).toMatchObject({ onHand: 3, reserved: 2, held: 2, ledger: [3, 2], orders: 1, checkouts: 1, cart: { status: 'CHECKED_OUT', lines: [[variantId, 2]] } });
      const again = await api.gql(PLACE_ORDER, { i: input });
      expect(again.data.placeOrder).toMatchObject({ id: c.id, replayed: true, payment: c.payment });
    }

    it('connection cut (reset as it opens): PAYMENT_PROVIDER_UNAVAILABLE, stock and cart as they were, no order; the same key places it once Stripe is back', async () => {
      await outage(
        () => stripeLink.cut(),
        () => stripeLink.restore(),
        'stripe-refused-1',
      );
    });

    it('Stripe answering 500s: the same', async () => {
      await outage(
        () => stripe.failNext(1_000, 500),
        () => stripe.failNext(0),
        'stripe-500-1',
      );
    });
  });
});
