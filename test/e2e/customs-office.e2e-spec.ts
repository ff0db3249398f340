import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import type { SpawnedProcess } from '../support/spawn-api';
import { until } from '../support/worker-process';

/**
 * The customs office is one setting (CUSTOMS_OFFICE): with the worker set to HANGZHOU, every
 * message names Hangzhou in its reader's code. The declaration list (CEB621) carries district
 * and port 2900, WeChat Pay is asked to declare to HANGZHOU_ZS, Alipay (a card order) to the
 * GACC's unified platform (ZONGSHU), and a return of the WeChat order is declared (CEB625) to
 * 2900 too. Real worker, customs / payment-company / carrier loopbacks.
 */
describe('customs office: one setting for every customs message', () => {
  let h: PipelineHarness;
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let customs: CustomsLoopback;
  let shop: Shop;
  let worker: SpawnedProcess;

  beforeAll(async () => {
    h = await startPipeline('customs-office', { shop: { prices: [2_500], stock: 20 }, worker: { CUSTOMS_OFFICE: 'HANGZHOU', RETURNS_SWEEP_MS: '300' } });
    ({ api, stripe, customs, shop } = h);
    worker = h.worker!;
  }, 180_000);
  afterAll(() => h?.close());

  async function paidOrder(n: number, extra: Record<string, unknown>) {
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } }, shopper);
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `office-${n}-${h.prefix}`, { id: residentId(n), name: '吴磊', ...extra }) }, shopper);
    expect(placed.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
    return { shopper, order: placed.data.placeOrder.orders[0] as { id: string; number: string; lines: { id: string }[] } };
  }

  it('declares the list, both payment records and a return to the one office configured', async () => {
    const wx = await paidOrder(6401, { paymentMethod: 'WECHAT_PAY' });
    const card = await paidOrder(6402, {});
    await until('both orders delivered', async () => (await api.db.prisma.order.count({ where: { id: { in: [wx.order.id, card.order.id] }, status: 'DELIVERED' } })) === 2, 120_000, worker);

    for (const { order } of [wx, card]) {
      const list = await api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: order.id, document: 'INVENTORY' } });
      expect(list.xmlMasked).toContain('<ceb:customsCode>2900</ceb:customsCode>');
      expect(list.xmlMasked).toContain('<ceb:portCode>2900</ceb:portCode>');
    }
    expect(customs.paymentCompany.wechat.get(wx.order.number)!.params['customs']).toBe('HANGZHOU_ZS');
    expect(customs.paymentCompany.declarations.get(card.order.number)!.params['customs_place']).toBe('ZONGSHU');
    // Recorded with the request as it was sent.
    const wxPayment = await api.db.prisma.customsMessage.findFirstOrThrow({ where: { orderId: wx.order.id, document: 'PAYMENT' } });
    expect((await api.db.prisma.customsPaymentDeclaration.findUniqueOrThrow({ where: { messageId: wxPayment.id } })).customsPlace).toBe('HANGZHOU_ZS');

    // A return of the WeChat order: its declaration (CEB625) goes to the same district.
    const manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
    const asked: any = await api.gql(`mutation($i: RequestReturnInput!) { requestReturn(input: $i) { id } }`, { i: { orderId: wx.order.id, reason: 'DAMAGED', lines: [{ lineId: wx.order.lines[0]!.id, quantity: 1 }] } }, wx.shopper);
    expect(asked.errors).toBeUndefined();
    const returnId = asked.data.requestReturn.id as string;
    const decided: any = await api.gql(`mutation($id: ID!) { decideReturn(returnId: $id, accept: true, comment: "send it back") { id } }`, { id: returnId }, manager);
    expect(decided.errors).toBeUndefined();
    await until('customs accepts the return', async () => (await api.db.prisma.orderReturn.findUniqueOrThrow({ where: { id: returnId } })).customsStatus === 'ACCEPTED', 60_000, worker);
    expect(customs.returnsAccepted.get(returnId.replace(/-/g, '').toUpperCase())!.head['ceb:customsCode']).toBe('2900');
  }, 240_000);
});
