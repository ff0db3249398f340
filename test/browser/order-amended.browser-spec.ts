import { randomBytes } from 'node:crypto';
import { createUser } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop } from '../support/checkout-fixtures';
import { CarrierLoopback } from '../support/carrier-loopback';
import { CustomsLoopback } from '../support/customs-loopback';
import { signingKeys } from '../support/pipeline-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';
import { signInFast } from './support/browser';
import { useConsole } from './support/console-fixture';

const REFUND = `mutation($id: ID!, $lines: [RefundLineInput!]) { refundOrder(id: $id, reason: "one unit returned before release", lines: $lines) { refundId refundStatus } }`;

/**
 * Issue 24.1 as the museum sees it: a unit refunded while customs has the order; the real
 * worker amends the declaration, and the order page shows each document amended after the
 * refund (accepted by customs, or by the payment company for the payment record).
 */
describe('console: a declaration amended after a partial refund', () => {
  const c = useConsole({ stripe: true });

  it('shows the amendments on the order page', async () => {
    await seedFx(c.api.db.prisma, '7.8000');
    const shop = await seedShop(c.api.db.prisma, { prices: [2_500], stock: 20 });
    const manager = await createUser(c.api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    const token = await c.api.login(manager.email);
    const keys = signingKeys();
    // Customs accepts the documents and takes its time: the refund lands before its decision.
    const customs = await CustomsLoopback.start({ publicKey: keys.publicKey, defer: () => true });
    const carrier = await CarrierLoopback.start();
    const prefix = `test-browser-amend-${randomBytes(4).toString('hex')}`;
    const worker = startWorker({ DATABASE_URL: c.api.db.url, QUEUE_PREFIX: prefix, ...customs.env, ...carrier.env, ...keys.env });
    try {
      const added: any = await c.api.gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 3, cartToken: null } });
      const placed: any = await c.api.gql(PLACE_ORDER, { i: placeOrderInput(added.data.addCartLine.cart.id, `amend-${prefix}`, { cartToken: added.data.addCartLine.cartToken, id: residentId(6601) }) });
      expect(placed.errors).toBeUndefined();
      const order = placed.data.placeOrder.orders[0];
      expect(await c.stripe.deliver(c.api.baseUrl, c.stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);
      await waitForOutput(worker, /worker ready/);
      const status = async () => (await c.api.db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;
      await until('the order submitted to customs', async () => (await status()) === 'CUSTOMS_SUBMITTED', 60_000, worker);
      const refund: any = await c.api.gql(REFUND, { id: order.id, lines: [{ lineId: order.lines[0].id, quantity: 1 }] }, token);
      expect(refund.errors).toBeUndefined();
      await until('the declaration amended', async () => customs.amendments.filter((a) => a.orderNo === order.number).length === 4, 60_000, worker);
      await until('the amendments answered', async () => (await c.api.db.prisma.customsAmendment.count({ where: { message: { orderId: order.id }, status: 'ACCEPTED' } })) === 4, 30_000, worker);

      const { page, screenshot } = await c.open();
      await signInFast(page, manager.email, manager.password);
      await page.goto(`/#/orders/${order.id}/show`);
      const panel = page.getByTestId('order-customs');
      for (const document of ['ORDER', 'PAYMENT', 'WAYBILL', 'INVENTORY']) {
        await panel.getByTestId(`customs-${document}`).getByTestId('customs-amendment').getByText('Amended after a refund: accepted').waitFor();
      }
      await screenshot('order-amended-after-refund');
      expect(customs.accepted.get(order.number)!.order!.lines.map((l) => l['ceb:qty'])).toEqual(['2']);
    } finally {
      await worker.stop('SIGTERM');
      await customs.close();
      await carrier.close();
      await dropQueues(prefix);
    }
  });
});
