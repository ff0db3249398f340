import { createUser } from '@vitrine/shared/testing';
import { codeOf, type ApiHarness } from '../support/api-harness';
import { PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(120_000);

/**
 * The limits and the tax as the law has them, over HTTP: the per-order limit and the yearly
 * quota count the dutiable value (goods + freight + insurance), a single item above the
 * per-order limit is sold alone at the general-trade taxes within the buyer's quota, and
 * cosmetics pay consumption tax only when high-end by price per ml, g or piece.
 *
 * Prices are exact: EUR × 10 with no margin, and 24 CNY of freight on every seller order.
 */
const ENV = {
  FX_MARGIN_BPS: '0',
  CBEC_ANNUAL_LIMIT_MINOR: '1000000',
  SHIPPING_RATES_JSON: JSON.stringify({
    '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 2_400 }], perExtraKgMinor: 0 },
    '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 2_400 }], perExtraKgMinor: 0 },
  }),
};
const FREIGHT = 2_400;
const ANNUAL = 1_000_000;

const LINE_FIELDS = 'id quantity unitPrice goods freight dutiable taxRate tax taxRegime duty vat consumptionTax total';
const ADD = `mutation($i: CartLineInput!) { addCartLine(input: $i) { cart { id orderLimit annualLimit sellers { goods shipping tax total lines { ${LINE_FIELDS} } } } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id total taxTotal lines { ${LINE_FIELDS} } } }`;
const QUOTA = `query($i: AnnualQuotaInput!) { remainingAnnualQuota(input: $i) { remaining { amount } used { amount } counted } }`;
const MANAGED = `id variants { id sku priceMinor weightGrams hsCode originCountry netContent netContentUnit }`;
const MANAGED_PRODUCT = `query($id: ID!) { managedProduct(id: $id) { ${MANAGED} } }`;
const UPDATE = `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { ${MANAGED} } }`;
const NAME = '王芳';

describe('customs value, general-trade items and high-end cosmetics, end to end', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;
  let beauty: Shop;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    for (const k of Object.keys(ENV)) saved[k] = process.env[k];
    ({ api, stripe, close } = await startCheckoutApi(ENV));
    await seedFx(api.db.prisma, '10.0000');
    // 2,500 CNY; 2,488 CNY; a 5,624 CNY vase; a 10,000 CNY statue; 100 CNY
    shop = await seedShop(api.db.prisma, { prices: [25_000, 24_880, 56_240, 100_000, 1_000], stock: 100 });
    // 178 CNY and 750 CNY creams (net content set by the manager below)
    beauty = await seedShop(api.db.prisma, { prices: [1_780, 7_500], stock: 100, category: 'COSMETICS' });
  });
  afterAll(async () => {
    await close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const p = () => api.db.prisma;
  const written = async () => ({ checkouts: await p().checkout.count(), orders: await p().order.count(), reserved: (await p().stockLevel.aggregate({ _sum: { reserved: true } }))._sum.reserved });

  async function cart(lines: { variantId: string; quantity: number }[], token: string) {
    let view: any = null;
    for (const line of lines) {
      const r: any = await api.gql(ADD, { i: line }, token);
      expect(r.errors).toBeUndefined();
      view = r.data.addCartLine.cart;
    }
    return view;
  }
  const place = (cartId: string, key: string, token: string, id: string) => api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { id, name: NAME }) }, token);
  const shopper = async () => api.login((await createUser(p(), 'SHOPPER')).email);

  describe('the limits count the dutiable value: goods + freight + insurance', () => {
    it('5,000.00 CNY of goods + 24.00 CNY of freight is over the per-order limit, and nothing is written', async () => {
      const me = await shopper();
      const view = await cart([{ variantId: shop.variants[0]!.id, quantity: 2 }], me);
      expect(view.sellers[0]).toMatchObject({ goods: 500_000, shipping: FREIGHT });
      expect(view.sellers[0].lines[0]).toMatchObject({ goods: 500_000, freight: FREIGHT, dutiable: 502_400, taxRegime: 'CBEC_RETAIL', duty: 0 });
      // The cart tells the shop the limits placeOrder applies, as configured (CBEC_ANNUAL_LIMIT_MINOR is 10,000 CNY here).
      expect(view).toMatchObject({ orderLimit: 500_000, annualLimit: 1_000_000 });
      const before = await written();
      const r = await place(view.id, 'cv-limit-1', me, residentId(7001));
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ORDER_LIMIT_EXCEEDED', limit: 500_000, dutiableValue: 502_400, goodsValue: 500_000, freight: FREIGHT, lines: [view.sellers[0].lines[0].id] });
      expect(await written()).toEqual(before);
    });

    it('the yearly quota counts the same value, in checkout and in remainingAnnualQuota', async () => {
      const me = await shopper();
      const id = residentId(7002);
      // 2 × 2,488 CNY + 24 CNY = exactly 5,000 CNY of dutiable value: allowed, and that is what the quota counts
      const first = await place((await cart([{ variantId: shop.variants[1]!.id, quantity: 2 }], me)).id, 'cv-quota-1', me, id);
      expect(first.errors).toBeUndefined();
      expect(await stripe.deliver(api.baseUrl, stripe.succeed(first.data.placeOrder.payment.paymentIntentId))).toBe(200);
      const quota = await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, me);
      expect(quota.data.remainingAnnualQuota).toEqual({ remaining: { amount: ANNUAL - 500_000 }, used: { amount: 500_000 }, counted: true });
      // A second 5,000 CNY order fills the 10,000 CNY year exactly (unpaid: it holds its quota)
      const second = await place((await cart([{ variantId: shop.variants[1]!.id, quantity: 2 }], me)).id, 'cv-quota-2', me, id);
      expect(second.errors).toBeUndefined();
      // 100 CNY of goods asks for 124 CNY of quota: none is left
      const before = await written();
      const third = await place((await cart([{ variantId: shop.variants[4]!.id, quantity: 1 }], me)).id, 'cv-quota-3', me, id);
      expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED', remaining: 0, requested: 10_000 + FREIGHT, limit: ANNUAL });
      expect(await written()).toEqual(before);
    });
  });

  describe('a single indivisible item above 5,000 CNY', () => {
    it('is sold alone at the general-trade taxes, shown per line in the cart and on the order, and counts toward the yearly quota', async () => {
      const me = await shopper();
      const id = residentId(7003);
      const view = await cart([{ variantId: shop.variants[2]!.id, quantity: 1 }], me);
      // dutiable 5,624 + 24 = 5,648 CNY; duty 10 % (default rate) = 564.80; VAT 13 % of 6,212.80 = 807.664 → 807.66; no consumption tax
      const expected = { goods: 562_400, freight: FREIGHT, dutiable: 564_800, taxRegime: 'GENERAL_TRADE', duty: 56_480, vat: 80_766, consumptionTax: 0, tax: 137_246, total: 564_800 + 137_246, taxRate: '0.243000' };
      expect(view.sellers[0].lines[0]).toMatchObject(expected);
      const placed = await place(view.id, 'cv-single-1', me, id);
      expect(placed.errors).toBeUndefined();
      const order = (await api.gql(ORDER, { id: placed.data.placeOrder.orders[0].id }, me)).data.order;
      expect(order.lines).toEqual([expect.objectContaining(expected)]);
      expect(order).toMatchObject({ taxTotal: 137_246, total: 564_800 + 137_246 });
      expect(placed.data.placeOrder.payment.amount).toBe(564_800 + 137_246);
      const row = await p().orderLine.findFirstOrThrow({ where: { orderId: order.id } });
      expect(row).toMatchObject({ taxRegime: 'GENERAL_TRADE', dutyMinor: 56_480, vatMinor: 80_766, consumptionTaxMinor: 0, taxMinor: 137_246 });

      // The unpaid order holds 5,648 CNY of the 10,000 CNY year: a second vase does not fit what is left
      const quota = await api.gql(QUOTA, { i: { residentId: id, name: NAME } }, me);
      expect(quota.data.remainingAnnualQuota).toMatchObject({ used: { amount: 564_800 }, remaining: { amount: ANNUAL - 564_800 } });
      const before = await written();
      const again = await place((await cart([{ variantId: shop.variants[2]!.id, quantity: 1 }], me)).id, 'cv-single-2', me, id);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED', remaining: ANNUAL - 564_800, requested: 564_800 });
      expect(await written()).toEqual(before);
    });

    it('is refused with the per-order limit code when two of it, or another line, share its order', async () => {
      const me = await shopper();
      const two = await cart([{ variantId: shop.variants[2]!.id, quantity: 2 }], me);
      expect(two.sellers[0].lines[0].taxRegime).toBe('CBEC_RETAIL');
      expect(codeOf(await place(two.id, 'cv-single-3', me, residentId(7004)))).toBe('ORDER_LIMIT_EXCEEDED');
      const other = await shopper();
      const mixed = await cart([{ variantId: shop.variants[2]!.id, quantity: 1 }, { variantId: shop.variants[4]!.id, quantity: 1 }], other);
      const r = await place(mixed.id, 'cv-single-4', other, residentId(7005));
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ORDER_LIMIT_EXCEEDED', dutiableValue: 562_400 + 10_000 + FREIGHT });
    });

    it('one whose dutiable value is above the whole yearly limit fits nobody: SINGLE_ITEM_OVER_LIMIT', async () => {
      const me = await shopper();
      const view = await cart([{ variantId: shop.variants[3]!.id, quantity: 1 }], me);
      const r = await place(view.id, 'cv-single-5', me, residentId(7006));
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'SINGLE_ITEM_OVER_LIMIT', limit: ANNUAL, dutiableValue: 1_000_000 + FREIGHT, lines: [view.sellers[0].lines[0].id] });
    });
  });

  describe('cosmetics consumption tax only when high-end (10 CNY per ml or g, 15 CNY per piece)', () => {
    let manager: string;
    beforeAll(async () => {
      manager = await api.login((await createUser(p(), 'MUSEUM_MANAGER', { museumIds: [beauty.museumId] })).email);
    });

    async function setNetContent(productId: string, over: Record<string, unknown>) {
      const current = (await api.gql(MANAGED_PRODUCT, { id: productId }, manager)).data.managedProduct;
      const { id, sku, priceMinor, weightGrams, hsCode, originCountry } = current.variants[0];
      return api.gql(UPDATE, { i: { id: productId, variants: [{ id, sku, priceMinor, weightGrams, hsCode, originCountry, ...over }] } }, manager);
    }

    it('the manager gives a variant its net content; a half-given one is refused with its field, nothing written', async () => {
      const ok = await setNetContent(beauty.variants[0]!.productId, { netContent: 75, netContentUnit: 'ML' });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.updateProduct.variants[0]).toMatchObject({ netContent: 75, netContentUnit: 'ML' });
      expect((await setNetContent(beauty.variants[1]!.productId, { netContent: 75, netContentUnit: 'ML' })).errors).toBeUndefined();

      for (const [over, path] of [
        [{ netContent: 50 }, 'input.variants.0.netContentUnit'],
        [{ netContentUnit: 'G' }, 'input.variants.0.netContent'],
        [{ netContent: 0, netContentUnit: 'G' }, 'input.variants.0.netContent'],
      ] as const) {
        const r = await setNetContent(beauty.variants[0]!.productId, over);
        expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path })] });
      }
      const bad = await setNetContent(beauty.variants[0]!.productId, { netContent: 7.5, netContentUnit: 'ML' });
      expect(bad.errors).toBeDefined();
      expect(await p().productVariant.findUniqueOrThrow({ where: { id: beauty.variants[0]!.id } })).toMatchObject({ netContent: 75, netContentUnit: 'ML' });
    });

    it('a 178 CNY, 75 ml hand cream (2.37 CNY/ml) pays 9.1 %; a 750 CNY one (10 CNY/ml) 23.06 %, consumption tax shown and stored', async () => {
      const me = await shopper();
      const view = await cart([{ variantId: beauty.variants[0]!.id, quantity: 1 }, { variantId: beauty.variants[1]!.id, quantity: 1 }], me);
      const [cream, luxe] = view.sellers[0].lines;
      // freight 24 CNY split by goods value 17,800 : 75,000 → 460.34… / 1,939.65… → 460 / 1,940
      expect(cream).toMatchObject({ goods: 17_800, freight: 460, dutiable: 18_260, taxRate: '0.091000', consumptionTax: 0, tax: Math.round(18_260 * 0.091), taxRegime: 'CBEC_RETAIL' });
      expect(luxe).toMatchObject({ goods: 75_000, freight: 1_940, dutiable: 76_940, taxRate: '0.230588', tax: Math.round((76_940 * 196) / 850) });
      expect(luxe.consumptionTax).toBe(Math.round((76_940 * 105) / 850));
      expect(luxe.vat + luxe.consumptionTax).toBe(luxe.tax);
      const placed = await place(view.id, 'cv-cream-1', me, residentId(7007));
      expect(placed.errors).toBeUndefined();
      const rows = await p().orderLine.findMany({ where: { orderId: placed.data.placeOrder.orders[0].id }, orderBy: { position: 'asc' } });
      expect(rows.map((l) => [l.taxRate, l.taxMinor, l.consumptionTaxMinor, l.vatMinor])).toEqual([
        ['0.091000', cream.tax, 0, cream.tax],
        ['0.230588', luxe.tax, luxe.consumptionTax, luxe.vat],
      ]);
    });
  });
});
