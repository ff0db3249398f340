import { createArtwork, createBrand, createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop } from '../support/checkout-fixtures';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A brand partner in the console: its own stock for its co-branded product, and the orders it ships. */
describe('console: a brand partner’s stock and orders to ship', () => {
  const c = useConsole({ stripe: true });
  let partner: { email: string; password: string };
  let productId = '';

  beforeAll(async () => {
    const p = c.api.db.prisma;
    await seedFx(p, '7.8000');
    const shop = await seedShop(p, { prices: [2_500], stock: 5 });
    const brand = await createBrand(p, { slug: 'maison-x', name: 'Maison X' });
    const work = (await createArtwork(p, shop.museumId, { accessionNumber: 'RF 1', titleEn: 'Water Lilies' })).id;
    partner = await createUser(p, 'BRAND_PARTNER', { brandId: brand.id });
    const manager = await createUser(p, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const [brandToken, managerToken] = [await c.api.login(partner.email), await c.api.login(manager.email)];
    const content = {
      title: { fr: 'Foulard Nymphéas', en: 'Water Lilies scarf', zhCN: '睡莲丝巾' },
      concept: { fr: 'Un carré de soie', en: 'A silk square', zhCN: '真丝方巾' },
      imageUrls: ['https://img.example.test/scarf-1.jpg'],
      artworkIds: [work],
      category: 'scarves',
      crossBorderCategory: 'APPAREL',
      targetRetailPrice: { amount: 8900, currency: 'EUR' },
      forecastUnits: 2000,
      territory: ['CN'],
      channels: ['VITRINE_MARKETPLACE'],
      termStart: plusDays(-30),
      termEnd: plusDays(365),
      sellOffDays: 90,
      royaltyRateBps: 1000,
      minimumGuarantee: { amount: 500_000, currency: 'EUR' },
      advance: { amount: 100_000, currency: 'EUR' },
      specification: { hsCode: '6214100000', weightGrams: 120, originCountry: 'IT' },
    };
    const created = await c.api.gql('mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', { i: { museumId: shop.museumId, content } }, brandToken);
    const id = created.data.createProposal.id as string;
    for (let stage = 0; stage < 3; stage++) {
      await c.api.gql('mutation($id: ID!) { submitProposal(id: $id) { __typename } }', { id }, brandToken);
      await c.api.gql('mutation($i: ReviewProposalInput!) { reviewProposal(input: $i) { __typename } }', { i: { id, decision: 'APPROVE' } }, managerToken);
    }
    productId = (await p.licensedProduct.findFirstOrThrow({ select: { productId: true } })).productId;
    const published = await c.api.gql('mutation($p: ID!) { publishLicensedProduct(productId: $p) { __typename } }', { p: productId }, managerToken);
    expect(published.data.publishLicensedProduct.__typename).toBe('LicensedProduct');
  });

  it('lets the brand open a location, count its co-branded variant, and find the order it must ship', async () => {
    const { page, screenshot } = await c.open();
    await signInFast(page, partner.email, partner.password);
    await page.getByRole('menuitem', { name: 'Our stock' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.locator('[name="code"]').fill('MX-MILANO');
    await page.locator('[name="name"]').fill('Maison X, Milano');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('brand-levels').waitFor();

    const variant = await c.api.db.prisma.productVariant.findFirstOrThrow({ where: { productId }, select: { id: true } });
    await page.getByTestId(`brand-count-${variant.id}`).click();
    await page.getByTestId('brand-on-hand-input').fill('4');
    await page.getByTestId('brand-on-hand-save').click();
    await page.getByTestId(`brand-level-${variant.id}`).getByTestId('brand-level-on-hand').getByText('4').waitFor();
    await screenshot('brand-stock-counted');
    const location = await c.api.db.prisma.stockLocation.findFirstOrThrow({ where: { code: 'MX-MILANO' }, select: { id: true, museumId: true, brandId: true } });
    expect(location.museumId).toBeNull();
    const level = await c.api.db.prisma.stockLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: variant.id, locationId: location.id } } });
    expect(level.onHand).toBe(4);

    // A shopper buys two: the brand's own order, reserved from its shelf.
    const line = await c.api.gql(ADD_LINE, { i: { variantId: variant.id, quantity: 2 } });
    const placed = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(line.data.addCartLine.cart.id, 'brand-console-1', { cartToken: line.data.addCartLine.cartToken }) });
    expect(placed.errors).toBeUndefined();
    const number = placed.data.placeOrder.orders[0].number as string;

    await page.getByRole('menuitem', { name: 'Orders to ship' }).click();
    await page.getByRole('cell', { name: number }).click();
    await page.getByTestId(`brand-order-lines-${number}`).getByText('110***********002X', { exact: false }).waitFor();
    await page.getByTestId(`brand-order-status-${number}`).getByText('Awaiting payment').waitFor();
    await screenshot('brand-orders');
  });

  it('lets the brand hand a cleared parcel to the carrier when the museum’s storefront waits for hand-overs', async () => {
    // The order of the test above, as the pipeline leaves it once customs released it (the
    // worker's part is proven in ship-order.e2e-spec.ts and orders.browser-spec.ts).
    const p = c.api.db.prisma;
    const order = await p.order.findFirstOrThrow({ where: { fulfilledByBrandId: { not: null } }, select: { id: true, number: true, museumId: true } });
    await p.storefront.update({ where: { museumId: order.museumId }, data: { autoBookCarrier: false } });
    await p.order.update({ where: { id: order.id }, data: { status: 'CLEARED' } });
    await p.shipment.create({ data: { orderId: order.id, museumId: order.museumId, carrierCode: '3120980105', logisticsNo: 'LXBRAND0001CN' } });

    const { page, screenshot } = await c.open();
    await signInFast(page, partner.email, partner.password);
    await page.getByRole('menuitem', { name: 'Orders to ship' }).click();
    await page.getByRole('cell', { name: order.number }).click();
    const shipment = page.getByTestId(`brand-order-shipment-${order.number}`);
    await shipment.getByText('waiting for you to hand the parcel to the carrier').waitFor();
    await shipment.getByText('LXBRAND0001CN').waitFor();
    await screenshot('brand-order-awaiting-handover');
    await shipment.getByTestId('order-ship').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hand to carrier' }).click();
    await page.getByText('Hand-over requested: the carrier is being booked.').waitFor();
    await shipment.getByText('waiting for you to hand the parcel to the carrier').waitFor({ state: 'detached' });
    expect(await p.outboxMessage.findMany({ where: { name: 'book-shipment' }, select: { jobId: true } })).toEqual([{ jobId: `book-shipment.${order.id}.h1` }]);
    const requested = await p.shipment.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(requested.handoverRequests).toBe(1);
    expect(requested.handoverRequestedBy).toBe((await p.user.findUniqueOrThrow({ where: { email: partner.email } })).id);
  });
});
