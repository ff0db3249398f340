import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { startDevGateways } from '../support/dev-gateways';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { dropQueues, startWorker, until, waitForOutput } from '../support/worker-process';

/**
 * The dev sandbox `npm start` runs when no customs or carrier endpoint is set
 * (scripts/dev-gateways.ts): the worker, pointed at it as start.mjs points it, takes paid
 * orders all the way to DELIVERED, with its signatures checked by the sandbox customs.
 */
describe('dev sandbox gateways', () => {
  let db: TestDatabase;
  const prefix = `test-sandbox-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropQueues(prefix);
    await db.drop();
  });

  it('takes paid orders to DELIVERED through the sandbox customs and carrier', async () => {
    const keys = signingKeys();
    const orders = await seedPaidOrders(db.prisma, 5);
    // Listening before the worker is told its ports (ports probed free, fresh ones if one was taken).
    const gateways = await startDevGateways(['customs', 'payments', 'carrier'], { ...process.env, ...keys.env, CARRIER_API_KEY: 'carrier-dev-key' });
    const { customs: customsPort, payments: paymentsPort, carrier: carrierPort } = gateways.ports;
    const worker = startWorker({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, CUSTOMS_GATEWAY_URL: `http://127.0.0.1:${customsPort}`, PAYMENT_DECLARATION_URL: `http://127.0.0.1:${paymentsPort}`, CARRIER_API_URL: `http://127.0.0.1:${carrierPort}`, ...keys.env });
    try {
      expect(gateways.output()).toContain(`customs sandbox (CEB messages and receipts) on http://127.0.0.1:${customsPort}`);
      expect(gateways.output()).toContain(`payment company sandbox (alipay.acquire.customs) on http://127.0.0.1:${paymentsPort}`);
      await waitForOutput(worker, /worker ready/);
      await until('every order delivered', async () => (await statusCounts(db.prisma, orders.orderIds))['DELIVERED'] === 5, 60_000, worker);
    } finally {
      await worker.stop('SIGTERM');
      await gateways.stop();
    }
    // Per order: the order, payment (from the payment company) and waybill accepted; the declaration list cleared.
    expect(await db.prisma.customsMessage.groupBy({ by: ['status'], where: { orderId: { in: orders.orderIds } }, _count: true })).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'CLEARED', _count: 5 }), expect.objectContaining({ status: 'ACCEPTED', _count: 15 })]),
    );
    expect(gateways.child.exitCode).toBe(0);
  }, 120_000);
});
