import { randomUUID } from 'node:crypto';
import { PrismaService } from '@vitrine/shared/data-access';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the Stripe loopback is cross-suite test support, not a lib
import { startStripeLoopback, type StripeLoopback } from '../../../../../test/support/stripe-loopback';
import { PaymentsError } from '../domain/payments-error';
import { PaymentRepository } from '../infrastructure/payment.repository';
import { StripeGateway } from '../infrastructure/stripe.gateway';
import { stripeSettingsFromEnv } from '../infrastructure/stripe-settings';
import { PaymentsService } from './payments.service';

describe('PaymentsService against the Stripe loopback', () => {
  let db: TestDatabase;
  let prisma: PrismaService;
  let stripe: StripeLoopback;
  let payments: PaymentsService;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService({ url: db.url, poolSize: 8 });
    stripe = await startStripeLoopback();
    payments = new PaymentsService(new StripeGateway(stripeSettingsFromEnv({ ...stripe.env, STRIPE_MAX_NETWORK_RETRIES: '2' })), new PaymentRepository(prisma));
  });
  afterAll(async () => {
    await stripe.close();
    await prisma.$disconnect();
    await db.drop();
  });

  it('creates one CNY PaymentIntent for card, Alipay and WeChat Pay (web), once per checkout', async () => {
    const checkoutId = randomUUID();
    const args = { checkoutId, amountMinor: 61_073, currency: 'CNY', description: 'Vitrine checkout' };
    const [a, b] = await Promise.all([payments.ensurePaymentIntent(args), payments.ensurePaymentIntent(args)]);
    expect(a).toEqual(b);
    expect(a.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
    const pi = stripe.paymentIntents.get(a.paymentIntentId)!;
    expect(pi).toMatchObject({
      amount: 61_073,
      currency: 'cny',
      payment_method_types: ['card', 'alipay', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      metadata: { vitrine_checkout_id: checkoutId },
    });
    const creates = stripe.requests.filter((r) => r.path === '/v1/payment_intents' && r.params['metadata'] && (r.params['metadata'] as any).vitrine_checkout_id === checkoutId);
    expect(new Set(creates.map((r) => r.idempotencyKey))).toEqual(new Set([`vitrine-checkout-${checkoutId}`]));
    expect([...stripe.paymentIntents.values()].filter((p) => (p['metadata'] as any).vitrine_checkout_id === checkoutId)).toHaveLength(1);
    expect(await prisma.payment.count({ where: { checkoutId } })).toBe(1);
  });

  it('survives a Stripe outage through the SDK retries with the same idempotency key', async () => {
    const checkoutId = randomUUID();
    stripe.failNext(1, 500);
    const handle = await payments.ensurePaymentIntent({ checkoutId, amountMinor: 100, currency: 'CNY', description: 'x' });
    const attempts = stripe.requests.filter((r) => r.idempotencyKey === `vitrine-checkout-${checkoutId}`);
    expect(attempts.length).toBe(2);
    expect(stripe.paymentIntents.has(handle.paymentIntentId)).toBe(true);
  });

  it('answers PAYMENT_PROVIDER_UNAVAILABLE, writing nothing, when Stripe stays down', async () => {
    const checkoutId = randomUUID();
    stripe.failNext(10, 503);
    await expect(payments.ensurePaymentIntent({ checkoutId, amountMinor: 100, currency: 'CNY', description: 'x' })).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    stripe.failNext(0);
    expect(await prisma.payment.count({ where: { checkoutId } })).toBe(0);
  });

  it('verifies webhook signatures with the SDK', async () => {
    const { paymentIntentId } = await payments.ensurePaymentIntent({ checkoutId: randomUUID(), amountMinor: 500, currency: 'CNY', description: 'x' });
    const event = stripe.succeed(paymentIntentId);
    const { body, headers } = stripe.sign(event);
    expect((await payments.verifyWebhook(Buffer.from(body), headers['stripe-signature'])).event).toMatchObject({ kind: 'PAYMENT_SUCCEEDED', paymentIntentId, amountMinor: 500 });
    const forged = stripe.sign(event, { secret: 'whsec_someone_else' });
    await expect(payments.verifyWebhook(Buffer.from(body), forged.headers['stripe-signature'])).rejects.toThrow(PaymentsError);
    await expect(payments.verifyWebhook(Buffer.from(body.replace('500', '501')), headers['stripe-signature'])).rejects.toThrow(PaymentsError);
    const stale = stripe.sign(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    await expect(payments.verifyWebhook(Buffer.from(body), stale.headers['stripe-signature'])).rejects.toThrow(PaymentsError);
    await expect(payments.verifyWebhook(Buffer.from(body), undefined)).rejects.toThrow(PaymentsError);
  });

  it('claims each event id once, even when delivered concurrently', async () => {
    const e = { eventId: `evt_${randomUUID()}`, type: 'payment_intent.succeeded', checkoutId: null, event: { kind: 'IGNORED' as const, type: 'x' } };
    const claims = await Promise.all(Array.from({ length: 8 }, () => prisma.$transaction((tx) => payments.claimEvent(tx, e))));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('refunds at Stripe with an idempotency key and records the refund once', async () => {
    const checkoutId = randomUUID();
    const { paymentIntentId } = await payments.ensurePaymentIntent({ checkoutId, amountMinor: 1_000, currency: 'CNY', description: 'x' });
    await expect(payments.refund({ checkoutId, orderId: null, amountMinor: 400, reason: 'test', idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'REFUND_NOT_POSSIBLE' });
    stripe.succeed(paymentIntentId);
    await prisma.payment.update({ where: { checkoutId }, data: { status: 'SUCCEEDED' } });
    const orderId = randomUUID();
    const args = { checkoutId, orderId, amountMinor: 400, reason: 'return', idempotencyKey: `refund-${orderId}` };
    const [r1, r2] = [await payments.refund(args), await payments.refund(args)];
    expect(r1).toEqual(r2);
    expect(stripe.refunds.size).toBeGreaterThanOrEqual(1);
    expect(await prisma.paymentRefund.findMany({ where: { orderId }, select: { amountMinor: true, status: true } })).toEqual([{ amountMinor: 400, status: 'succeeded' }]);
  });
});
