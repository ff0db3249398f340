import { createMuseum, createTestDatabase, createUser, type TestDatabase } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, residentId, seedFx, seedShop } from '../support/checkout-fixtures';
import { PRODUCTION_TEST_SECRETS, apiListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';
import { startStripeLoopback, type StripeLoopback } from '../support/stripe-loopback';

jest.setTimeout(120_000);

/**
 * Resident ID numbers are sensitive personal information: after a whole checkout run
 * (valid, invalid and mismatched IDs, payments, webhooks, back-office reads) against the
 * API running as its own process with every log level on, no table, no log line and no
 * request to Stripe holds a plain ID number.
 */
describe('no plain resident ID number in the database, the logs or Stripe', () => {
  let db: TestDatabase;
  let stripe: StripeLoopback;
  let proc: SpawnedProcess;
  let url: string;

  const VALID = residentId(77);
  const INVALID = VALID.slice(0, 17) + (VALID[17] === '1' ? '2' : '1');
  const OTHER = residentId(78);
  const secrets = [VALID, INVALID, OTHER];

  beforeAll(async () => {
    db = await createTestDatabase();
    stripe = await startStripeLoopback();
    proc = spawnApp('apps/api/src/main.ts', {
      ...PRODUCTION_TEST_SECRETS,
      ...stripe.env,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: db.url,
      LOG_LEVEL: 'trace',
    });
    url = await apiListening(proc, 30_000);
    await waitForHttp(`${url}/health`);
  });
  let stopped = false;
  afterAll(async () => {
    if (!stopped) await proc?.stop();
    await stripe.close();
    await db.drop();
  });

  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data: any; errors?: { extensions: { code: string } }[] };
  };

  it('runs a checkout with valid, invalid and mismatched IDs, then finds none of them stored, logged or sent', async () => {
    await seedFx(db.prisma);
    const shop = await seedShop(db.prisma, { prices: [2_000], stock: 10 });
    const manager = await createUser(db.prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    await createMuseum(db.prisma);

    const add = await gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
    const { cartToken, cart } = add.data.addCartLine;
    const invalid = await gql(PLACE_ORDER, { i: placeOrderInput(cart.id, 'pii-key-1', { cartToken, id: INVALID }) });
    expect(invalid.errors?.[0]?.extensions.code).toBe('INVALID_RESIDENT_ID');
    const mismatch = await gql(PLACE_ORDER, { i: { ...placeOrderInput(cart.id, 'pii-key-2', { cartToken, id: VALID }), payer: { name: '王芳', residentId: OTHER } } });
    expect(mismatch.errors?.[0]?.extensions.code).toBe('PAYER_MISMATCH');
    const placed = await gql(PLACE_ORDER, { i: placeOrderInput(cart.id, 'pii-key-3', { cartToken, id: VALID }) });
    expect(placed.errors).toBeUndefined();
    const masked = `${VALID.slice(0, 3)}***********${VALID.slice(14)}`;
    expect(placed.data.placeOrder.orders[0].orderer.residentIdMasked).toBe(masked);
    expect(await stripe.deliver(url, stripe.succeed(placed.data.placeOrder.payment.paymentIntentId))).toBe(200);

    // A second checkout of the same identity, whose payment fails.
    const add2 = await gql(ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1 } });
    const second = await gql(PLACE_ORDER, { i: placeOrderInput(add2.data.addCartLine.cart.id, 'pii-key-4', { cartToken: add2.data.addCartLine.cartToken, id: VALID }) });
    expect(await stripe.deliver(url, stripe.fail(second.data.placeOrder.payment.paymentIntentId))).toBe(200);

    const login = await gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: manager.email, password: manager.password } });
    const orders = await gql('query { museumOrders(first: 10) { nodes { orderer { residentIdMasked } } } }', {}, login.data.login.accessToken);
    expect(orders.data.museumOrders.nodes.map((n: any) => n.orderer.residentIdMasked)).toEqual([masked, masked]);

    // One identity row, encrypted, found by its keyed hash.
    const identities = await db.prisma.customsIdentity.findMany();
    expect(identities).toHaveLength(1);
    expect(identities[0]!.idCiphertext).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(identities[0]!.idHash).toMatch(/^[0-9a-f]{64}$/);

    await proc.stop();
    stopped = true;
    // Every line it printed, the last requests' included ('exit' may come before the pipe is read to the end).
    await proc.closed;
    const logs = proc.output();
    // The logs were on: they hold the requests of the run.
    expect(logs).toContain('/webhooks/stripe');
    expect(logs).toContain('/graphql');

    const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    let dump = '';
    for (const { table_name } of tables) {
      const rows = await db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${table_name}" t`);
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain(masked);
    const sentToStripe = JSON.stringify(stripe.requests);
    for (const id of secrets) {
      // The 17 digits before the check character are enough to identify a person.
      for (const needle of [id, id.toLowerCase(), id.slice(0, 17)]) {
        expect({ where: 'database', found: dump.includes(needle) }).toEqual({ where: 'database', found: false });
        expect({ where: 'logs', found: logs.includes(needle) }).toEqual({ where: 'logs', found: false });
        expect({ where: 'stripe', found: sentToStripe.includes(needle) }).toEqual({ where: 'stripe', found: false });
      }
    }
  });
});
