import { RoyaltyAccrualService } from '@vitrine/licensing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, licenseAfterSale, placeOrderInput, seedFx, seedShop, startCheckoutApi, type Shop } from '../support/checkout-fixtures';
import type { StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(90_000);

/**
 * Issue 20, rule 5: the base royalties accrue on (libs/licensing/README.md "Royalties", ADR 0007).
 * Net sales are the CNY the shopper paid for the goods (FX margin and whole-yuan rounding
 * included; tax, freight and insurance excluded), converted into the contract currency at the
 * order's snapshotted mid rate — not the EUR base price.
 *
 * Figures: EUR base 120.00, rate 7.8123, margin 300 bps → 120 × 7.8123 × 1.03 = 965.60 CNY,
 * up to the whole yuan: 966.00 CNY (96,600 fen) a unit.
 * - EUR contract at 10 %, 1 unit: 96,600 / 7.8123 = 12,365.12 → €123.65, royalty €12.37
 *   (the EUR base would give €120.00 and €12.00).
 * - CNY contract at 10 %, 2 units: 193,200 fen, royalty 19,320 fen
 *   (the EUR base at the mid rate would give 187,495 fen and 18,750 fen).
 */
describe('royalty base: the CNY paid for the goods, at the order’s FX snapshot', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let close: () => Promise<void>;
  let shop: Shop;

  beforeAll(async () => {
    ({ api, stripe, close } = await startCheckoutApi({ FX_MARGIN_BPS: '300' }));
    await seedFx(api.db.prisma, '7.8123');
    shop = await seedShop(api.db.prisma, { prices: [12_000, 12_000], stock: 10 });
  });
  afterAll(async () => {
    await close();
    delete process.env['FX_MARGIN_BPS'];
  });

  it('accrues on the paid goods value including the FX margin, net of tax, in EUR and CNY contracts', async () => {
    let token: string | null = null;
    let cartId = '';
    for (const line of [
      { variantId: shop.variants[0]!.id, quantity: 1 },
      { variantId: shop.variants[1]!.id, quantity: 2 },
    ]) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, 'royalty-base', { cartToken: token }) });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder.orders[0];
    expect(order.fx).toMatchObject({ rate: '7.8123', marginBps: 300 });
    const lineOf = (variant: number) => order.lines.find((l: any) => l.variantId === shop.variants[variant]!.id);
    const [eurLine, cnyLine] = [lineOf(0), lineOf(1)];
    expect([eurLine.unitPriceEur, eurLine.unitPrice, eurLine.goods]).toEqual([12_000, 96_600, 96_600]);
    expect([cnyLine.quantity, cnyLine.goods]).toEqual([2, 193_200]);
    expect(eurLine.tax).toBeGreaterThan(0);
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    // Product 0 under an agreement in EUR, product 1 under one in CNY, both at 10 %.
    await licenseAfterSale(api.db.prisma, shop.museumId, shop.variants[0]!.productId);
    await licenseAfterSale(api.db.prisma, shop.museumId, shop.variants[1]!.productId);
    const eurAgreement = await api.db.prisma.licensedProduct.findUniqueOrThrow({ where: { productId: shop.variants[0]!.productId }, select: { agreementId: true } });
    await api.db.prisma.licenceAgreement.update({ where: { id: eurAgreement.agreementId }, data: { currency: 'EUR' } });

    const accrual = api.app.get(RoyaltyAccrualService, { strict: false });
    expect(await accrual.accrueOrder(order.id)).toMatchObject({ accrued: 2, skipped: 0 });
    const entry = (orderLineId: string) =>
      api.db.prisma.royaltyLedgerEntry.findMany({
        where: { orderLineId },
        select: { kind: true, units: true, saleMinor: true, saleCurrency: true, fxRate: true, netSalesMinor: true, royaltyMinor: true, currency: true },
      });
    expect(await entry(eurLine.id)).toEqual([
      { kind: 'ACCRUAL', units: 1, saleMinor: 96_600, saleCurrency: 'CNY', fxRate: '7.81230000', netSalesMinor: 12_365, royaltyMinor: 1_237, currency: 'EUR' },
    ]);
    expect(await entry(cnyLine.id)).toEqual([
      { kind: 'ACCRUAL', units: 2, saleMinor: 193_200, saleCurrency: 'CNY', fxRate: null, netSalesMinor: 193_200, royaltyMinor: 19_320, currency: 'CNY' },
    ]);
  });
});
