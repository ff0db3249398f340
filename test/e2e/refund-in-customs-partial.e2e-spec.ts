import { Queue } from 'bullmq';
import { yuan } from '@vitrine/customs';
import { bullConnectionFromEnv } from '@vitrine/shared/jobs';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import type { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until, waitForOutput } from '../support/worker-process';

const FREE_SHIPPING = JSON.stringify({ '9610': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 }, '1210': { brackets: [{ maxGrams: 100_000, feeMinor: 0 }], perExtraKgMinor: 0 } });
const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!], $key: String) {
  refundOrder(id: $id, reason: $reason, lines: $lines, idempotencyKey: $key) { refundId refundStatus amount order { status } } }`;
// 25.00 EUR → 201 CNY, 40.00 EUR → 322 CNY (7.8 × 1.03, whole yuan up); no freight, so the dutiable value is the goods'.
const [A, B] = [20_100, 32_200];
const LIMIT = 300_000;

/**
 * Issue 24.1, the last gap: units refunded after the declaration went to customs and before
 * customs released the order. The real worker amends what customs holds (CEB311, CEB511 and
 * CEB621 again whole with appType 2, the payment company asked to declare the new amount,
 * the carrier's waybill described again), so the parcel customs releases, the carrier ships
 * and the yearly quota counts carry only what was paid. A retry after a lost answer resends
 * the same amendment; a job run again sends nothing; a refund Stripe then reports failed puts its
 * units back in the declaration. Every unit refunded: withdrawn only.
 */
describe('partial refund while the order is in customs', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let h: PipelineHarness;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  let manager: string;
  let prefix: string;

  beforeAll(async () => {
    h = await startPipeline('amend', {
      apiEnv: { CBEC_ANNUAL_LIMIT_MINOR: String(LIMIT), SHIPPING_RATES_JSON: FREE_SHIPPING },
      shop: { prices: [2_500, 4_000], stock: 100 },
      // Customs accepts the documents and takes its time to decide: the refunds land in between.
      customs: { defer: () => true },
    });
    ({ api, stripe, shop, customs, carrier, prefix } = h as Required<PipelineHarness>);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  });
  afterAll(() => h?.close());

  async function paid(lines: { variantId: string; quantity: number }[], key: string, id: string) {
    let token: string | null = null;
    let cartId = '';
    for (const line of lines) {
      const r: any = await api.gql(ADD_LINE, { i: { ...line, cartToken: token } });
      expect(r.errors).toBeUndefined();
      token = r.data.addCartLine.cartToken ?? token;
      cartId = r.data.addCartLine.cart.id;
    }
    const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(cartId, key, { cartToken: token, id }) });
    expect(placed.errors).toBeUndefined();
    const c = placed.data.placeOrder;
    expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
    return { order: c.orders[0], paymentIntentId: c.payment.paymentIntentId as string };
  }

  /** The yearly quota left for this identity, as checkout reports it refusing an order too big for it (nothing written). */
  async function remaining(id: string, key: string): Promise<number> {
    const added: any = await api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 20, cartToken: null } });
    const r: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, key, { cartToken: added.data.addCartLine.cartToken, id }) });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ANNUAL_LIMIT_EXCEEDED', requested: 20 * A });
    return r.errors[0].extensions.remaining as number;
  }

  const refund = async (orderId: string, lines: { lineId: string; quantity: number }[], key: string) => {
    const r: any = await api.gql(REFUND, { id: orderId, reason: 'units returned before release', lines, key }, manager);
    expect(r.errors).toBeUndefined();
    expect(r.data.refundOrder.refundStatus).toBe('succeeded');
    return r.data.refundOrder;
  };
  const statusOf = async (orderId: string) => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status;
  const amendmentsOf = (orderNo: string) => customs.amendments.filter((a) => a.orderNo === orderNo);

  it('amends the declaration to what is paid for: customs releases, the carrier ships and the quota counts only those units', async () => {
    const id = residentId(6401);
    const { order, paymentIntentId } = await paid([{ variantId: shop.variants[0]!.id, quantity: 3 }, { variantId: shop.variants[1]!.id, quantity: 1 }], `amend-${prefix}`, id);
    expect(order.goodsTotal).toBe(3 * A + B);
    const lineA = order.lines.find((l: any) => l.quantity === 3);
    const lineB = order.lines.find((l: any) => l.quantity === 1);

    const worker = startWorker(h.workerEnv({ CUSTOMS_TIMEOUT_MS: '2000' }));
    const queue = new Queue('order-pipeline', { connection: bullConnectionFromEnv(), prefix });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order submitted to customs', async () => (await statusOf(order.id)) === 'CUSTOMS_SUBMITTED', 60_000, worker);
      const waybill = carrier.waybills.get(order.number)!;
      const weightOf3A1B = carrier.parcels.get(waybill)!.parcel['weightGrams'] as number;
      expect(customs.accepted.get(order.number)!.inventory!.lines.map((l) => l['ceb:qty'])).toEqual(['3', '1']);
      expect(await remaining(id, `probe-0-${prefix}`)).toBe(LIMIT - 3 * A - B);

      // 1 of the 3 units of line A, over GraphQL; Stripe confirms it, the order stays with customs.
      const first = await refund(order.id, [{ lineId: lineA.id, quantity: 1 }], `amend-first-${prefix}`);
      expect(first.order.status).toBe('CUSTOMS_SUBMITTED');
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
      expect(await statusOf(order.id)).toBe('CUSTOMS_SUBMITTED');
      await until('the first amendment taken', async () => amendmentsOf(order.number).length === 4, 60_000, worker);
      const held = customs.accepted.get(order.number)!;
      expect(held.order!.head['ceb:appType']).toBe('2');
      expect(held.order!.lines.map((l) => [l['ceb:qty'], l['ceb:totalPrice']])).toEqual([
        ['2', yuan(2 * A)],
        ['1', yuan(B)],
      ]);
      expect(held.inventory!.lines.map((l) => l['ceb:qty'])).toEqual(['2', '1']);
      expect(held.order!.head['ceb:goodsValue']).toBe(yuan(2 * A + B));
      expect(held.payment!['ceb:amountPaid']).toBe(held.order!.head['ceb:acturalPaid']);
      expect(held.payment!['ceb:appType']).toBe('2');
      expect(cents(held.order!.head['ceb:acturalPaid'])).toBe(order.total - first.amount);

      // The second refund (line B whole) meets customs answering late once: the job fails, is retried and resends the same entry.
      customs.timeoutNext(1, true);
      const second = await refund(order.id, [{ lineId: lineB.id, quantity: 1 }], `amend-second-${prefix}`);
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
      await until('the second amendment taken', async () => amendmentsOf(order.number).length === 8, 90_000, worker);
      await until('its job done', async () => (await (await queue.getJob(`amend-customs.${order.id}.${second.refundId}`))?.isCompleted()) ?? false, 60_000, worker);
      expect(customs.stats.timeouts).toBe(1);
      expect(customs.stats.resends).toBeGreaterThanOrEqual(1);
      expect(customs.accepted.get(order.number)!.order!.lines.map((l) => l['ceb:qty'])).toEqual(['2']);

      // The job run again (a replayed delivery): nothing new is sent to customs or the payment company.
      const sent = customs.stats.messages;
      const asked = customs.paymentCompany.stats.requests;
      await queue.add('amend-customs', { orderId: order.id, refundId: second.refundId, refundedAt: new Date(0).toISOString() }, { jobId: `amend-customs.${order.id}.replay` });
      await until('the replayed job done', async () => (await (await queue.getJob(`amend-customs.${order.id}.replay`))?.isCompleted()) ?? false, 60_000, worker);
      expect([customs.stats.messages, customs.paymentCompany.stats.requests, amendmentsOf(order.number).length]).toEqual([sent, asked, 8]);

      // The carrier's waybill describes what is left: same number, the weight and value of 2 units of A.
      const parcel = carrier.parcels.get(waybill)!;
      expect(parcel.parcel['declaredValueMinor']).toBe(2 * A);
      expect(parcel.parcel['weightGrams']).toBeLessThan(weightOf3A1B);
      expect(parcel.changes).toBe(2);

      // Then Stripe reports the second refund failed: line B is paid for again, so it is declared again
      // (a content customs held before: a new amendment, not mistaken for the first).
      expect(await stripe.deliver(api.baseUrl, stripe.failRefund(second.refundId, 'failed'))).toBe(200);
      await until('the amendment back to line B', async () => amendmentsOf(order.number).length === 12, 60_000, worker);
      const back = customs.accepted.get(order.number)!;
      expect(back.order!.lines.map((l) => [l['ceb:qty'], l['ceb:totalPrice']])).toEqual([
        ['2', yuan(2 * A)],
        ['1', yuan(B)],
      ]);
      expect(cents(back.payment!['ceb:amountPaid'])).toBe(order.total - first.amount);
      expect(carrier.parcels.get(waybill)).toMatchObject({ changes: 3, parcel: expect.objectContaining({ declaredValueMinor: 2 * A + B }) });

      // Customs decides: released on the amended content, booked and delivered.
      customs.decide(order.number);
      await until('the order delivered', async () => (await statusOf(order.id)) === 'DELIVERED', 60_000, worker);
    } finally {
      await queue.close();
      await worker.stop('SIGTERM');
    }

    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' }, select: { toStatus: true } });
    expect(history.map((h) => h.toStatus)).toEqual(['PENDING_PAYMENT', 'PAID', 'CUSTOMS_SUBMITTED', 'CLEARED', 'SHIPPED', 'DELIVERED']);
    expect(customs.feed.filter((r) => r.orderNo === order.number).map((r) => r.returnStatus)).toEqual(['800']);
    expect(carrier.bookings.has(carrier.waybills.get(order.number)!)).toBe(true);
    // Customs counted the units paid for against the buyer's yearly limit, and so does checkout.
    expect((customs as unknown as { yearly: Map<string, number> }).yearly.get(`${id}:${new Date().getUTCFullYear()}`)).toBe(2 * A + B);
    expect(await remaining(id, `probe-1-${prefix}`)).toBe(LIMIT - 2 * A - B);
    // Each document's three amendments are on file, accepted, with their masked audit copies and receipts.
    const amendments = await api.db.prisma.customsAmendment.findMany({ where: { message: { orderId: order.id } }, include: { message: { select: { document: true, status: true } } } });
    expect(amendments).toHaveLength(12);
    expect(amendments.every((a) => a.status === 'ACCEPTED')).toBe(true);
    expect(amendments.some((a) => a.xmlMasked.includes(id))).toBe(false);
    expect(amendments.filter((a) => a.message.document === 'ORDER').every((a) => a.xmlMasked.includes('<ceb:appType>2</ceb:appType>'))).toBe(true);
    // The museum reads them on the order: each document's amendments, oldest first, the latest what customs released.
    const shown: any = await api.gql(`query($id: ID!) { orderFulfilment(orderId: $id) { customsMessages { document amendments { status xml } } } }`, { id: order.id }, manager);
    expect(shown.errors).toBeUndefined();
    const orderAmendments = shown.data.orderFulfilment.customsMessages.find((m: any) => m.document === 'ORDER').amendments;
    expect(orderAmendments.map((a: any) => a.status)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
    expect(orderAmendments.map((a: any) => [...a.xml.matchAll(/<ceb:qty>(\d+)<\/ceb:qty>/g)].map((m) => m[1]))).toEqual([['2', '1'], ['2'], ['2', '1']]);
    expect(JSON.stringify(shown.data)).not.toContain(id);
    const messages = await api.db.prisma.customsMessage.findMany({ where: { orderId: order.id }, orderBy: { document: 'asc' }, select: { document: true, status: true } });
    expect(messages.map((m) => `${m.document}:${m.status}`)).toEqual(['ORDER:ACCEPTED', 'PAYMENT:ACCEPTED', 'WAYBILL:ACCEPTED', 'INVENTORY:CLEARED']);
    expect(customs.stats.badSignatures).toBe(0);
    expect(customs.paymentCompany.stats.modifications).toBe(3);
  }, 240_000);

  it('every unit refunded in customs: the declaration is withdrawn, never amended to nothing', async () => {
    const id = residentId(6402);
    const { order, paymentIntentId } = await paid([{ variantId: shop.variants[0]!.id, quantity: 2 }], `whole-${prefix}`, id);
    const line = order.lines[0];
    const worker = startWorker(h.workerEnv());
    const queue = new Queue('order-pipeline', { connection: bullConnectionFromEnv(), prefix });
    try {
      await waitForOutput(worker, /worker ready/);
      await until('the order submitted to customs', async () => (await statusOf(order.id)) === 'CUSTOMS_SUBMITTED', 60_000, worker);
      await refund(order.id, [{ lineId: line.id, quantity: 1 }], `whole-first-${prefix}`);
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
      await until('the amendment to 1 unit taken', async () => amendmentsOf(order.number).length === 4, 60_000, worker);
      const last = await refund(order.id, [{ lineId: line.id, quantity: 1 }], `whole-last-${prefix}`);
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(paymentIntentId))).toBe(200);
      expect(await statusOf(order.id)).toBe('REFUNDED');
      await until('the amend job of the last unit done', async () => (await (await queue.getJob(`amend-customs.${order.id}.${last.refundId}`))?.isCompleted()) ?? false, 60_000, worker);
      await until('the declaration withdrawn', async () => customs.withdrawalOf(order.number) !== null, 60_000, worker);
      customs.decide(order.number);
    } finally {
      await queue.close();
      await worker.stop('SIGTERM');
    }
    expect(amendmentsOf(order.number)).toHaveLength(4);
    expect(customs.feed.filter((r) => r.orderNo === order.number)).toEqual([]);
    expect(await statusOf(order.id)).toBe('REFUNDED');
    expect(carrier.bookings.has(carrier.waybills.get(order.number)!)).toBe(false);
    expect(await remaining(id, `probe-whole-${prefix}`)).toBe(LIMIT);
  }, 180_000);
});

const cents = (s: string) => Math.round(Number(s) * 100);
