import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Stripe from 'stripe';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { ADD_LINE, placeOrderInput, residentId, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { freePort } from '../support/spawn-api';
import { until } from '../support/worker-process';

jest.setTimeout(90_000);

/**
 * The Stripe sandbox `npm start` runs without a Stripe key (scripts/dev-gateways.ts --stripe,
 * started as scripts/start.mjs starts it): the real API, pointed at it by STRIPE_API_HOST /
 * PORT / PROTOCOL, confirms Alipay and WeChat Pay intents there and hands the shopper the
 * wallet page in Checkout.paymentAction; the page's Pay / Fail / Cancel send the signed webhook
 * to the API, which pays the order or records the decline.
 */
describe('Stripe sandbox (npm start without a Stripe key)', () => {
  let api: ApiHarness;
  let gateways: ChildProcess;
  let out = '';
  let shop: Shop;
  let sandboxUrl = '';
  let keys = 0;

  beforeAll(async () => {
    const port = await freePort();
    sandboxUrl = `http://127.0.0.1:${port}`;
    // What start.mjs gives the API, the worker and the sandbox.
    const env = {
      STRIPE_SECRET_KEY: `sk_test_sandbox_${randomBytes(12).toString('hex')}`,
      STRIPE_WEBHOOK_SECRET: `whsec_sandbox_${randomBytes(16).toString('hex')}`,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
      // The shop's card step confirms with it (and the client secret), as Stripe.js would.
      STRIPE_SANDBOX_PUBLISHABLE_KEY: `pk_test_sandbox_${randomBytes(12).toString('hex')}`,
    };
    Object.assign(process.env, env);
    api = await startApi();
    gateways = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/dev-gateways.ts', `--stripe=${port}`, `--stripe-webhook=${api.baseUrl}/webhooks/stripe`], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateways.stdout!.on('data', (d) => (out += d));
    gateways.stderr!.on('data', (d) => (out += d));
    await until('the sandbox listening', async () => /gateways ready/.test(out) || gateways.exitCode !== null, 30_000);
    expect(out).toContain('gateways ready');
    await seedFx(api.db.prisma, '7.8000');
    shop = await seedShop(api.db.prisma, { prices: [2_500], stock: 20 });
  });
  afterAll(async () => {
    if (gateways && gateways.exitCode === null) {
      await new Promise((r) => {
        gateways.once('exit', r);
        gateways.kill('SIGTERM');
      });
    }
    await api?.close();
  });

  const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id replayed total
    payment { paymentIntentId clientSecret amount currency }
    paymentAction { type redirectUrl qrCodeUrl qrCodeData }
    orders { id status } } }`;
  const BY_CART = `query($t: String!) { orderByCart(cartToken: $t) { id orders { id status paymentStatus lastPaymentFailure { attempts code declineCode } } } }`;

  async function cart(quantity = 1) {
    const r: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity, cartToken: null } });
    expect(r.errors).toBeUndefined();
    return { cartId: r.data.addCartLine.cart.id as string, token: r.data.addCartLine.cartToken as string, id: residentId(7000 + ++keys), key: `sandbox-${keys}-${randomBytes(4).toString('hex')}` };
  }
  async function place(c: { cartId: string; token: string; id: string; key: string }, extra: Record<string, unknown>) {
    const r: any = await api.gql(PLACE, { i: { ...placeOrderInput(c.cartId, c.key, { cartToken: c.token, id: c.id }), ...extra } });
    return r;
  }
  const order = async (token: string) => {
    const r: any = await api.gql(BY_CART, { t: token });
    expect(r.errors).toBeUndefined();
    return r.data.orderByCart.orders[0];
  };
  const held = async (orderId: string) => (await api.db.prisma.stockReservation.findMany({ where: { ownerId: orderId }, select: { status: true } })).map((r) => r.status);
  const press = (walletUrl: string, action: 'pay' | 'fail' | 'cancel') => fetch(`${walletUrl}/${action}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `action=${action}` });

  it('logs where it listens and where the wallet page is', () => {
    expect(out).toContain(`Stripe sandbox (PaymentIntents: card, alipay, wechat_pay) on ${sandboxUrl}, webhooks to ${api.baseUrl}/webhooks/stripe`);
    expect(out).toContain(`Stripe sandbox wallet page: ${sandboxUrl}/sandbox/wallet/<payment_intent>`);
  });

  it('Alipay: placeOrder answers the wallet page; Pay sends the signed webhook, returns to the shop, and the order is PAID', async () => {
    const c = await cart(2);
    const r = await place(c, { paymentMethod: 'ALIPAY', returnUrl: 'https://shop.example/checkout/return?step=done' });
    expect(r.errors).toBeUndefined();
    const placed = r.data.placeOrder;
    const pi = placed.payment.paymentIntentId as string;
    expect(placed.paymentAction).toEqual({ type: 'REDIRECT', redirectUrl: `${sandboxUrl}/sandbox/wallet/${pi}`, qrCodeUrl: null, qrCodeData: null });
    expect(placed.orders[0].status).toBe('PENDING_PAYMENT');

    const page = await fetch(placed.paymentAction.redirectUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('支付宝 Alipay');
    expect(html).toContain(`data-amount="${placed.total}"`);
    expect(html).toMatch(/确认付款[\s\S]*Pay/);
    expect(html).toMatch(/取消[\s\S]*Cancel/);

    const paid = await press(placed.paymentAction.redirectUrl, 'pay');
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe('https://shop.example/checkout/return');
    expect(Object.fromEntries(back.searchParams)).toEqual({ step: 'done', payment_intent: pi, payment_intent_client_secret: placed.payment.clientSecret, redirect_status: 'succeeded' });
    // The webhook was delivered before the redirect: the order is already paid.
    expect(await order(c.token)).toMatchObject({ status: 'PAID', paymentStatus: 'SUCCEEDED' });
    expect(await held(placed.orders[0].id)).toEqual(['COMMITTED']);

    // Pressing again does nothing; the same placeOrder answers no action (nothing to approve).
    expect((await press(placed.paymentAction.redirectUrl, 'pay')).status).toBe(409);
    const again = await place(c, { paymentMethod: 'ALIPAY', returnUrl: 'https://shop.example/checkout/return?step=done' });
    expect(again.errors).toBeUndefined();
    expect(again.data.placeOrder).toMatchObject({ replayed: true, paymentAction: null });
  });

  it('WeChat Pay: Fail leaves the order PENDING_PAYMENT with the decline recorded and its stock held; a new attempt with Alipay pays it', async () => {
    const c = await cart(1);
    const r = await place(c, { paymentMethod: 'WECHAT_PAY' });
    expect(r.errors).toBeUndefined();
    const placed = r.data.placeOrder;
    const pi = placed.payment.paymentIntentId as string;
    const wallet = `${sandboxUrl}/sandbox/wallet/${pi}`;
    expect(placed.paymentAction).toEqual({ type: 'QR_CODE', redirectUrl: null, qrCodeUrl: wallet, qrCodeData: wallet });
    const html = await (await fetch(wallet)).text();
    expect(html).toContain('微信支付 WeChat Pay');
    expect(html).toContain(`${`/sandbox/wallet/${pi}`}/qr.svg`);

    const failed = await press(wallet, 'fail');
    expect(failed.status).toBe(200); // no return_url: the page says what happened
    expect(await failed.text()).toContain('Not paid');
    expect(await order(c.token)).toMatchObject({
      status: 'PENDING_PAYMENT',
      paymentStatus: 'REQUIRES_PAYMENT',
      lastPaymentFailure: { attempts: 1, code: 'payment_method_provider_decline', declineCode: 'insufficient_funds' },
    });
    expect(await held(placed.orders[0].id)).toEqual(['HELD']);

    // The same request again (the shop's "try again"), now with Alipay: a new attempt.
    const retry = await place(c, { paymentMethod: 'ALIPAY', returnUrl: 'https://shop.example/r' });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.placeOrder).toMatchObject({ replayed: true, paymentAction: { type: 'REDIRECT', redirectUrl: wallet } });
    expect((await fetch(wallet).then((x) => x.text()))).toContain('支付宝 Alipay');
    expect((await press(wallet, 'pay')).status).toBe(303);
    expect(await order(c.token)).toMatchObject({ status: 'PAID' });
  });

  it('Cancel in the wallet is a failed attempt, not the end of the checkout', async () => {
    const c = await cart(1);
    const r = await place(c, { paymentMethod: 'ALIPAY', returnUrl: 'https://shop.example/r' });
    expect(r.errors).toBeUndefined();
    const wallet = r.data.placeOrder.paymentAction.redirectUrl as string;
    const cancelled = await press(wallet, 'cancel');
    expect(cancelled.status).toBe(303);
    expect(new URL(cancelled.headers.get('location')!).searchParams.get('redirect_status')).toBe('failed');
    expect(await order(c.token)).toMatchObject({ status: 'PENDING_PAYMENT', lastPaymentFailure: { attempts: 1, code: 'payment_intent_authentication_failure', declineCode: null } });
    expect(await held(r.data.placeOrder.orders[0].id)).toEqual(['HELD']);
    // The page no longer offers the buttons, and refuses a late press.
    expect(await fetch(wallet).then((x) => x.text())).not.toContain('action="/sandbox/wallet/');
    expect((await press(wallet, 'pay')).status).toBe(409);
  });

  it('refuses a return URL that is not http(s), writing nothing', async () => {
    const c = await cart(1);
    const before = await api.db.prisma.checkout.count();
    const r = await place(c, { paymentMethod: 'ALIPAY', returnUrl: 'javascript:alert(1)' });
    expect(codeOf(r)).toBe('VALIDATION_FAILED');
    expect(r.errors[0].extensions.fields).toEqual([expect.objectContaining({ path: 'input.returnUrl' })]);
    const missing = await place(c, { paymentMethod: 'ALIPAY' });
    expect(codeOf(missing)).toBe('VALIDATION_FAILED');
    expect(missing.errors[0].extensions.fields).toEqual([{ path: 'input.returnUrl', message: 'is required with ALIPAY' }]);
    expect(await api.db.prisma.checkout.count()).toBe(before);
    expect(await api.db.prisma.stockReservation.count({ where: { variantId: shop.variants[0]!.id, status: 'HELD' } })).toBe(1); // only the cancelled checkout's
  });

  it('answers the SDK as Stripe would: confirm refuses a method the intent does not allow and a return_url that is not a URL', async () => {
    const sdk = new Stripe(process.env['STRIPE_SECRET_KEY']!, { host: '127.0.0.1', port: Number(process.env['STRIPE_API_PORT']), protocol: 'http', maxNetworkRetries: 0 });
    const pi = await sdk.paymentIntents.create({ amount: 1_000, currency: 'cny', allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'], payment_method_options: { wechat_pay: { client: 'web' } } } as Stripe.PaymentIntentCreateParams);
    const refused = async (params: Stripe.PaymentIntentConfirmParams) => {
      try {
        await sdk.paymentIntents.confirm(pi.id, params);
      } catch (error) {
        return (error as Stripe.errors.StripeError).code;
      }
      return 'confirmed';
    };
    expect(await refused({ payment_method_data: { type: 'ideal' } } as Stripe.PaymentIntentConfirmParams)).toBe('payment_intent_invalid_parameter');
    expect(await refused({ payment_method_data: { type: 'alipay' }, return_url: 'javascript:alert(1)' })).toBe('url_invalid');
    expect(await refused({ payment_method_data: { type: 'alipay' } })).toBe('parameter_missing');
    expect((await sdk.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method');
    const wx = await sdk.paymentIntents.confirm(pi.id, { payment_method_data: { type: 'wechat_pay' } });
    expect(wx.status).toBe('requires_action');
    expect(wx.next_action?.wechat_pay_display_qr_code?.hosted_instructions_url).toBe(`${sandboxUrl}/sandbox/wallet/${pi.id}`);
    const svg = await fetch(wx.next_action!.wechat_pay_display_qr_code!.image_url_svg);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('card, as the shop confirms it (Stripe.js’s way): the publishable key confirms only with the client secret, 3-D Secure on the wallet page pays the order', async () => {
    const c = await cart();
    const r = await place(c, { paymentMethod: 'CARD' });
    expect(r.errors).toBeUndefined();
    const placed = r.data.placeOrder;
    expect(placed.paymentAction).toBeNull();
    const pi = placed.payment.paymentIntentId as string;
    const pk = process.env['STRIPE_SANDBOX_PUBLISHABLE_KEY']!;
    const asBrowser = (path: string, params: Record<string, string>, method = 'POST') =>
      fetch(`${sandboxUrl}${path}${method === 'GET' ? `?${new URLSearchParams(params)}` : ''}`, {
        method,
        headers: { authorization: `Bearer ${pk}`, 'content-type': 'application/x-www-form-urlencoded' },
        ...(method === 'GET' ? {} : { body: new URLSearchParams(params) }),
      });
    const returnUrl = 'https://shop.example/zh-CN/checkout/returned';
    // The publishable key does nothing a secret key is for, nor touches an intent without its secret.
    const create = await asBrowser('/v1/payment_intents', { amount: '100', currency: 'cny' });
    expect(create.status).toBe(401);
    expect(((await create.json()) as { error: { message: string } }).error.message).toMatch(/publishable API key/);
    expect((await asBrowser(`/v1/payment_intents/${pi}/confirm`, { payment_method: 'pm_card_visa', return_url: returnUrl })).status).toBe(404);
    expect((await asBrowser(`/v1/payment_intents/${pi}/confirm`, { client_secret: `${pi}_secret_wrong`, payment_method: 'pm_card_visa', return_url: returnUrl })).status).toBe(404);
    expect((await asBrowser(`/v1/payment_intents/${pi}/cancel`, { client_secret: placed.payment.clientSecret })).status).toBe(401);
    expect((await order(c.token)).status).toBe('PENDING_PAYMENT');

    const confirmed = await asBrowser(`/v1/payment_intents/${pi}/confirm`, { client_secret: placed.payment.clientSecret, payment_method: 'pm_card_visa', return_url: returnUrl });
    expect(confirmed.status).toBe(200);
    const intent = (await confirmed.json()) as { status: string; next_action: { type: string; redirect_to_url: { url: string; return_url: string } } };
    expect(intent.status).toBe('requires_action');
    expect(intent.next_action).toEqual({ type: 'redirect_to_url', redirect_to_url: { url: `${sandboxUrl}/sandbox/wallet/${pi}`, return_url: returnUrl } });
    const read = await asBrowser(`/v1/payment_intents/${pi}`, { client_secret: placed.payment.clientSecret }, 'GET');
    expect(((await read.json()) as { status: string }).status).toBe('requires_action');
    expect(await (await fetch(intent.next_action.redirect_to_url.url)).text()).toContain('银行卡 Card (3-D Secure)');

    const paid = await press(intent.next_action.redirect_to_url.url, 'pay');
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(returnUrl);
    expect(back.searchParams.get('redirect_status')).toBe('succeeded');
    expect(await order(c.token)).toMatchObject({ status: 'PAID', paymentStatus: 'SUCCEEDED' });
  });

  it('answers an unknown intent’s wallet page with 404', async () => {
    expect((await fetch(`${sandboxUrl}/sandbox/wallet/pi_nope`)).status).toBe(404);
  });
});
