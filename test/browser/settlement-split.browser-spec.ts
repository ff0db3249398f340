import { randomUUID } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, residentId, seedFx, seedShop, setStock, type Shop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const SET_RATES = `mutation($i: SetCommissionRatesInput!) { setCommissionRates(input: $i) { id } }`;

/**
 * Issue 21 in the console, what settlement.browser-spec does not show: the three-way split of a
 * co-branded product the brand ships (the brand's goods less commission less royalty, the
 * museum's royalty, the platform's commission, the tax owed to customs) and of the museum's own
 * product, at the storefront's commission rates, on the order page a museum manager opens; and
 * a payout account whose onboarding is not finished, with what Stripe still needs and the
 * button to continue.
 */
describe('console: the split of a co-branded order, and what Stripe still needs', () => {
  const c = useConsole({ stripe: true });
  let shop: Shop;
  let brandId: string;

  beforeAll(async () => {
    const prisma = c.api.db.prisma;
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [12_000, 3_000], stock: 20 });
    // Product 0: co-branded, shipped by the brand from its own stock (10 % royalty, CNY); product 1: the museum's poster.
    await licenseAfterSale(prisma, shop.museumId, shop.variants[0]!.productId);
    brandId = (await prisma.licensedProduct.findUniqueOrThrow({ where: { productId: shop.variants[0]!.productId } })).fulfilledByBrandId;
    const atelier = await prisma.stockLocation.create({ data: { brandId, code: `BR-${randomUUID().slice(0, 6)}`, name: 'Atelier', kind: 'EU_WAREHOUSE', priority: 1 } });
    await setStock(prisma, atelier.id, shop.variants[0]!.id, 20);
    await prisma.product.update({ where: { id: shop.variants[1]!.productId }, data: { category: 'posters' } });
  });

  it('shows the museum manager each party’s share of a co-branded order and of its own order, at the storefront’s rates', async () => {
    const prisma = c.api.db.prisma;
    const operator = await c.api.login((await createUser(prisma, 'PLATFORM_ADMIN')).email);
    const storefrontId = (await prisma.storefront.findUniqueOrThrow({ where: { museumId: shop.museumId } })).id;
    expect((await c.api.gql(SET_RATES, { i: { storefrontId, defaultRateBps: 1_500, categoryRates: [{ category: 'posters', rateBps: 1_000 }] } }, operator)).errors).toBeUndefined();

    let token: string | null = null;
    let cartId = '';
    for (const v of [0, 1]) {
      const r: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[v]!.id, quantity: 1, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'split-ui', { cartToken: token, id: residentId(7701) }) });
    expect(placed.errors).toBeUndefined();
    expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    const orders = placed.data.placeOrder.orders as any[];
    const brandOrder = orders.find((o) => o.lines[0].variantId === shop.variants[0]!.id);
    const museumOrder = orders.find((o) => o.lines[0].variantId === shop.variants[1]!.id);

    const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    const money = (minor: number) => `CN¥${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const row = (testId: string) => page.getByTestId('order-split').getByTestId(testId);

    // The co-branded order: the brand ships it; 15 % commission (the default rate), 10 % royalty to the museum.
    const g = brandOrder.goodsTotal as number;
    const commission = Math.round(g * 0.15);
    const royalty = Math.round(g * 0.1);
    await page.goto(`${c.server.url}/#/orders/${brandOrder.id}/show`);
    await page.getByTestId('order-split').waitFor();
    const brandGoods = row('split-SELLER_PENDING-GOODS');
    await brandGoods.getByText('Brand (pending)').waitFor();
    expect(await brandGoods.textContent()).toContain(money(g - commission - royalty));
    expect(await row('split-SELLER_PENDING-FREIGHT').textContent()).toContain('Brand (pending)');
    const museumRoyalty = row('split-SELLER_PENDING-ROYALTY');
    expect(await museumRoyalty.textContent()).toContain('Museum (pending)');
    expect(await museumRoyalty.textContent()).toContain(money(royalty));
    expect(await row('split-PLATFORM_COMMISSION-COMMISSION').textContent()).toContain(money(commission));
    expect(await row('split-TAX_PAYABLE-TAX').textContent()).toContain('Customs (tax owed)');
    expect(await row('split-TAX_PAYABLE-TAX').textContent()).toContain(money(brandOrder.taxTotal));
    await screenshot('settlement-order-split-co-branded');

    // The museum's own poster: its goods less 10 % (the posters rate), no royalty, no brand.
    const mg = museumOrder.goodsTotal as number;
    const mc = Math.round(mg * 0.1);
    await page.goto(`${c.server.url}/#/orders/${museumOrder.id}/show`);
    await page.getByTestId('order-split').getByText('Museum (pending)').first().waitFor();
    expect(await row('split-SELLER_PENDING-GOODS').textContent()).toContain(money(mg - mc));
    expect(await row('split-PLATFORM_COMMISSION-COMMISSION').textContent()).toContain(money(mc));
    await expect(row('split-SELLER_PENDING-ROYALTY').count()).resolves.toBe(0);
    await expect(page.getByTestId('order-split').getByText('Brand (pending)').count()).resolves.toBe(0);
  });

  it('shows a payout account whose onboarding is not finished: its state, what Stripe still needs, and the button to continue', async () => {
    const prisma = c.api.db.prisma;
    const manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const { page, screenshot } = await c.open();
    await signInFast(page, manager.email, manager.password);
    await page.goto(`${c.server.url}/#/settlement/MUSEUM-${shop.museumId}/show`);
    await page.getByTestId('payout-account-state').getByText('Not connected').waitFor();
    await page.getByTestId('payout-connect').click();
    // Stripe's Express onboarding (the loopback's page); the manager comes back without finishing it.
    await page.waitForURL(/\/sandbox\/onboarding\/acct_/);
    await page.goto(`${c.server.url}/#/settlement/MUSEUM-${shop.museumId}/show`);
    await page.getByTestId('payout-account-state').getByText('Onboarding not finished').waitFor();
    await page.getByTestId('payout-account-requirements').waitFor();
    expect(await page.getByTestId('payout-account-requirements').textContent()).toMatch(/^Stripe still needs: \S/);
    await page.getByTestId('payout-connect').getByText('Continue onboarding with Stripe').waitFor();

    // Stripe reports what it needs now (account.updated): the console shows that, no payout before it is done.
    const acct = [...c.stripe.accounts.values()].find((a: any) => a.metadata.vitrine_seller_id === shop.museumId)!;
    const due = c.stripe.accountUpdated(String(acct['id']), {
      payouts_enabled: false,
      requirements: { currently_due: ['individual.verification.document', 'external_account', 'individual.dob.day', 'individual.dob.month', 'settings.unknown_field'], disabled_reason: 'requirements.past_due' },
    });
    expect(await c.stripe.deliverConnect(c.api.baseUrl, due)).toBe(200);
    await page.reload();
    // In words, the date of birth's parts as one item; a field the console does not know as Stripe names it.
    await page.getByTestId('payout-account-requirements').getByText('Stripe still needs: an identity document, a bank account for payouts, a date of birth, settings.unknown_field').waitFor();
    await page.getByTestId('payout-connect').waitFor();
    await screenshot('settlement-account-onboarding');
  });
});
