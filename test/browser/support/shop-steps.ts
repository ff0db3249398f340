// What shoppers do again and again in the shop's browser specs, and the page check every shop
// page passes. The fixture (shop-fixture.ts) starts what they run against.
import type { Page } from 'playwright-core';
import type { PrismaService } from '@vitrine/shared/data-access';
import { en } from '../../../apps/shop/src/i18n/dictionaries/en';
import { fr } from '../../../apps/shop/src/i18n/dictionaries/fr';
import { zhCN } from '../../../apps/shop/src/i18n/dictionaries/zh-CN';
import { ADD_LINE, PLACE_ORDER, placeOrderInput } from '../../support/checkout-fixtures';
import { pageProblems } from './shop-checks';
import type { ShopFixture, ShopPage } from './shop-fixture';

/** The test accounts' password (createUser). */
export const SHOPPER_PASSWORD = 'correct-horse-battery-staple';

/**
 * `check(s, name)`: no serious or critical axe violation, no control under 44 px, no sideways
 * scroll (shop-checks.ts), on the page as it is at its top. A full-page screenshot
 * test/artifacts/<prefix>-<name>.png is taken when the check fails, or of every checked page with
 * SHOP_SCREENSHOTS=1 (then before the check, as it always was before issue 23: the scroll and the
 * picture took 0.11-0.59 s a page, 0.29 s of CPU on average, for some 130 pages a run).
 */
export function pageCheck(prefix: string): (s: ShopPage, name: string) => Promise<void> {
  return async (s, name) => {
    const shot = `${prefix}-${name}`;
    const always = screenshotsAsked();
    // Without the screenshot, the page as it would have left it (its scroll through the page
    // loads the lazy images, which the checks do not need: every <img> has its width and height,
    // and the specs that look at an image's pixels scroll to it and decode it themselves), after
    // the <title> is back.
    if (always) await s.screenshot(shot);
    else await asScreenshotLeft(s.page, { title: true });
    let problems = await pageProblems(s.page);
    if (problems.length > 0 && !always) {
      // Once more after a second: under CI's load a page just navigated to by a server action's
      // redirect was caught between its old and new <title> (axe: document-title), which the
      // screenshot's scroll used to outwait. A lasting problem is reported the second time too.
      await new Promise((r) => setTimeout(r, 1_000));
      await titleBack(s.page);
      problems = await pageProblems(s.page);
      if (problems.length > 0) await s.screenshot(shot).catch(() => undefined);
    }
    expect({ page: name, problems }).toEqual({ page: name, problems: [] });
  };
}

/** Whether the shop's pictures were asked for (SHOP_SCREENSHOTS=1, README's environment table). */
export function screenshotsAsked(): boolean {
  return process.env['SHOP_SCREENSHOTS'] === '1';
}

/**
 * A named full-page screenshot, test/artifacts/<name>.png, only with SHOP_SCREENSHOTS=1: no test
 * reads these pictures' pixels, and each took 0.1-0.6 s (issue 23). Without it, the page is left
 * as the screenshot would leave it for the steps after: loaded, scrolled to its top (the
 * tap-target check skips controls above the viewport). A failing test's pages are saved anyway.
 */
export async function screenshotIfAsked(s: ShopPage, name: string): Promise<void> {
  if (screenshotsAsked()) return s.screenshot(name);
  await asScreenshotLeft(s.page);
}

/**
 * What a full-page screenshot leaves the page in, without taking it: loaded, scrolled to its top
 * (the tap-target check skips controls above the viewport); with `title`, its <title> awaited
 * (titleBack) between the two.
 */
async function asScreenshotLeft(page: Page, { title = false } = {}): Promise<void> {
  await page.waitForLoadState('load').catch(() => undefined);
  if (title) await titleBack(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * A page just re-rendered by a server action or a refresh gets its <title> back a moment later
 * (the screenshot's scroll used to cover that): waits for one, up to 5 s, so a page without a
 * title is still reported by axe, not one caught mid-render.
 */
async function titleBack(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
}

/** The product page's add to cart, as a shopper taps it (zh-CN unless told). */
export async function addToCart(s: ShopPage, productId: string, locale = 'zh-CN'): Promise<void> {
  await s.page.goto(`${s.origin}/${locale}/products/${productId}`);
  await s.page.getByTestId('add-to-cart').click();
  await s.page.waitForURL(/added=1/);
}

const DICTIONARIES = { 'zh-CN': zhCN, en, fr } as const;

/** Signs in on the sign-in page in `locale` (zh-CN unless told), labels read in that language; ends on the account page. */
export async function signIn(s: ShopPage, email: string, locale: keyof typeof DICTIONARIES = 'zh-CN', password = SHOPPER_PASSWORD): Promise<void> {
  const p = s.page;
  const t = DICTIONARIES[locale].buy.account;
  await p.goto(`${s.origin}/${locale}/account/sign-in`);
  await p.getByLabel(t.email).fill(email);
  await p.getByLabel(t.password).fill(password);
  await p.getByTestId('auth-submit').click();
  await p.waitForURL(new RegExp(`/${locale}/account$`));
}

/** The zh-CN checkout's delivery address (Beijing, Dongcheng) and both consents, ticked. */
export async function fillAddressAndConsents(p: Page, recipient: string): Promise<void> {
  const t = zhCN.buy.checkout;
  await p.getByLabel(t.recipient).fill(recipient);
  await p.getByLabel(t.phone).fill('13800138000');
  await p.getByLabel(t.province).selectOption('北京市');
  await p.getByLabel(t.city).selectOption('市辖区');
  await p.getByLabel(t.district).selectOption('东城区');
  await p.getByLabel(t.street).fill('王府井大街 1 号');
  await p.getByLabel(t.postalCode).fill('100006');
  await p.getByTestId('consentToIdUse').check();
  await p.getByTestId('acceptRiskNotice').check();
}

/** The whole zh-CN checkout form for an orderer who types their name and ID number, then the payment method (not placed). */
export async function fillCheckout(p: Page, o: { name: string; residentId: string; method: 'ALIPAY' | 'WECHAT_PAY' | 'CARD' }): Promise<void> {
  await p.getByLabel(zhCN.buy.checkout.realName).fill(o.name);
  await p.getByTestId('resident-id').fill(o.residentId);
  await fillAddressAndConsents(p, o.name);
  await p.getByTestId(`method-${o.method}`).check();
}

export interface PaidOrder {
  checkoutId: string;
  cartId: string;
  /** A guest cart's token (null for a signed-in shopper's). */
  cartToken: string | null;
  paymentIntentId: string;
  order: { id: string; number: string; lines: { id: string }[] };
}

/**
 * Over the API: lines added to a new cart (the shopper's with `token`, else a guest's), placed
 * with this orderer, and paid (Stripe's signed payment_intent.succeeded delivered to the API).
 */
export async function placePaidOrder(
  f: ShopFixture,
  o: { token?: string; lines: { variantId: string; quantity: number }[]; key: string; residentId: string; name: string },
): Promise<PaidOrder> {
  let cartId = '';
  let cartToken: string | null = null;
  for (const line of o.lines) {
    const added: any = await f.api.gql(ADD_LINE, { i: { ...line, cartToken } }, o.token);
    expect(added.errors).toBeUndefined();
    cartId = added.data.addCartLine.cart.id;
    cartToken = o.token ? null : added.data.addCartLine.cartToken;
  }
  const placed: any = await f.api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, o.key, { id: o.residentId, name: o.name, ...(o.token ? {} : { cartToken }) }) }, o.token);
  expect(placed.errors).toBeUndefined();
  const paymentIntentId: string = placed.data.placeOrder.payment.paymentIntentId;
  expect(await f.stripe.deliver(f.api.baseUrl, f.stripe.succeed(paymentIntentId))).toBe(200);
  return { checkoutId: placed.data.placeOrder.id, cartId, cartToken, paymentIntentId, order: placed.data.placeOrder.orders[0] };
}

/**
 * An order released, shipped and delivered two days ago, written as the worker writes it (its
 * own path is in the e2e suites): the status changes and the order's status.
 */
export async function markDelivered(prisma: PrismaService, orderId: string): Promise<void> {
  const at = Date.now() - 2 * 86_400_000;
  await prisma.orderStatusChange.createMany({
    data: [
      { orderId, fromStatus: 'PAID', toStatus: 'CUSTOMS_SUBMITTED', reason: 'declared', createdAt: new Date(at) },
      { orderId, fromStatus: 'CUSTOMS_SUBMITTED', toStatus: 'CLEARED', reason: 'released', createdAt: new Date(at + 60_000) },
      { orderId, fromStatus: 'CLEARED', toStatus: 'SHIPPED', reason: 'booked', createdAt: new Date(at + 120_000) },
      { orderId, fromStatus: 'SHIPPED', toStatus: 'DELIVERED', reason: 'delivered', createdAt: new Date(at + 86_400_000) },
    ],
  });
  await prisma.order.update({ where: { id: orderId }, data: { status: 'DELIVERED' } });
}

/**
 * On a delivered order's zh-CN page: one more unit of the line to return, the reason, a photo
 * (a file path) and a note, then the request; ends when the page says it was requested.
 */
export async function askReturn(p: Page, r: { lineId: string; reason: string; photo: string; note: string }): Promise<void> {
  const t = zhCN.returns;
  await p.getByTestId(`return-line-${r.lineId}`).getByRole('button', { name: new RegExp(`^${t.more}`) }).click();
  await p.getByLabel(t.reason).selectOption(r.reason);
  await p.getByLabel(t.photoFiles).setInputFiles(r.photo);
  await p.getByLabel(t.note).fill(r.note);
  await p.getByTestId('request-return').click();
  await p.getByTestId('return-requested').waitFor();
}

/** After a declined or failed payment: this orderer's unpaid order and the lines of the cart it was placed from. */
export async function unpaidOrderAndCart(f: ShopFixture, ordererName: string): Promise<{ orderId: string; items: { variantId: string; quantity: number }[] }> {
  const order = await f.api.db.prisma.order.findFirstOrThrow({ where: { ordererName, status: 'PENDING_PAYMENT' }, select: { id: true, checkout: { select: { cartId: true } } } });
  const cart = await f.api.db.prisma.cart.findUniqueOrThrow({ where: { id: order.checkout.cartId }, select: { items: { select: { variantId: true, quantity: true } } } });
  return { orderId: order.id, items: cart.items };
}
