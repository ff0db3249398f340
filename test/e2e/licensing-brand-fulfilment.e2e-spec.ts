import { randomBytes } from 'node:crypto';
import { createArtwork, createBrand, createMuseum, createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { CarrierLoopback } from '../support/carrier-loopback';
import {
  ADD_LINE,
  ORDER_FIELDS,
  PLACE_ORDER,
  placeOrderInput,
  residentId,
  seedFx,
  seedShop,
  setStock,
  startCheckoutApi,
  type Shop,
} from '../support/checkout-fixtures';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * The co-branded product after final approval, over HTTP: the brand fulfils it from its own
 * stock (its locations, its counts, its own order split off the checkout, which it sees and
 * follows while the museum stays the seller of record, and which the pipeline's carrier
 * booking ships from the brand's shelf), and an edit of the product's text or
 * images on the storefront goes back to the museum's inbox before it may be listed again.
 * Every step is also tried by the other tenants: another brand, another museum's manager.
 */

const PROPOSAL_RESULT = `__typename ... on Proposal { id status stage amendment currentVersion submittedVersion approvedVersion
  agreement { id products { productId status fulfilledByBrandId listingBlockers { code } } } }`;
const CREATE = 'mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }';
const SUBMIT = `mutation($id: ID!) { submitProposal(id: $id) { ${PROPOSAL_RESULT} } }`;
const REVIEW = `mutation($i: ReviewProposalInput!) { reviewProposal(input: $i) { ${PROPOSAL_RESULT} } }`;
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { id status amendment currentVersion submittedVersion approvedVersion
  content { concept { en zhCN } imageUrls } revisions { version note } history { event toStatus actorRole }
  agreement { products { productId status listingBlockers { code } } } } }`;
const INBOX = 'query($m: ID!) { proposalInbox(museumId: $m) { totalCount nodes { id amendment status } } }';
const PUBLISH_LICENSED = `mutation($p: ID!) { publishLicensedProduct(productId: $p) { __typename
  ... on LicensedProduct { productId status } ... on ListingNotAllowedError { errorCode reasons { code } } } }`;
const PUBLISH = 'mutation($id: ID!) { publishProduct(id: $id) { id status } }';
const UPDATE =
  'mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id status name { fr en zhCN } description { en zhCN } } }';

const LOCATION = 'id museumId brandId code kind customsMode priority';
const CREATE_LOCATION = `mutation($i: CreateBrandStockLocationInput!) { createBrandStockLocation(input: $i) { ${LOCATION} } }`;
const LOCATIONS = `query($b: ID) { brandStockLocations(brandId: $b) { ${LOCATION} } }`;
const VARIANTS = '{ brandFulfilledVariants { variantId productId museumId sku } }';
const SET_LEVEL =
  'mutation($i: SetStockLevelInput!) { setBrandStockLevel(input: $i) { variantId locationId onHand reserved available } }';
const LEVELS =
  'query($l: ID!) { brandStockLevels(locationId: $l, first: 10) { totalCount nodes { variantId onHand reserved available } } }';
const BRAND_ORDERS = `query($s: OrderStatus) { brandOrders(first: 10, status: $s) { totalCount nodes { ${ORDER_FIELDS} fulfilledByBrandId } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id museumId fulfilledByBrandId orderer { residentIdMasked } } }`;
const FULFILMENT =
  'query($id: ID!) { orderFulfilment(orderId: $id) { orderId orderNumber status shipment { status } } }';

const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function content(artworkIds: string[]) {
  return {
    title: { fr: 'Foulard Nymphéas', en: 'Water Lilies scarf', zhCN: '睡莲丝巾' },
    concept: { fr: 'Un carré de soie', en: 'A silk square', zhCN: '真丝方巾' },
    imageUrls: ['https://img.example/scarf-1.jpg'],
    artworkIds,
    category: 'scarves',
    crossBorderCategory: 'APPAREL',
    targetRetailPrice: { amount: 8900, currency: 'EUR' },
    forecastUnits: 2000,
    territory: ['CN', 'FR'],
    channels: ['VITRINE_MARKETPLACE'],
    termStart: plusDays(-30),
    termEnd: plusDays(365),
    sellOffDays: 90,
    royaltyRateBps: 1000,
    minimumGuarantee: { amount: 500_000, currency: 'EUR' },
    advance: { amount: 100_000, currency: 'EUR' },
    specification: { hsCode: '6214100000', weightGrams: 120, originCountry: 'IT' },
  };
}

jest.setTimeout(180_000);

describe('co-branded products fulfilled by the brand, and storefront edits sent back for approval', () => {
  let env: Awaited<ReturnType<typeof startCheckoutApi>>;
  let api: ApiHarness;
  let shop: Shop;
  let brandX: string;
  let brandY: string;
  let proposalId: string;
  let productId: string;
  let variantId: string;
  let locationX: string;
  let placedCheckout: { paymentIntentId: string; brandOrderId: string };
  const t: Record<string, string> = {};
  const prefix = `test-brand-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    env = await startCheckoutApi({ QUEUE_PREFIX: prefix });
    api = env.api;
    const p = api.db.prisma;
    await seedFx(p);
    shop = await seedShop(p, { prices: [2000], stock: 10 });
    const museumB = await createMuseum(p, { slug: 'museum-b' });
    brandX = (await createBrand(p, { slug: 'maison-x', name: 'Maison X' })).id;
    brandY = (await createBrand(p, { slug: 'brand-y', name: 'Brand Y' })).id;
    const work = (await createArtwork(p, shop.museumId, { accessionNumber: 'RF 1', titleEn: 'Water Lilies' }))
      .id;
    const accounts = {
      brandX: await createUser(p, 'BRAND_PARTNER', { brandId: brandX }),
      brandY: await createUser(p, 'BRAND_PARTNER', { brandId: brandY }),
      managerA: await createUser(p, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] }),
      managerB: await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museumB.id] }),
      admin: await createUser(p, 'PLATFORM_ADMIN'),
      shopper: await createUser(p, 'SHOPPER'),
    };
    for (const [k, u] of Object.entries(accounts)) t[k] = await api.login(u.email);

    // Final approval of a proposal: agreement + draft co-branded product, fulfilled by Maison X.
    const created = await api.gql(
      CREATE,
      { i: { museumId: shop.museumId, content: content([work]) } },
      t['brandX'],
    );
    expect(created.errors).toBeUndefined();
    proposalId = created.data.createProposal.id;
    let last: any;
    for (let stage = 0; stage < 3; stage++) {
      expect((await api.gql(SUBMIT, { id: proposalId }, t['brandX'])).data.submitProposal.__typename).toBe(
        'Proposal',
      );
      last = (await api.gql(REVIEW, { i: { id: proposalId, decision: 'APPROVE' } }, t['managerA'])).data
        .reviewProposal;
    }
    expect(last).toMatchObject({ status: 'APPROVED', amendment: false });
    productId = last.agreement.products[0].productId;
    expect(last.agreement.products[0].fulfilledByBrandId).toBe(brandX);
    expect(
      (await api.gql(PUBLISH_LICENSED, { p: productId }, t['managerA'])).data.publishLicensedProduct,
    ).toEqual({ __typename: 'LicensedProduct', productId, status: 'PUBLISHED' });
  });
  afterAll(async () => {
    await env.close();
    await dropQueues(prefix);
    delete process.env['QUEUE_PREFIX'];
  });

  describe('the brand’s own stock', () => {
    it('lets the brand open its own locations and see the variants it fulfils; nobody else', async () => {
      const created = await api.gql(
        CREATE_LOCATION,
        { i: { code: 'MX-MILANO', name: 'Maison X, Milano', kind: 'EU_WAREHOUSE', priority: 1 } },
        t['brandX'],
      );
      expect(created.errors).toBeUndefined();
      expect(created.data.createBrandStockLocation).toMatchObject({
        museumId: null,
        brandId: brandX,
        code: 'MX-MILANO',
        customsMode: '9610',
      });
      locationX = created.data.createBrandStockLocation.id;
      // Same code again: a conflict; bad input: nothing written.
      expect(
        codeOf(
          await api.gql(
            CREATE_LOCATION,
            { i: { code: 'MX-MILANO', name: 'again', kind: 'EU_WAREHOUSE' } },
            t['brandX'],
          ),
        ),
      ).toBe('CONFLICT');
      expect(
        codeOf(
          await api.gql(
            CREATE_LOCATION,
            { i: { code: 'bad code!', name: 'x', kind: 'EU_WAREHOUSE' } },
            t['brandX'],
          ),
        ),
      ).toBe('VALIDATION_FAILED');
      expect(
        (await api.gql(LOCATIONS, {}, t['brandX'])).data.brandStockLocations.map((l: { id: string }) => l.id),
      ).toEqual([locationX]);

      // Another brand and a museum manager: not theirs, not found.
      expect((await api.gql(LOCATIONS, {}, t['brandY'])).data.brandStockLocations).toEqual([]);
      expect(codeOf(await api.gql(LOCATIONS, { b: brandX }, t['brandY']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(LOCATIONS, {}, t['managerA']))).toBe('NOT_FOUND');
      expect(
        codeOf(
          await api.gql(
            CREATE_LOCATION,
            { i: { code: 'M-1', name: 'x', kind: 'EU_WAREHOUSE' } },
            t['managerA'],
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(LEVELS, { l: locationX }, t['brandY']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(LEVELS, { l: locationX }, t['managerA']))).toBe('NOT_FOUND');
      // The museum's own stock screens do not show or reach a brand's location.
      const museumLocations = await api.gql(
        'query($m: ID!) { stockLocations(museumId: $m) { id } }',
        { m: shop.museumId },
        t['managerA'],
      );
      expect(museumLocations.data.stockLocations.map((l: { id: string }) => l.id)).toEqual([shop.locationId]);
      expect(
        codeOf(
          await api.gql(
            'query($l: ID!) { stockLevels(locationId: $l) { totalCount } }',
            { l: locationX },
            t['managerA'],
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(LOCATIONS, {}, t['shopper']))).toBe('FORBIDDEN');
      // Operators name the brand.
      expect((await api.gql(LOCATIONS, { b: brandX }, t['admin'])).data.brandStockLocations).toHaveLength(1);

      const variants = await api.gql(VARIANTS, {}, t['brandX']);
      expect(variants.data.brandFulfilledVariants).toEqual([
        {
          variantId: expect.any(String),
          productId,
          museumId: shop.museumId,
          sku: expect.stringMatching(/^LIC-/),
        },
      ]);
      variantId = variants.data.brandFulfilledVariants[0].variantId;
      expect((await api.gql(VARIANTS, {}, t['brandY'])).data.brandFulfilledVariants).toEqual([]);
    });

    it('lets the brand count its shelf for its own variants only, with the ledger; others get NOT_FOUND', async () => {
      const set = await api.gql(
        SET_LEVEL,
        { i: { locationId: locationX, variantId, onHand: 3, note: 'first delivery' } },
        t['brandX'],
      );
      expect(set.errors).toBeUndefined();
      expect(set.data.setBrandStockLevel).toEqual({
        variantId,
        locationId: locationX,
        onHand: 3,
        reserved: 0,
        available: 3,
      });
      const ledger = await api.db.prisma.stockMovement.findMany({
        where: { locationId: locationX, variantId },
        select: { kind: true, onHandDelta: true },
      });
      expect(ledger).toEqual([{ kind: 'ADJUSTMENT', onHandDelta: 3 }]);

      // A museum product's variant at the brand's location: not the brand's to count.
      expect(
        codeOf(
          await api.gql(
            SET_LEVEL,
            { i: { locationId: locationX, variantId: shop.variants[0]!.id, onHand: 5 } },
            t['brandX'],
          ),
        ),
      ).toBe('NOT_FOUND');
      // Brand Y, at Brand X's location or its own; the museum's manager through either API.
      const yLocation = (
        await api.gql(
          CREATE_LOCATION,
          { i: { code: 'BY-1', name: 'Brand Y', kind: 'EU_WAREHOUSE' } },
          t['brandY'],
        )
      ).data.createBrandStockLocation.id;
      expect(
        codeOf(
          await api.gql(SET_LEVEL, { i: { locationId: locationX, variantId, onHand: 50 } }, t['brandY']),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await api.gql(SET_LEVEL, { i: { locationId: yLocation, variantId, onHand: 50 } }, t['brandY']),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await api.gql(SET_LEVEL, { i: { locationId: locationX, variantId, onHand: 50 } }, t['managerA']),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await api.gql(
            'mutation($i: SetStockLevelInput!) { setStockLevel(input: $i) { onHand } }',
            { i: { locationId: locationX, variantId, onHand: 50 } },
            t['managerA'],
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(
          await api.gql(SET_LEVEL, { i: { locationId: locationX, variantId, onHand: -1 } }, t['brandX']),
        ),
      ).toBe('VALIDATION_FAILED');
      expect((await api.gql(LEVELS, { l: locationX }, t['brandX'])).data.brandStockLevels.nodes).toEqual([
        { variantId, onHand: 3, reserved: 0, available: 3 },
      ]);
    });
  });

  describe('checkout', () => {
    let brandOrderId: string;
    let museumOrderId: string;

    it('splits the brand’s lines into their own order, reserved from the brand’s stock, the museum staying the seller', async () => {
      // Units of the co-branded variant on the museum's shelf must not serve it: the brand fulfils it.
      await setStock(api.db.prisma, shop.locationId, variantId, 100);
      const first = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
      const token = first.data.addCartLine.cartToken;
      const cart = (await api.gql(ADD_LINE, { i: { variantId, quantity: 2, cartToken: token } })).data
        .addCartLine.cart;
      const sellers = (
        await api.gql(
          'query($t: String) { cart(cartToken: $t) { sellers { museumId fulfilledByBrandId lines { variantId } } } }',
          { t: token },
        )
      ).data.cart.sellers;
      expect(sellers).toEqual([
        { museumId: shop.museumId, fulfilledByBrandId: null, lines: [{ variantId: shop.variants[0]!.id }] },
        { museumId: shop.museumId, fulfilledByBrandId: brandX, lines: [{ variantId }] },
      ]);

      const placed = await api.gql(PLACE_ORDER, {
        i: placeOrderInput(cart.id, 'brand-split-1', { cartToken: token }),
      });
      expect(placed.errors).toBeUndefined();
      const orders = placed.data.placeOrder.orders as {
        id: string;
        museumId: string;
        lines: { variantId: string; quantity: number }[];
      }[];
      expect(orders).toHaveLength(2);
      const rows = await api.db.prisma.order.findMany({
        where: { checkoutId: placed.data.placeOrder.id },
        select: { id: true, museumId: true, fulfilledByBrandId: true, stockLocationId: true },
      });
      const brandOrder = rows.find((o) => o.fulfilledByBrandId === brandX)!;
      const museumOrder = rows.find((o) => o.fulfilledByBrandId === null)!;
      expect(brandOrder).toMatchObject({ museumId: shop.museumId, stockLocationId: locationX });
      expect(museumOrder).toMatchObject({ museumId: shop.museumId, stockLocationId: shop.locationId });
      brandOrderId = brandOrder.id;
      museumOrderId = museumOrder.id;
      placedCheckout = { paymentIntentId: placed.data.placeOrder.payment.paymentIntentId, brandOrderId };
      expect(orders.find((o) => o.id === brandOrderId)!.lines).toEqual([
        expect.objectContaining({ variantId, quantity: 2 }),
      ]);

      const levels = await api.db.prisma.stockLevel.findMany({
        where: { variantId },
        select: { locationId: true, onHand: true, reserved: true },
      });
      expect(levels).toEqual(
        expect.arrayContaining([
          { locationId: locationX, onHand: 3, reserved: 2 },
          { locationId: shop.locationId, onHand: 100, reserved: 0 },
        ]),
      );
      const held = await api.db.prisma.stockReservation.findMany({
        where: { ownerId: brandOrderId },
        select: { locationId: true, variantId: true, quantity: true, status: true },
      });
      expect(held).toEqual([{ locationId: locationX, variantId, quantity: 2, status: 'HELD' }]);

      // The same key again answers the same checkout; nothing is reserved twice.
      const again = await api.gql(PLACE_ORDER, {
        i: placeOrderInput(cart.id, 'brand-split-1', { cartToken: token }),
      });
      expect(again.data.placeOrder).toMatchObject({ id: placed.data.placeOrder.id, replayed: true });
      expect(
        (
          await api.db.prisma.stockLevel.findUniqueOrThrow({
            where: { variantId_locationId: { variantId, locationId: locationX } },
          })
        ).reserved,
      ).toBe(2);
    });

    it('never oversells the brand’s stock, whatever the museum holds of the variant', async () => {
      const start = await api.gql(ADD_LINE, { i: { variantId, quantity: 2 } });
      const token = start.data.addCartLine.cartToken;
      const r = await api.gql(PLACE_ORDER, {
        i: placeOrderInput(start.data.addCartLine.cart.id, 'brand-oversell-1', { cartToken: token }),
      });
      expect(codeOf(r)).toBe('OUT_OF_STOCK');
      expect(await api.db.prisma.order.count({ where: { fulfilledByBrandId: brandX } })).toBe(1);
      expect(
        (
          await api.db.prisma.stockLevel.findUniqueOrThrow({
            where: { variantId_locationId: { variantId, locationId: locationX } },
          })
        ).reserved,
      ).toBe(2);
      // The brand cannot count below what orders hold.
      expect(
        codeOf(await api.gql(SET_LEVEL, { i: { locationId: locationX, variantId, onHand: 1 } }, t['brandX'])),
      ).toBe('STOCK_BELOW_RESERVED');
    });

    it('shows the brand the orders it fulfils (ID masked) and nothing else; the museum still sees them', async () => {
      const mine = await api.gql(BRAND_ORDERS, {}, t['brandX']);
      expect(mine.errors).toBeUndefined();
      expect(mine.data.brandOrders.totalCount).toBe(1);
      expect(mine.data.brandOrders.nodes[0]).toMatchObject({
        id: brandOrderId,
        museumId: shop.museumId,
        fulfilledByBrandId: brandX,
        orderer: { residentIdMasked: '110***********002X' },
      });
      expect(JSON.stringify(mine.data)).not.toContain('11010519491231002X');
      expect((await api.gql(ORDER, { id: brandOrderId }, t['brandX'])).data.order).toMatchObject({
        id: brandOrderId,
        fulfilledByBrandId: brandX,
      });
      expect(
        (await api.gql(FULFILMENT, { id: brandOrderId }, t['brandX'])).data.orderFulfilment,
      ).toMatchObject({ orderId: brandOrderId, status: 'PENDING_PAYMENT', shipment: null });

      // The museum's own order, another brand, another museum: NOT_FOUND.
      expect(codeOf(await api.gql(ORDER, { id: museumOrderId }, t['brandX']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(FULFILMENT, { id: museumOrderId }, t['brandX']))).toBe('NOT_FOUND');
      expect((await api.gql(BRAND_ORDERS, {}, t['brandY'])).data.brandOrders.totalCount).toBe(0);
      expect(codeOf(await api.gql(ORDER, { id: brandOrderId }, t['brandY']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(FULFILMENT, { id: brandOrderId }, t['brandY']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(ORDER, { id: brandOrderId }, t['managerB']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(FULFILMENT, { id: brandOrderId }, t['managerB']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(BRAND_ORDERS, {}, t['managerA']))).toBe('FORBIDDEN');

      // Handing a parcel to the carrier: the brand may for the order it fulfils (once customs
      // cleared it), nobody else may touch it, and the brand not the museum's own order.
      const SHIP = 'mutation($id: ID!) { shipOrder(orderId: $id) { orderId } }';
      const notReady = await api.gql(SHIP, { id: brandOrderId }, t['brandX']);
      expect(codeOf(notReady)).toBe('ORDER_NOT_READY_TO_SHIP');
      expect(notReady.errors![0].extensions!['status']).toBe('PENDING_PAYMENT');
      expect(codeOf(await api.gql(SHIP, { id: brandOrderId }, t['brandY']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(SHIP, { id: brandOrderId }, t['managerB']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(SHIP, { id: museumOrderId }, t['brandX']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(SHIP, { id: brandOrderId }, t['managerA']))).toBe('ORDER_NOT_READY_TO_SHIP');

      const museum = await api.gql(
        'query($m: ID) { museumOrders(museumId: $m, first: 10) { nodes { id fulfilledByBrandId } } }',
        { m: shop.museumId },
        t['managerA'],
      );
      expect(museum.data.museumOrders.nodes).toEqual(
        expect.arrayContaining([
          { id: brandOrderId, fulfilledByBrandId: brandX },
          { id: museumOrderId, fulfilledByBrandId: null },
        ]),
      );
      expect(
        (await api.gql(FULFILMENT, { id: brandOrderId }, t['managerA'])).data.orderFulfilment.orderId,
      ).toBe(brandOrderId);
    });

    it('ships the brand’s order through the pipeline’s carrier booking, from the brand’s shelf, and shows the brand its shipment', async () => {
      const keys = signingKeys();
      const customs = await CustomsLoopback.start({ publicKey: keys.publicKey });
      const carrier = await CarrierLoopback.start();
      try {
        expect(
          await env.stripe.deliver(api.baseUrl, env.stripe.succeed(placedCheckout.paymentIntentId)),
        ).toBe(200);
        const worker = startWorker({
          DATABASE_URL: api.db.url,
          QUEUE_PREFIX: prefix,
          ...customs.env,
          ...carrier.env,
          ...keys.env,
        });
        try {
          await waitForOutput(worker, /worker ready/);
          const status = async () =>
            (await api.db.prisma.order.findUniqueOrThrow({ where: { id: placedCheckout.brandOrderId } }))
              .status;
          await until(
            'the brand’s order shipped',
            async () => ['SHIPPED', 'DELIVERED'].includes(await status()),
            60_000,
            worker,
          );
        } finally {
          await worker.stop('SIGTERM');
        }
      } finally {
        await customs.close();
        await carrier.close();
      }
      // The units left the brand's shelf once; the museum's units of the variant were never touched.
      const moves = await api.db.prisma.stockMovement.findMany({
        where: { variantId, reference: placedCheckout.brandOrderId },
        orderBy: { id: 'asc' },
        select: { locationId: true, kind: true, onHandDelta: true, reservedDelta: true },
      });
      expect(moves).toEqual([
        { locationId: locationX, kind: 'RESERVE', onHandDelta: 0, reservedDelta: 2 },
        { locationId: locationX, kind: 'COMMIT', onHandDelta: 0, reservedDelta: 0 },
        { locationId: locationX, kind: 'SHIP', onHandDelta: -2, reservedDelta: -2 },
      ]);
      const level = await api.db.prisma.stockLevel.findUniqueOrThrow({
        where: { variantId_locationId: { variantId, locationId: locationX } },
      });
      expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 1, reserved: 0 });
      expect(
        (
          await api.db.prisma.stockLevel.findUniqueOrThrow({
            where: { variantId_locationId: { variantId, locationId: shop.locationId } },
          })
        ).onHand,
      ).toBe(100);

      const view = await api.gql(FULFILMENT, { id: placedCheckout.brandOrderId }, t['brandX']);
      expect(view.data.orderFulfilment).toMatchObject({
        orderId: placedCheckout.brandOrderId,
        shipment: { status: expect.stringMatching(/BOOKED|IN_TRANSIT|DELIVERED/) },
      });
      expect(['SHIPPED', 'DELIVERED']).toContain(view.data.orderFulfilment.status);
      expect(
        (await api.gql(BRAND_ORDERS, { s: view.data.orderFulfilment.status }, t['brandX'])).data.brandOrders
          .totalCount,
      ).toBe(1);
      expect(codeOf(await api.gql(FULFILMENT, { id: placedCheckout.brandOrderId }, t['brandY']))).toBe(
        'NOT_FOUND',
      );
    }, 120_000);

    it('holds under a rush: parallel checkouts never take more of the brand’s units than it has', async () => {
      const set = await api.gql(
        SET_LEVEL,
        { i: { locationId: locationX, variantId, onHand: 5 } },
        t['brandX'],
      );
      expect(set.errors).toBeUndefined();
      expect(set.data.setBrandStockLevel).toMatchObject({ onHand: 5, reserved: 0 });
      const carts: { id: string; token: string }[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await api.gql(ADD_LINE, { i: { variantId, quantity: 1 } });
        carts.push({ id: r.data.addCartLine.cart.id, token: r.data.addCartLine.cartToken });
      }
      const results = await Promise.all(
        carts.map((c, i) =>
          api.gql(PLACE_ORDER, {
            i: placeOrderInput(c.id, `brand-rush-${i}`, {
              cartToken: c.token,
              id: residentId(500 + i),
              name: '李雷',
            }),
          }),
        ),
      );
      const placed = results.filter((r) => !r.errors);
      expect(placed).toHaveLength(5);
      expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(7).fill('OUT_OF_STOCK'));
      for (const r of placed) expect(r.data.placeOrder.orders).toHaveLength(1);

      const level = await api.db.prisma.stockLevel.findUniqueOrThrow({
        where: { variantId_locationId: { variantId, locationId: locationX } },
      });
      expect({ onHand: level.onHand, reserved: level.reserved }).toEqual({ onHand: 5, reserved: 5 });
      const sums = await api.db.prisma.stockMovement.aggregate({
        where: { variantId, locationId: locationX },
        _sum: { onHandDelta: true, reservedDelta: true },
      });
      expect(sums._sum).toEqual({ onHandDelta: 5, reservedDelta: 5 });
      expect(
        await api.db.prisma.order.count({ where: { fulfilledByBrandId: brandX, status: 'PENDING_PAYMENT' } }),
      ).toBe(5);
      // The museum's shelf of the same variant was never touched.
      expect(
        (
          await api.db.prisma.stockLevel.findUniqueOrThrow({
            where: { variantId_locationId: { variantId, locationId: shop.locationId } },
          })
        ).reserved,
      ).toBe(0);
    });
  });

  describe('editing the approved product on the storefront', () => {
    const blockers = async () =>
      (
        await api.gql(PROPOSAL, { id: proposalId }, t['managerA'])
      ).data.proposal.agreement.products[0].listingBlockers.map((b: { code: string }) => b.code);

    it('takes it off sale and puts the change in the museum’s inbox; publishing is refused until approved', async () => {
      const before = (await api.gql(PROPOSAL, { id: proposalId }, t['brandX'])).data.proposal;
      // Another museum's manager, a brand: cannot edit it at all.
      expect(
        codeOf(await api.gql(UPDATE, { i: { id: productId, name: { zhCN: '别的' } } }, t['managerB'])),
      ).toBe('NOT_FOUND');
      expect(
        codeOf(await api.gql(UPDATE, { i: { id: productId, name: { zhCN: '别的' } } }, t['brandX'])),
      ).toBe('FORBIDDEN');

      const edited = await api.gql(
        UPDATE,
        { i: { id: productId, description: { zhCN: '真丝方巾，新版' } } },
        t['managerA'],
      );
      expect(edited.errors).toBeUndefined();
      expect(edited.data.updateProduct).toMatchObject({
        status: 'DRAFT',
        description: { zhCN: '真丝方巾，新版' },
      });

      const after = (await api.gql(PROPOSAL, { id: proposalId }, t['managerA'])).data.proposal;
      expect(after).toMatchObject({
        status: 'SUBMITTED',
        amendment: true,
        currentVersion: before.currentVersion + 1,
        submittedVersion: before.currentVersion + 1,
      });
      expect(after.content.concept.zhCN).toBe('真丝方巾，新版');
      expect(after.revisions.at(-1).note).toContain('description.zh');
      expect(after.history.at(-1)).toEqual({
        event: 'STOREFRONT_EDIT',
        toStatus: 'SUBMITTED',
        actorRole: 'MUSEUM_MANAGER',
      });
      const inbox = await api.gql(INBOX, { m: shop.museumId }, t['managerA']);
      expect(inbox.data.proposalInbox.nodes).toEqual([
        { id: proposalId, amendment: true, status: 'SUBMITTED' },
      ]);
      expect(codeOf(await api.gql(INBOX, { m: shop.museumId }, t['managerB']))).toBe('NOT_FOUND');
      expect(codeOf(await api.gql(PROPOSAL, { id: proposalId }, t['brandY']))).toBe('NOT_FOUND');

      // Publishing through either path: LISTING_NOT_ALLOWED, AWAITING_APPROVAL.
      const refused = await api.gql(PUBLISH, { id: productId }, t['managerA']);
      expect(codeOf(refused)).toBe('LISTING_NOT_ALLOWED');
      expect(refused.errors![0]!.extensions!['reasons'].map((r: { code: string }) => r.code)).toEqual([
        'AWAITING_APPROVAL',
      ]);
      expect(
        (await api.gql(PUBLISH_LICENSED, { p: productId }, t['managerA'])).data.publishLicensedProduct,
      ).toEqual({
        __typename: 'ListingNotAllowedError',
        errorCode: 'LISTING_NOT_ALLOWED',
        reasons: [{ code: 'AWAITING_APPROVAL' }],
      });
      expect(await blockers()).toEqual(['AWAITING_APPROVAL']);
    });

    it('keeps it blocked when the museum rejects the change, and lists it again once a new edit is approved', async () => {
      const rejected = await api.gql(
        REVIEW,
        { i: { id: proposalId, decision: 'REJECT', comment: 'Keep the approved wording' } },
        t['managerA'],
      );
      expect(rejected.data.reviewProposal).toMatchObject({ status: 'APPROVED', amendment: false });
      expect(await blockers()).toEqual(['CHANGE_REJECTED']);
      expect(codeOf(await api.gql(PUBLISH, { id: productId }, t['managerA']))).toBe('LISTING_NOT_ALLOWED');
      expect(
        (await api.gql(PUBLISH_LICENSED, { p: productId }, t['managerA'])).data.publishLicensedProduct
          .reasons,
      ).toEqual([{ code: 'CHANGE_REJECTED' }]);

      // A change of anything but text and images (the category) is not a new approval item.
      const versionBefore = (await api.gql(PROPOSAL, { id: proposalId }, t['managerA'])).data.proposal
        .currentVersion;
      expect(
        (await api.gql(UPDATE, { i: { id: productId, category: 'silk-scarves' } }, t['managerA'])).errors,
      ).toBeUndefined();
      expect((await api.gql(PROPOSAL, { id: proposalId }, t['managerA'])).data.proposal).toMatchObject({
        status: 'APPROVED',
        currentVersion: versionBefore,
      });

      // New images and English text: back in the inbox; two edits while waiting are one item.
      await api.gql(UPDATE, { i: { id: productId, description: { zhCN: '真丝方巾' } } }, t['managerA']);
      const media = [{ url: 'https://img.example/scarf-2.jpg', alt: 'scarf' }];
      expect(
        (
          await api.gql(
            UPDATE,
            { i: { id: productId, media, name: { en: 'Orsay × Maison X — Water Lilies silk scarf' } } },
            t['managerA'],
          )
        ).errors,
      ).toBeUndefined();
      const pending = (await api.gql(PROPOSAL, { id: proposalId }, t['managerA'])).data.proposal;
      expect(pending).toMatchObject({ status: 'SUBMITTED', amendment: true });
      expect(pending.content.imageUrls).toEqual(['https://img.example/scarf-2.jpg']);
      expect(pending.revisions.at(-1).note).toEqual(expect.stringContaining('media'));
      expect((await api.gql(INBOX, { m: shop.museumId }, t['managerA'])).data.proposalInbox.totalCount).toBe(
        1,
      );
      // The brand sees the change too but cannot decide on it.
      expect(codeOf(await api.gql(REVIEW, { i: { id: proposalId, decision: 'APPROVE' } }, t['brandX']))).toBe(
        'FORBIDDEN',
      );
      expect(
        codeOf(await api.gql(REVIEW, { i: { id: proposalId, decision: 'APPROVE' } }, t['managerB'])),
      ).toBe('NOT_FOUND');

      const approved = await api.gql(REVIEW, { i: { id: proposalId, decision: 'APPROVE' } }, t['managerA']);
      expect(approved.data.reviewProposal).toMatchObject({
        status: 'APPROVED',
        amendment: false,
        approvedVersion: pending.currentVersion,
      });
      expect(await blockers()).toEqual([]);
      // The approved product keeps what the museum approved: the edited text and images.
      const product = await api.db.prisma.product.findUniqueOrThrow({
        where: { id: productId },
        select: { nameEn: true, media: { select: { url: true } } },
      });
      expect(product).toEqual({
        nameEn: 'Orsay × Maison X — Water Lilies silk scarf',
        media: [{ url: 'https://img.example/scarf-2.jpg' }],
      });
      expect((await api.gql(PUBLISH, { id: productId }, t['managerA'])).data.publishProduct.status).toBe(
        'PUBLISHED',
      );
    });
  });
});
