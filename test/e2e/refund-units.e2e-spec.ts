import { Queue } from 'bullmq';
import { yuan } from '@vitrine/customs';
import { createUser } from '@vitrine/shared/testing';
import type { ApiHarness } from '../support/api-harness';
import type { CarrierLoopback } from '../support/carrier-loopback';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, type Shop } from '../support/checkout-fixtures';
import type { CustomsLoopback } from '../support/customs-loopback';
import { startPipeline, type PipelineHarness } from '../support/pipeline-harness';
import type { StripeLoopback } from '../support/stripe-loopback';
import { startWorker, until, waitForOutput } from '../support/worker-process';

const REFUND = `mutation($id: ID!, $reason: String!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: $reason, lines: $lines) { refundId refundStatus amount order { status } } }`;

/**
 * Issue 24.1: an order refunded unit by unit. Each unit's refund is its cumulative share of
 * the line, so the last unit takes what is left: three one-unit refunds of a line of 3 give
 * back exactly what the line cost, the order turns REFUNDED on Stripe's charge.refunded and
 * the real worker never declares it (not even while the last charge.refunded is still on its
 * way). A partly refunded order is declared with what is left: the CEB311 the customs
 * loopback received carries 2 units and the matching goods, freight, tax and amount paid.
 */
describe('refunds unit by unit and the pipeline', () => {
  let api: ApiHarness;
  let stripe: StripeLoopback;
  let h: PipelineHarness;
  let customs: CustomsLoopback;
  let carrier: CarrierLoopback;
  let shop: Shop;
  let manager: string;
  let prefix: string;

  beforeAll(async () => {
    h = await startPipeline('units', { shop: { prices: [2_500, 2_600, 2_700, 2_800, 2_900, 3_000, 3_100, 3_200], stock: 50 } });
    ({ api, stripe, shop, customs, carrier, prefix } = h as Required<PipelineHarness>);
    manager = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] })).email);
  });
  afterAll(() => h?.close());

  /** A paid order of one line of 3 units whose total is one fen more than 3 × its rounded third (the 753.88 CNY case). */
  async function paidOrderOfThree(key: string, id: string) {
    for (const v of shop.variants) {
      const added: any = await api.gql(ADD_LINE, { i: { variantId: v.id, quantity: 3, cartToken: null } });
      expect(added.errors).toBeUndefined();
      const line = added.data.addCartLine.cart.lines[0];
      if (line.total % 3 !== 1) continue;
      const placed: any = await api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `${key}-${v.id}`, { cartToken: added.data.addCartLine.cartToken, id }) });
      expect(placed.errors).toBeUndefined();
      const c = placed.data.placeOrder;
      expect(await stripe.deliver(api.baseUrl, stripe.succeed(c.payment.paymentIntentId))).toBe(200);
      return { order: c.orders[0], line: c.orders[0].lines[0], paymentIntentId: c.payment.paymentIntentId as string };
    }
    throw new Error('no seeded price gives a line total of 3k + 1 fen');
  }

  const refundUnit = (orderId: string, lineId: string) => api.gql(REFUND, { id: orderId, reason: 'one unit returned', lines: [{ lineId, quantity: 1 }] }, manager);
  const statusOf = async (orderId: string) => (await api.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status;

  it('3 one-unit refunds give back the line exactly, the order turns REFUNDED and is never declared; 1 of 3 refunded is declared with 2 units', async () => {
    // Order A: three one-unit refunds; the last charge.refunded arrives only after the worker has looked at the order.
    const a = await paidOrderOfThree('units-a', residentId(8101));
    expect(a.order.total).toBe(a.line.total);
    const third = Math.round(a.line.total / 3);
    expect(3 * third).toBe(a.line.total - 1);
    const answers: any[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await refundUnit(a.order.id, a.line.id);
      expect(r.errors).toBeUndefined();
      answers.push(r.data.refundOrder);
      if (i < 2) {
        expect(await stripe.deliver(api.baseUrl, stripe.refunded(a.paymentIntentId))).toBe(200);
        expect(await statusOf(a.order.id)).toBe('PAID');
      }
    }
    expect(answers.map((r) => r.refundStatus)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    // Cumulative shares: round(T/3), round(2T/3) - round(T/3), and the rest of the line.
    expect(answers.map((r) => r.amount)).toEqual([third, Math.round((2 * a.line.total) / 3) - third, a.line.total - Math.round((2 * a.line.total) / 3)]);
    expect(answers.reduce((n, r) => n + r.amount, 0)).toBe(a.line.total);
    // Stripe refunded exactly what the line cost, in three refunds.
    const atStripe = [...stripe.refunds.values()].filter((r) => r['payment_intent'] === a.paymentIntentId);
    expect(atStripe.map((r) => r['amount'] as number).reduce((x, y) => x + y, 0)).toBe(a.order.total);
    // The line refunds add up to the line: units, landed price, goods and tax.
    const rows = await api.db.prisma.orderLineRefund.findMany({ where: { orderId: a.order.id, cancelledAt: null } });
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    expect([sum((r) => r.quantity), sum((r) => r.amountMinor), sum((r) => r.goodsMinor), sum((r) => r.taxMinor)]).toEqual([3, a.line.total, a.line.goods, a.line.tax]);

    // Order B: one unit of three refunded (confirmed by Stripe), the rest goes to customs.
    const b = await paidOrderOfThree('units-b', residentId(8102));
    const partial = await refundUnit(b.order.id, b.line.id);
    expect(partial.errors).toBeUndefined();
    expect(await stripe.deliver(api.baseUrl, stripe.refunded(b.paymentIntentId))).toBe(200);
    expect(await statusOf(b.order.id)).toBe('PAID');

    const worker = startWorker(h.workerEnv({ CARRIER_TIMEOUT_MS: '500' }));
    const queue = new Queue('order-pipeline', { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    const done = async (jobId: string) => (await (await queue.getJob(jobId))?.isCompleted()) ?? false;
    try {
      await waitForOutput(worker, /worker ready/);
      // A: the declaration step ran while the order was still PAID, every unit refunded: nothing declared.
      await until('order A’s declaration step done', () => done(`declare-customs.${a.order.id}`), 60_000, worker);
      expect(await statusOf(a.order.id)).toBe('PAID');
      expect(await api.db.prisma.customsMessage.count({ where: { orderId: a.order.id } })).toBe(0);
      // Stripe's confirmation of the last unit: REFUNDED, stock back, the withdrawal finds nothing to withdraw.
      expect(await stripe.deliver(api.baseUrl, stripe.refunded(a.paymentIntentId))).toBe(200);
      expect(await statusOf(a.order.id)).toBe('REFUNDED');
      await until('order A’s withdrawal done', () => done(`withdraw-customs.${a.order.id}`), 60_000, worker);

      // B: declared with the 2 units left.
      await until('order B declared', async () => customs.accepted.get(b.order.number)?.order !== undefined && customs.accepted.get(b.order.number)?.payment !== undefined, 60_000, worker);
      await until('order B past customs', async () => (await statusOf(b.order.id)) !== 'PAID', 60_000, worker);
    } finally {
      await queue.close();
      await worker.stop('SIGTERM');
    }

    // A: never declared, no waybill, stock released, status history without customs.
    expect(customs.accepted.has(a.order.number)).toBe(false);
    expect(carrier.waybills.has(a.order.number)).toBe(false);
    expect(await api.db.prisma.customsMessage.count({ where: { orderId: a.order.id } })).toBe(0);
    const history = await api.db.prisma.orderStatusChange.findMany({ where: { orderId: a.order.id }, orderBy: { id: 'asc' }, select: { toStatus: true } });
    expect(history.map((h) => h.toStatus)).toEqual(['PENDING_PAYMENT', 'PAID', 'REFUNDED']);
    expect(await api.db.prisma.stockReservation.findMany({ where: { ownerId: a.order.id }, select: { status: true } })).toEqual([{ status: 'RELEASED' }]);

    // B: what customs received is what is left: 2 units, their goods, freight share and tax.
    const units = Math.round(b.line.goods / 3);
    const goodsLeft = b.line.goods - units;
    const taxLeft = b.line.tax - Math.round(b.line.tax / 3);
    const totalLeft = b.line.total - Math.round(b.line.total / 3);
    expect(partial.data.refundOrder.amount).toBe(Math.round(b.line.total / 3));
    // A unit refunded outside a return is no longer returnable (after-sales' rule, as requestReturn applies it).
    const lines: any = await api.gql(`query($id: ID!) { order(id: $id) { lines { id returnableQuantity } } }`, { id: b.order.id }, manager);
    expect(lines.data.order.lines).toEqual([{ id: b.line.id, returnableQuantity: 2 }]);
    const declared = customs.accepted.get(b.order.number)!;
    expect(declared.order!.lines).toHaveLength(1);
    expect(declared.order!.lines[0]).toMatchObject({ 'ceb:qty': '2', 'ceb:price': yuan(b.line.unitPrice), 'ceb:totalPrice': yuan(goodsLeft) });
    expect(declared.order!.head).toMatchObject({
      'ceb:goodsValue': yuan(goodsLeft),
      'ceb:taxTotal': yuan(taxLeft),
      'ceb:freight': yuan(totalLeft - goodsLeft - taxLeft),
      'ceb:acturalPaid': yuan(totalLeft),
    });
    expect(declared.payment!['ceb:amountPaid']).toBe(yuan(totalLeft));
    expect(goodsLeft).toBe(2 * b.line.unitPrice);
    // The audit copy of the order message says the same.
    const message = await api.db.prisma.customsMessage.findUniqueOrThrow({ where: { orderId_document_subject: { orderId: b.order.id, document: 'ORDER', subject: '' } } });
    expect(message.xmlMasked).toContain(`<ceb:qty>2</ceb:qty>`);
    expect(customs.stats.badSignatures).toBe(0);
  }, 240_000);
});
