import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { fr } from '../../apps/shop/src/i18n/dictionaries/fr';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { idUseConsent } from '@vitrine/orders';
import { residentId, type Shop } from '../support/checkout-fixtures';
import { openShop, useShop, type ShopPage } from './support/shop-fixture';
import { startShop, type ShopServer } from './support/shop-server';
import { addToCart, fillCheckout, pageCheck, screenshotIfAsked, unpaidOrderAndCart } from './support/shop-steps';

/**
 * Issue 17, card payment: the checkout's 银行卡 option leads to the card step. In the Stripe
 * sandbox (no STRIPE_PUBLISHABLE_KEY; the harness gives the shop STRIPE_SANDBOX_URL and the
 * sandbox's publishable key, as `npm start` does) the step is the sandbox's card form: the
 * shop's server confirms the PaymentIntent at the sandbox as Stripe.js would, the shopper
 * passes 3-D Secure on the sandbox's page and sees the paid confirmation. A second shopper
 * fails 3-D Secure: nothing is paid, the cart is intact, and paying again by card works. With
 * STRIPE_PUBLISHABLE_KEY the step loads Stripe.js (js.stripe.com, aborted here: the test runs
 * offline and Stripe.js is not faked) into the Payment Element's container. Phone viewport,
 * axe-core (no serious or critical violation), 44 px taps, no sideways scroll; screenshots in
 * test/artifacts/shop-card-*.png. The step's last button names where it goes (the order, to
 * cancel it) in each language.
 *
 * Issue 20: the API runs with PII_RETENTION_DAYS_AFTER_RELEASE=120, and the checkout's ID-use
 * consent states 120 days (the text the API serves) in zh-CN, en and fr; the checkout records its
 * version. The card step's "see the order or cancel it" leads to an order page that says the order
 * is not paid yet and until when its items are held, with paying by card and cancelling
 * (screenshots shop-card-consent-*.png, shop-card-unpaid-*.png).
 */

const t = zhCN.buy;
const check = pageCheck('shop-card');

describe('shop: card payment', () => {
  // Before useShop's beforeAll starts the API: the retention the consent must state.
  beforeAll(() => {
    process.env['PII_RETENTION_DAYS_AFTER_RELEASE'] = '120';
  });
  afterAll(() => {
    delete process.env['PII_RETENTION_DAYS_AFTER_RELEASE'];
  });
  // The sandbox's 3-D Secure page sends its signed webhooks to this API (the fixture's stripe).
  const f = useShop({ stripe: true, fx: '7.8000', shops: [{ prices: [2_500], stock: 20 }] });
  let a: Shop;

  beforeAll(() => {
    a = f.shops[0]!;
  });

  async function placeByCard(s: ShopPage, shopUrl: string, id: string): Promise<void> {
    const p = s.page;
    await addToCart(s, a.variants[0]!.productId);
    await p.goto(`${shopUrl}/zh-CN/checkout`);
    await fillCheckout(p, { name: '李雷', residentId: id, method: 'CARD' });
    await p.getByTestId('place-order').click();
    await p.waitForURL(/\/zh-CN\/checkout\/card\?checkout=/);
  }

  const confirms = () => f.stripe.requests.filter((r) => /^\/v1\/payment_intents\/[^/]+\/confirm$/.test(r.path));

  it('pays by card in the sandbox: the sandbox card form, 3-D Secure passed, the paid confirmation', async () => {
    const s = await f.open(null);
    const p = s.page;
    await placeByCard(s, f.shop.url, residentId(1717));
    // The sandbox's form, marked as such, the test card filled in.
    expect(await p.getByTestId('sandbox-badge').textContent()).toBe(t.card.sandboxBadge);
    expect(await p.getByLabel(t.card.number).inputValue()).toBe('4242 4242 4242 4242');
    // The last button: to the order's page (where it can be cancelled), named so.
    expect(await p.getByTestId('card-to-order').textContent()).toBe(t.card.toOrder);
    expect(await p.getByTestId('card-to-order').getAttribute('href')).toBe(`/zh-CN/checkout/return?checkout=${new URL(p.url()).searchParams.get('checkout')}&from=card`);
    await check(s, 'sandbox-form');
    // The same step in French and English: the sandbox named in the shopper's language.
    const step = new URL(p.url());
    for (const [locale, dict] of [['fr', fr.buy], ['en', en.buy]] as const) {
      await p.goto(`${f.shop.url}/${locale}/checkout/card${step.search}`);
      expect(await p.getByTestId('sandbox-badge').textContent()).toBe(dict.card.sandboxBadge);
      await p.getByLabel(dict.card.number).waitFor();
      expect(await p.getByTestId('card-to-order').textContent()).toBe(dict.card.toOrder);
      await check(s, `sandbox-form-${locale}`);
    }
    await p.goto(step.href);

    // A number that is no test card: told at the field, nothing sent to the sandbox.
    const before = confirms().length;
    await p.getByLabel(t.card.number).fill('4242 4242 4242 4241');
    await p.getByTestId('card-pay').click();
    await p.getByTestId('card-number-error').waitFor();
    expect(await p.getByTestId('card-number-error').textContent()).toBe(t.card.numberInvalid);
    expect(await p.getByLabel(t.card.number).getAttribute('aria-invalid')).toBe('true');
    expect(confirms().length).toBe(before);
    await check(s, 'sandbox-form-refused');

    // Fixed: confirmed at the sandbox as Stripe.js does, then its 3-D Secure page.
    await p.getByLabel(t.card.number).fill('4242 4242 4242 4242');
    await p.getByTestId('card-pay').click();
    await p.waitForURL((u) => u.href.startsWith(`${f.stripe.url}/sandbox/wallet/`));
    await p.getByText('银行卡 Card (3-D Secure)').first().waitFor();
    await screenshotIfAsked(s, 'shop-card-3ds');
    const confirm = confirms().at(-1)!;
    const pi = f.stripe.paymentIntents.get(confirm.path.split('/')[3]!)!;
    expect(confirm.params).toMatchObject({ payment_method: 'pm_card_visa', client_secret: pi['client_secret'], return_url: `${f.shop.url}/zh-CN/checkout/returned` });
    await p.getByRole('button', { name: /确认付款/ }).click();
    await p.waitForURL(/\/zh-CN\/checkout\/return\?checkout=/);
    expect(await p.getByTestId('payment-outcome').getAttribute('data-state')).toBe('PAID');
    await p.getByText(t.confirmation.paid).waitFor();
    await check(s, 'paid');
    const checkoutId = new URL(p.url()).searchParams.get('checkout')!;
    expect((await f.api.db.prisma.order.findMany({ where: { checkoutId }, select: { status: true } })).map((o) => o.status)).toEqual(['PAID']);
    expect(pi['status']).toBe('succeeded');
  });

  it('states the configured retention in the ID consent, and the unpaid order page says not paid, held until when, pay or cancel', async () => {
    const s = await f.open(null);
    const p = s.page;
    await addToCart(s, a.variants[0]!.productId);
    // The consent as the API serves it, with the API's 120 days, in each language.
    for (const locale of ['en', 'fr', 'zh-CN'] as const) {
      await p.goto(`${f.shop.url}/${locale}/checkout`);
      const consent = idUseConsent(locale, 120);
      expect(await p.locator('#consentToIdUse-text').textContent()).toBe(consent.text);
      expect(await p.locator('fieldset[data-consent-version]').getAttribute('data-consent-version')).toBe('2026-12+r120');
      expect(await p.getByText(consent.label).count()).toBe(1);
      await p.locator('#consentToIdUse-text').scrollIntoViewIfNeeded();
      await check(s, `consent-${locale}`);
    }
    expect(await p.locator('#consentToIdUse-text').textContent()).toContain('再保存 120 天');
    expect(await p.content()).not.toContain('15 天内销毁');

    await fillCheckout(p, { name: '韩梅梅', residentId: residentId(1818), method: 'CARD' });
    await p.getByTestId('place-order').click();
    await p.waitForURL(/\/zh-CN\/checkout\/card\?checkout=/);
    const checkoutId = new URL(p.url()).searchParams.get('checkout')!;
    const row = await f.api.db.prisma.checkout.findUniqueOrThrow({ where: { id: checkoutId }, select: { consentVersion: true, holdExpiresAt: true } });
    expect(row.consentVersion).toBe('2026-12+r120');
    const confirmsBefore = confirms().length;

    // Nothing paid: the order page says so, with the hold's expiry, paying by card and cancelling.
    await p.getByTestId('card-to-order').click();
    await p.waitForURL(/\/zh-CN\/checkout\/return\?checkout=.*&from=card/);
    for (const [locale, dict] of [['zh-CN', zhCN.buy], ['en', en.buy], ['fr', fr.buy]] as const) {
      if (locale !== 'zh-CN') await p.goto(`${f.shop.url}/${locale}/checkout/return?checkout=${checkoutId}&from=card`);
      const outcome = p.getByTestId('payment-outcome');
      expect(await outcome.getAttribute('data-state')).toBe('UNPAID');
      const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', dateStyle: 'short', timeZone: 'Asia/Shanghai' }).format(row.holdExpiresAt);
      expect(await outcome.textContent()).toBe(`${dict.confirmation.unpaid}${dict.pay.holdUntil.replace('{time}', time)}${locale === 'zh-CN' ? '' : ' '}${dict.confirmation.unpaidBody}`);
      expect(await p.getByText(dict.confirmation.processing).count()).toBe(0);
      expect(await p.getByTestId('pay-by-card').textContent()).toBe(dict.confirmation.payByCard);
      expect(await p.getByTestId('pay-by-card').getAttribute('href')).toBe(`/${locale}/checkout/card?checkout=${checkoutId}`);
      expect(await p.getByTestId('abandon').textContent()).toBe(dict.confirmation.abandon);
      await check(s, `unpaid-${locale}`);
    }
    expect(confirms().length).toBe(confirmsBefore);
    // Paying from there leads back to the card step; cancelling releases the items.
    await p.getByTestId('pay-by-card').click();
    await p.waitForURL(/\/fr\/checkout\/card\?checkout=/);
    await p.getByTestId('card-to-order').click();
    await p.getByTestId('abandon').click();
    await p.waitForURL(/\/fr\/cart\?abandoned=1/);
    expect((await f.api.db.prisma.order.findMany({ where: { checkoutId }, select: { status: true } })).map((o) => o.status)).toEqual(['CANCELLED']);
  });

  it('a second shopper fails 3-D Secure: nothing paid, the cart intact, and paying again by card works', async () => {
    const s = await f.open(null);
    const p = s.page;
    const id = residentId(2727);
    await placeByCard(s, f.shop.url, id);
    await p.getByTestId('card-pay').click();
    await p.waitForURL((u) => u.href.startsWith(`${f.stripe.url}/sandbox/wallet/`));
    await p.getByRole('button', { name: /模拟付款失败/ }).click();
    // The sandbox goes back to the return_url, as Stripe does after 3-D Secure.
    await p.waitForURL(/\/zh-CN\/checkout\/return\?checkout=/);
    expect(await p.getByTestId('payment-outcome').getAttribute('data-state')).toBe('FAILED');
    await p.getByText(t.confirmation.failed).waitFor();
    await check(s, 'failed');

    // Nothing paid; the cart's line is as it was, on hold for the unpaid order.
    const held = await unpaidOrderAndCart(f, '李雷');
    expect(held.items).toEqual([{ variantId: a.variants[0]!.id, quantity: 1 }]);
    await p.goto(`${f.shop.url}/zh-CN/cart`);
    await p.getByText(t.cart.checkedOut).waitFor();
    expect(await p.getByTestId('cart-line').count()).toBe(1);

    // Paying again by card: the same checkout, a new attempt, 3-D Secure passed.
    await p.goto(`${f.shop.url}/zh-CN/checkout/returned`);
    await p.waitForURL(/\/zh-CN\/checkout\/return\?checkout=/);
    await p.getByTestId('resident-id').fill(id);
    await p.getByTestId('method-CARD').check();
    await p.getByTestId('place-order').click();
    await p.waitForURL(/\/zh-CN\/checkout\/card\?checkout=/);
    await check(s, 'retry');
    await p.getByTestId('card-pay').click();
    await p.waitForURL((u) => u.href.startsWith(`${f.stripe.url}/sandbox/wallet/`));
    await p.getByRole('button', { name: /确认付款/ }).click();
    await p.waitForURL(/\/zh-CN\/checkout\/return\?checkout=/);
    expect(await p.getByTestId('payment-outcome').getAttribute('data-state')).toBe('PAID');
    expect((await f.api.db.prisma.order.findUniqueOrThrow({ where: { id: held.orderId }, select: { status: true } })).status).toBe('PAID');
  });

  describe('with STRIPE_PUBLISHABLE_KEY', () => {
    let live: ShopServer;
    beforeAll(async () => {
      live = await startShop(f.api.baseUrl, { STRIPE_PUBLISHABLE_KEY: 'pk_test_card_step_browser_spec' });
    }, 120_000);
    afterAll(async () => {
      await live?.close();
    });

    it('loads Stripe.js on the card step only and shows the Payment Element’s container', async () => {
      const s = await openShop(f.browser, live.url, { blank: true });
      try {
        const p = s.page;
        const stripeJs: string[] = [];
        // Offline: the request is seen and aborted, Stripe.js is not faked.
        await s.context.route('https://js.stripe.com/**', async (route) => {
          stripeJs.push(route.request().url());
          await route.abort();
        });
        await p.goto(`${live.url}/zh-CN/products/${a.variants[0]!.productId}`);
        await p.waitForLoadState('networkidle');
        expect(stripeJs).toEqual([]);
        await placeByCard(s, live.url, residentId(3737));
        await p.getByTestId('payment-element').waitFor();
        expect(await p.getByTestId('sandbox-card-form').count()).toBe(0);
        await p.getByTestId('card-load-failed').waitFor();
        expect(stripeJs.length).toBeGreaterThan(0);
        expect(stripeJs[0]).toMatch(/^https:\/\/js\.stripe\.com\//);
        await check(s, 'stripe-js-blocked');
        // The only errors: the aborted Stripe.js.
        expect(s.errors.filter((e) => !/js\.stripe\.com|Failed to load resource|Stripe\.js/.test(e))).toEqual([]);
      } finally {
        await s.close();
      }
    });
  });
});
