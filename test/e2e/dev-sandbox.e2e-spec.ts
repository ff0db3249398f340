import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { seedPaidOrders, signingKeys, statusCounts } from '../support/pipeline-fixtures';
import { freePort } from '../support/spawn-api';
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
    const [customsPort, carrierPort, paymentsPort] = [await freePort(), await freePort(), await freePort()];
    let out = '';
    const gateways = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/dev-gateways.ts', `--customs=${customsPort}`, `--payments=${paymentsPort}`, `--carrier=${carrierPort}`], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, ...keys.env, CARRIER_API_KEY: 'carrier-dev-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateways.stdout.on('data', (d) => (out += d));
    gateways.stderr.on('data', (d) => (out += d));
    const orders = await seedPaidOrders(db.prisma, 5);
    const worker = startWorker({ DATABASE_URL: db.url, QUEUE_PREFIX: prefix, CUSTOMS_GATEWAY_URL: `http://127.0.0.1:${customsPort}`, PAYMENT_DECLARATION_URL: `http://127.0.0.1:${paymentsPort}`, CARRIER_API_URL: `http://127.0.0.1:${carrierPort}`, ...keys.env });
    try {
      await until('the sandbox listening', async () => /gateways ready/.test(out), 30_000);
      expect(out).toContain(`customs sandbox (CEB messages and receipts) on http://127.0.0.1:${customsPort}`);
      expect(out).toContain(`payment company sandbox (alipay.acquire.customs) on http://127.0.0.1:${paymentsPort}`);
      await waitForOutput(worker, /worker ready/);
      await until('every order delivered', async () => (await statusCounts(db.prisma, orders.orderIds))['DELIVERED'] === 5, 60_000, worker);
    } finally {
      await worker.stop('SIGTERM');
      await new Promise((r) => {
        gateways.once('exit', r);
        gateways.kill('SIGTERM');
      });
    }
    // Per order: the order, payment (from the payment company) and waybill accepted; the declaration list cleared.
    expect(await db.prisma.customsMessage.groupBy({ by: ['status'], where: { orderId: { in: orders.orderIds } }, _count: true })).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'CLEARED', _count: 5 }), expect.objectContaining({ status: 'ACCEPTED', _count: 15 })]),
    );
    expect(gateways.exitCode).toBe(0);
  }, 120_000);
});
