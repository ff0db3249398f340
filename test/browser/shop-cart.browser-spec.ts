import { createUser } from '@vitrine/shared/testing';
import { en } from '../../apps/shop/src/i18n/dictionaries/en';
import { fr } from '../../apps/shop/src/i18n/dictionaries/fr';
import { zhCN } from '../../apps/shop/src/i18n/dictionaries/zh-CN';
import { fill } from '../../apps/shop/src/i18n/dictionary';
import { formatMoney } from '../../apps/shop/src/lib/format/money';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import { useShop } from './support/shop-fixture';
import { addToCart, fillAddressAndConsents, pageCheck, signIn } from './support/shop-steps';

/**
 * Issue 17, the cart on a phone (390x844):
 * - an applied coupon is named once (it was named twice: "已使用优惠券 X" and again "X 取消优惠券");
 * - a signed-in shopper sees, for each orderer identity they ordered with, the yearly quota
 *   (26,000 CNY of dutiable value per identity and calendar year) left this year, and whether
 *   this cart fits in it, before checkout refuses with ANNUAL_LIMIT_EXCEEDED; the figures are
 *   the API's (OrdererIdentity.annualQuota, counted as checkout counts, the same as
 *   remainingAnnualQuota). zh-CN, then English and French.
 * - the quota card sits above the checkout button; checkout preselects the newest saved
 *   identity (masked, with its quota and what this cart leaves of it), still changeable to
 *   another orderer, and places the order with the stored number (the full number never on
 *   the page).
 * Screenshots in test/artifacts/shop-cart-*.png.
 */
const CREATE_PROMOTION = `mutation($i: PromotionInput!) { createPromotion(input: $i) { id code } }`;
const QUOTA = `query($i: AnnualQuotaInput!) { remainingAnnualQuota(input: $i) { remaining { amount } used { amount } counted } }`;
const SAVED = `{ ordererIdentities { id residentIdMasked annualQuota { remaining { amount } limit { amount } used { amount } counted residentIdMasked } } }`;
const CART = `{ cart { sellers { lines { dutiable } } } }`;
const day = 86_400_000;
const LIMIT = 2_600_000;
const NAME = '王芳';
const t = zhCN.buy;
const cny = (amount: number, locale: 'zh-CN' | 'en' | 'fr' = 'zh-CN') => formatMoney({ amount, currency: 'CNY' }, locale);

const check = pageCheck('shop-cart');

describe('shop: the cart', () => {
  // EUR 40.00 → 322 CNY; EUR 600.00 → 4,821 CNY (one unit with its shipping stays under the 5,000 CNY per-order limit).
  const f = useShop({ stripe: true, fx: '7.8000', shops: [{ prices: [4_000, 60_000], stock: 50 }] });
  let shop: Shop;

  beforeAll(() => {
    shop = f.shops[0]!;
  });

  it('names an applied coupon once, where it can be removed', async () => {
    const manager = await f.api.login((await createUser(f.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const window = { startsAt: new Date(Date.now() - day).toISOString(), endsAt: new Date(Date.now() + 30 * day).toISOString() };
    const created: any = await f.api.gql(
      CREATE_PROMOTION,
      { i: { museumId: shop.museumId, kind: 'COUPON', name: '卢浮宫九折', code: 'louvre10', discountType: 'PERCENT', percentBps: 1_000, ...window } },
      manager,
    );
    expect(created.errors).toBeUndefined();

    const s = await f.open(null);
    const p = s.page;
    await addToCart(s, shop.variants[0]!.productId);
    await p.goto(`${f.shop.url}/zh-CN/cart`);
    await p.getByTestId('coupon-input').fill('louvre10');
    await p.getByTestId('coupon-apply').click();
    await p.waitForURL(/coupon=applied/);
    await p.getByTestId('applied-promotion').filter({ hasText: '卢浮宫九折' }).waitFor();
    const promotions = p.getByTestId('promotions');
    // Outside the list of applied promotions (each names its own code), the coupon is named once: "coupon X applied", with its remove button.
    const mentions = () =>
      promotions.evaluate((section) =>
        Array.from(section.children)
          .filter((el) => el.tagName !== 'UL')
          .map((el) => (el as HTMLElement).innerText)
          .join('\n')
          .split('LOUVRE10').length - 1,
      );
    await expect(mentions()).resolves.toBe(1);
    await expect(promotions.getByTestId('coupon-applied').textContent()).resolves.toBe(fill(t.cart.couponApplied, { code: 'LOUVRE10' }));
    await expect(promotions.getByTestId('coupon-applied').getAttribute('role')).resolves.toBe('status');
    await promotions.getByRole('button', { name: t.cart.couponRemove }).waitFor();
    await check(s, 'coupon');

    // Later (no fresh "applied" in the URL) it is still named once; removing it leaves the code field.
    await p.goto(`${f.shop.url}/zh-CN/cart`);
    await expect(mentions()).resolves.toBe(1);
    await promotions.getByRole('button', { name: t.cart.couponRemove }).click();
    await p.getByTestId('coupon-input').waitFor();
    await expect(mentions()).resolves.toBe(0);
  });

  it('shows the yearly quota each saved orderer identity has left, and whether this cart fits in it', async () => {
    const shopper = await createUser(f.api.db.prisma, 'SHOPPER');
    const token = await f.api.login(shopper.email);
    const nearlyFull = residentId(9_311);
    const roomy = residentId(9_312);
    // Five paid orders of 4,821 CNY (+ shipping) with one identity, then one small order with another (the newest).
    const place = async (variantId: string, id: string, key: string) => {
      const added: any = await f.api.gql(ADD_LINE, { i: { variantId, quantity: 1 } }, token);
      expect(added.errors).toBeUndefined();
      const placed: any = await f.api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, key, { id, name: NAME }) }, token);
      expect(placed.errors).toBeUndefined();
      expect(await f.stripe.deliver(f.api.baseUrl, f.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    };
    for (let n = 0; n < 5; n++) await place(shop.variants[1]!.id, nearlyFull, `cart-quota-big-${n}`);
    await place(shop.variants[0]!.id, roomy, 'cart-quota-small');

    // The API's figures: each saved identity's quota is checkout's count (the same as remainingAnnualQuota with the name).
    const saved: any = await f.api.gql(SAVED, {}, token);
    expect(saved.errors).toBeUndefined();
    const identities = saved.data.ordererIdentities as { id: string; residentIdMasked: string; annualQuota: { remaining: { amount: number }; used: { amount: number }; limit: { amount: number }; counted: boolean } }[];
    expect(identities.map((i) => i.residentIdMasked)).toEqual([roomy, nearlyFull].map((id) => `${id.slice(0, 3)}***********${id.slice(-4)}`));
    for (const [identity, id] of [
      [identities[0]!, roomy],
      [identities[1]!, nearlyFull],
    ] as const) {
      const asked: any = await f.api.gql(QUOTA, { i: { residentId: id, name: NAME } }, token);
      expect(identity.annualQuota).toMatchObject({ limit: { amount: LIMIT }, counted: true, remaining: asked.data.remainingAnnualQuota.remaining, used: asked.data.remainingAnnualQuota.used });
    }
    const [newest, full] = [identities[0]!, identities[1]!];
    expect(full.annualQuota.used.amount).toBeGreaterThan(5 * 482_100);
    // Another shopper sees none of these identities.
    const other = await f.api.login((await createUser(f.api.db.prisma, 'SHOPPER')).email);
    expect(((await f.api.gql(SAVED, {}, other)) as any).data.ordererIdentities).toEqual([]);

    // In the shop: one more 4,821 CNY piece in the cart.
    const s = await f.open(null);
    const p = s.page;
    await signIn(s, shopper.email);
    await addToCart(s, shop.variants[1]!.productId);
    const cart: any = await f.api.gql(CART, {}, token);
    const value = (cart.data.cart.sellers as { lines: { dutiable: number }[] }[]).flatMap((x) => x.lines).reduce((a, l) => a + l.dutiable, 0);
    expect(value).toBeGreaterThan(full.annualQuota.remaining.amount);
    expect(value).toBeLessThan(newest.annualQuota.remaining.amount);

    await p.goto(`${f.shop.url}/zh-CN/cart`);
    const panel = p.getByTestId('identity-quota');
    // The newest identity first: its quota, and the cart fits.
    await expect(panel.getByTestId('identity-quota-remaining').textContent()).resolves.toBe(
      fill(t.quota.remaining, { id: newest.residentIdMasked, remaining: cny(newest.annualQuota.remaining.amount), limit: cny(LIMIT) }),
    );
    await expect(panel.getByTestId('identity-quota-after').textContent()).resolves.toBe(
      fill(t.quota.cartFits, { value: cny(value), left: cny(newest.annualQuota.remaining.amount - value) }),
    );
    await expect(panel.getByTestId('identity-quota-over').count()).resolves.toBe(0);
    await check(s, 'quota-fits');

    // The other identity, picked: 1,5xx CNY left, the cart does not fit; said before checkout refuses it.
    await panel.getByLabel(t.quota.orderer).selectOption(full.id);
    await panel.getByRole('button', { name: t.quota.show }).click();
    await p.waitForURL(new RegExp(`identity=${full.id}`));
    await expect(p.getByTestId('identity-quota-remaining').textContent()).resolves.toBe(
      fill(t.quota.remaining, { id: full.residentIdMasked, remaining: cny(full.annualQuota.remaining.amount), limit: cny(LIMIT) }),
    );
    await expect(p.getByTestId('identity-quota-over').textContent()).resolves.toBe(fill(t.quota.cartOver, { value: cny(value), remaining: cny(full.annualQuota.remaining.amount) }));
    await check(s, 'quota-over');

    // English and French.
    await p.goto(`${f.shop.url}/en/cart?identity=${full.id}`);
    await expect(p.getByTestId('identity-quota-over').textContent()).resolves.toBe(fill(en.buy.quota.cartOver, { value: cny(value, 'en'), remaining: cny(full.annualQuota.remaining.amount, 'en') }));
    await check(s, 'quota-over-en');
    await p.goto(`${f.shop.url}/fr/cart`);
    await expect(p.getByTestId('identity-quota-after').textContent()).resolves.toBe(
      fill(fr.buy.quota.cartFits, { value: cny(value, 'fr'), left: cny(newest.annualQuota.remaining.amount - value, 'fr') }),
    );
  });

  it('shows the quota above the checkout button, and checkout preselects the newest saved identity, masked and changeable', async () => {
    const shopper = await createUser(f.api.db.prisma, 'SHOPPER');
    const token = await f.api.login(shopper.email);
    const older = residentId(9_321);
    const newer = residentId(9_322);
    const place = async (id: string, name: string, key: string) => {
      const added: any = await f.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } }, token);
      const placed: any = await f.api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, key, { id, name }) }, token);
      expect(placed.errors).toBeUndefined();
      expect(await f.stripe.deliver(f.api.baseUrl, f.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    };
    await place(older, '李雷', 'checkout-saved-older');
    await place(newer, NAME, 'checkout-saved-newer');
    const saved: any = await f.api.gql(`{ ordererIdentities { id residentIdMasked ordererName annualQuota { remaining { amount } } } }`, {}, token);
    const [newest, previous] = saved.data.ordererIdentities as { id: string; residentIdMasked: string; ordererName: string; annualQuota: { remaining: { amount: number } } }[];
    expect([newest!.ordererName, previous!.ordererName]).toEqual([NAME, '李雷']);

    const s = await f.open(null);
    const p = s.page;
    await signIn(s, shopper.email);
    await addToCart(s, shop.variants[0]!.productId);
    const cart: any = await f.api.gql(CART, {}, token);
    const value = (cart.data.cart.sellers as { lines: { dutiable: number }[] }[]).flatMap((x) => x.lines).reduce((a, l) => a + l.dutiable, 0);

    // The cart: the quota card comes before the checkout button, not after it.
    await p.goto(`${f.shop.url}/zh-CN/cart`);
    const card = await p.getByTestId('identity-quota').boundingBox();
    const go = await p.getByTestId('go-checkout').boundingBox();
    expect(card!.y + card!.height).toBeLessThanOrEqual(go!.y);
    await check(s, 'quota-above-checkout');

    // Checkout: the newest identity preselected, masked, with its quota and what this cart leaves of it; no ID to type.
    await p.getByTestId('go-checkout').click();
    await p.waitForURL(/\/zh-CN\/checkout$/);
    const choice = p.getByTestId(`saved-identity-${newest!.id}`);
    await expect(choice.isChecked()).resolves.toBe(true);
    await expect(p.getByTestId(`saved-identity-${previous!.id}`).isChecked()).resolves.toBe(false);
    await p.getByText(fill(t.checkout.savedIdentity, { name: NAME, id: newest!.residentIdMasked })).waitFor();
    await expect(p.getByTestId('checkout-quota-remaining').textContent()).resolves.toBe(
      fill(t.quota.remaining, { id: newest!.residentIdMasked, remaining: cny(newest!.annualQuota.remaining.amount), limit: cny(LIMIT) }),
    );
    await expect(p.getByTestId('checkout-quota-after').textContent()).resolves.toBe(fill(t.quota.cartFits, { value: cny(value), left: cny(newest!.annualQuota.remaining.amount - value) }));
    await expect(p.getByTestId('resident-id').count()).resolves.toBe(0);
    expect(await p.content()).not.toContain(newer);
    // The quota shows before the button that places the order.
    const quotaBox = await p.getByTestId('checkout-quota').boundingBox();
    const placeBox = await p.getByTestId('place-order').boundingBox();
    expect(quotaBox!.y + quotaBox!.height).toBeLessThanOrEqual(placeBox!.y);
    await check(s, 'checkout-saved-identity');

    // Still changeable: another orderer types a name and an ID number; back to the saved one.
    await p.getByTestId('saved-identity-other').check();
    await p.getByTestId('resident-id').waitFor();
    await p.getByLabel(t.checkout.realName).waitFor();
    await check(s, 'checkout-other-identity');
    await p.getByTestId(`saved-identity-${previous!.id}`).check();
    await p.getByText(fill(t.checkout.savedIdentity, { name: '李雷', id: previous!.residentIdMasked })).waitFor();
    await p.getByTestId(`saved-identity-${newest!.id}`).check();
    await expect(p.getByTestId('resident-id').count()).resolves.toBe(0);

    // Placed with the saved identity: the order is under it and its name.
    await fillAddressAndConsents(p, NAME);
    await p.getByTestId('method-ALIPAY').check();
    await p.getByTestId('place-order').click();
    await p.waitForURL((u) => u.href.startsWith(`${f.stripe.url}/sandbox/wallet/`));
    const latest = await f.api.db.prisma.order.findFirstOrThrow({ where: { shopperUserId: shopper.id }, orderBy: { createdAt: 'desc' }, select: { identityId: true, ordererName: true } });
    expect(latest).toEqual({ identityId: newest!.id, ordererName: NAME });
  });
});
