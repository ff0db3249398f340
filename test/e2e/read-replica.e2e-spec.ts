import { randomBytes } from 'node:crypto';
import { PrismaService } from '@vitrine/shared/data-access';
import { createUser, deleteKeysUnderPrefix } from '@vitrine/shared/testing';
import { ADD_LINE, PLACE_ORDER, placeOrderInput, seedFx, seedShop, type Shop } from '../support/checkout-fixtures';
import { PrivatePostgresPair } from '../support/private-postgres';
import { apiListening, metricsListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';
import { startStripeLoopback, type StripeLoopback } from '../support/stripe-loopback';

const PRODUCT = `query($id: ID!) { product(id: $id, locale: en) { name variants { price { amount } basePrice { amount } } } }`;
const LIST = `query($slug: String) { products(first: 10, filter: { storefrontSlug: $slug }, locale: en) { nodes { id name } } }`;
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
const UPDATE = 'mutation($i: UpdateProductInput!) { updateProduct(input: $i) { name { en } } }';
const MANAGED = 'query($id: ID!) { managedProduct(id: $id) { name { en } } }';
/** The replica answers within this bound in the first process (ms). */
const MAX_LAG_MS = 6_000;

interface Api {
  url: string;
  metricsUrl: string;
  proc: SpawnedProcess;
}

/**
 * The API with DATABASE_REPLICA_URL against a real streaming replica: a private primary and a
 * `pg_basebackup -R` copy of it, each its own cluster (test/support/private-postgres.ts). With
 * replay paused on the replica, a public shop-window read answers what the replica has (the
 * old value) while checkout, the cart and the manager read the primary (the new one); past the
 * lag bound, after a manager's own edit, and with the replica stopped, the shop window reads the
 * primary too; a "replica" URL that names a primary is refused.
 */
describe('read replica (DATABASE_REPLICA_URL)', () => {
  let pair: PrivatePostgresPair;
  let prisma: PrismaService;
  let stripe: StripeLoopback;
  let shop: Shop;
  let slug: string;
  let manager: { email: string; password: string };
  let api: Api;
  let refusing: Api;
  const prefix = `test-replica-${randomBytes(4).toString('hex')}`;
  const started: SpawnedProcess[] = [];

  /** An API process on ports the kernel picks (its own and its metrics'), read back by listening(). */
  function spawnApi(replicaUrl: string): SpawnedProcess {
    const proc = spawnApp('apps/api/src/main.ts', {
      PORT: '0',
      DATABASE_URL: pair.primaryUrl,
      DATABASE_POOL_SIZE: '4',
      DATABASE_REPLICA_URL: replicaUrl,
      DATABASE_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
      DATABASE_REPLICA_CHECK_MS: '100',
      // No micro-cache: every answer below is read from a database.
      PUBLIC_CACHE_SECONDS: '0',
      API_METRICS_PORT: '0',
      API_METRICS_HOST: '127.0.0.1',
      QUEUE_PREFIX: prefix,
      ...stripe.env,
    });
    started.push(proc);
    return proc;
  }

  async function listening(proc: SpawnedProcess): Promise<Api> {
    const [url, metricsPort] = await Promise.all([apiListening(proc, 90_000), metricsListening(proc, 90_000)]);
    return { url, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, proc };
  }

  async function gql(target: Api, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
    const res = await fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  }

  async function ready(target: Api): Promise<{ status: number; body: any }> {
    const res = await fetch(`${target.url}/health/ready`);
    return { status: res.status, body: await res.json() };
  }

  async function replicaState(target: Api, want: (replica: any) => boolean, what: string, timeoutMs = 20_000): Promise<any> {
    const end = Date.now() + timeoutMs;
    let last: any;
    while (Date.now() < end) {
      last = (await ready(target)).body.replica;
      if (last && want(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`replica never ${what}; last ${JSON.stringify(last)}\n${target.proc.output().slice(-3000)}`);
  }

  async function metric(target: Api, line: RegExp): Promise<number | null> {
    const text = await (await fetch(target.metricsUrl)).text();
    const match = line.exec(text);
    return match ? Number(match[1]) : null;
  }

  const anonymousName = async (target: Api = api) => (await gql(target, PRODUCT, { id: shop.variants[0]!.productId })).data.product;

  beforeAll(async () => {
    pair = await PrivatePostgresPair.primaryOnly();
    stripe = await startStripeLoopback();
    // Both API processes boot while the primary is migrated and copied (the replica is "down" to
    // them until it starts): one with the replica, one whose "replica" is the primary.
    const booting = [spawnApi(pair.replicaUrl), spawnApi(pair.primaryUrl)];
    await pair.replicate();
    prisma = new PrismaService({ url: pair.primaryUrl, poolSize: 4 });
    await seedFx(prisma, '7.8000');
    shop = await seedShop(prisma, { prices: [1_000], stock: 20 });
    slug = (await prisma.museum.findUniqueOrThrow({ where: { id: shop.museumId } })).slug;
    await prisma.product.update({ where: { id: shop.variants[0]!.productId }, data: { nameEn: 'Scarf as first written' } });
    manager = await createUser(prisma, 'MUSEUM_MANAGER', { museumIds: [shop.museumId] });
    [api, refusing] = await Promise.all(booting.map(listening));
    await Promise.all([waitForHttp(`${api.url}/health/live`, 90_000), waitForHttp(`${refusing.url}/health/live`, 90_000)]);
    // The replica has the seed: within the lag bound it may still be short of it, and an
    // anonymous read would not find the product (a loaded CI run saw it).
    await pair.caughtUp();
  }, 150_000);

  afterAll(async () => {
    for (const proc of started) await proc.stop();
    await stripe?.close();
    await prisma?.$disconnect();
    await pair?.stop();
    await deleteKeysUnderPrefix(prefix);
  });

  it('serves the shop window from the replica while the cart, checkout and the manager read the primary; past the lag bound it reads the primary', async () => {
    const up = await replicaState(api, (r) => r.state === 'up' && r.serving, 'up');
    expect(up).toMatchObject({ state: 'up', serving: true, maxLagMs: MAX_LAG_MS, fenced: false });
    const productId = shop.variants[0]!.productId;
    const before = await anonymousName();
    expect(before).toEqual({ name: 'Scarf as first written', variants: [{ price: { amount: expect.any(Number) }, basePrice: { amount: 1_000 } }] });

    // Replay stops on the replica; the primary changes (as the worker or another process would change it).
    await pair.pauseReplay();
    await pair.primarySql(`UPDATE products SET name_en = 'Scarf renamed on the primary', min_price_eur_cents = 2000 WHERE id = '${productId}'`);
    await pair.primarySql(`UPDATE product_variants SET price_minor = 2000 WHERE id = '${shop.variants[0]!.id}'`);
    const writtenAt = Date.now();

    // Anonymous shop-window reads: the replica's (old) answer, the product page and the list alike.
    expect(await anonymousName()).toEqual(before);
    const list = await gql(api, LIST, { slug });
    expect(list.data.products.nodes).toEqual([{ id: productId, name: 'Scarf as first written' }]);
    expect(Date.now() - writtenAt).toBeLessThan(MAX_LAG_MS);

    // The manager (console and the same public query signed in) reads the primary.
    const token = (await gql(api, LOGIN, { i: { email: manager.email, password: manager.password } })).data.login.accessToken as string;
    expect((await gql(api, MANAGED, { id: productId }, token)).data.managedProduct.name.en).toBe('Scarf renamed on the primary');
    expect((await gql(api, PRODUCT, { id: productId }, token)).data.product.name).toBe('Scarf renamed on the primary');
    // The cart and checkout price the line at the primary's 20.00 EUR.
    const added = await gql(api, ADD_LINE, { i: { variantId: shop.variants[0]!.id, quantity: 1, cartToken: null } });
    expect(added.errors).toBeUndefined();
    const cart = added.data.addCartLine;
    const placed = await gql(api, PLACE_ORDER, { i: placeOrderInput(cart.cart.id, `replica-${prefix}`, { cartToken: cart.cartToken }) });
    expect(placed.errors).toBeUndefined();
    expect(placed.data.placeOrder.orders[0].lines[0].unitPriceEur).toBe(2_000);
    expect(cart.cart.lines[0].unitPrice).toBe(placed.data.placeOrder.orders[0].lines[0].unitPrice);
    expect(cart.cart.lines[0].unitPrice).toBeGreaterThan(before.variants[0].price.amount);

    // Past the bound the replica is left alone: the same anonymous read answers the primary's value.
    const lagging = await replicaState(api, (r) => r.state === 'lagging', 'lagging', MAX_LAG_MS + 10_000);
    expect(lagging.serving).toBe(false);
    expect(lagging.lagMs).toBeGreaterThan(MAX_LAG_MS);
    expect(lagging.lagBytes).toBeGreaterThan(0);
    expect((await anonymousName()).name).toBe('Scarf renamed on the primary');
    const health = await ready(api);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ready', database: 'up', replica: { state: 'lagging' } });
    expect(await metric(api, /^vitrine_db_replica_state\{state="lagging"\} (\d+)$/m)).toBe(1);
    expect(await metric(api, /^vitrine_db_replica_serving (\d+)$/m)).toBe(0);
    expect(await metric(api, /^vitrine_db_replica_lag_seconds ([\d.]+)$/m)).toBeGreaterThan(MAX_LAG_MS / 1000);
    expect(await metric(api, /^vitrine_db_stale_tolerant_reads_total\{target="replica"\} (\d+)$/m)).toBeGreaterThan(0);
    expect(await metric(api, /^vitrine_db_stale_tolerant_reads_total\{target="primary"\} (\d+)$/m)).toBeGreaterThan(0);

    // Replay resumes: the replica catches up and serves again, now with the new value.
    await pair.resumeReplay();
    await replicaState(api, (r) => r.state === 'up' && r.serving && r.lagMs < MAX_LAG_MS, 'caught up');
    expect((await anonymousName()).name).toBe('Scarf renamed on the primary');
    // Nothing was ever written on the replica: it is a standby still, and refuses writes.
    await expect(pair.replicaSql(`UPDATE products SET name_en = 'x' WHERE id = '${productId}'`)).rejects.toThrow(/read-only transaction/);
  }, 90_000);

  it("reads a manager's own edit back from the primary until the replica has replayed it", async () => {
    const productId = shop.variants[0]!.productId;
    const token = (await gql(api, LOGIN, { i: { email: manager.email, password: manager.password } })).data.login.accessToken as string;
    await pair.pauseReplay();
    const edited = await gql(api, UPDATE, { i: { id: productId, name: { fr: 'Foulard', en: 'Scarf edited by the manager', zhCN: '丝巾' } } }, token);
    expect(edited.errors).toBeUndefined();
    // Well within the lag bound, the replica is fenced: the anonymous page shows the edit at once.
    const fenced = (await ready(api)).body.replica;
    expect(fenced).toMatchObject({ state: 'up', fenced: true, serving: false });
    expect((await anonymousName()).name).toBe('Scarf edited by the manager');
    expect((await gql(api, LIST, { slug })).data.products.nodes[0].name).toBe('Scarf edited by the manager');
    // The replica has not got it: it serves again only once it has replayed past the edit.
    expect(await pair.replicaSql(`SELECT name_en FROM products WHERE id = '${productId}'`)).toEqual([{ name_en: 'Scarf renamed on the primary' }]);
    await pair.resumeReplay();
    await replicaState(api, (r) => r.state === 'up' && r.serving && !r.fenced, 'unfenced');
    expect((await anonymousName()).name).toBe('Scarf edited by the manager');
  }, 60_000);

  it('falls back to the primary while the replica is stopped, and uses it again once it is back', async () => {
    await pair.stopReplica();
    const down = await replicaState(api, (r) => r.state === 'down', 'down');
    expect(down.serving).toBe(false);
    // Still ready (the primary answers) and still serving the shop window.
    const health = await ready(api);
    expect(health).toMatchObject({ status: 200, body: { status: 'ready', replica: { state: 'down' } } });
    expect((await anonymousName()).name).toBe('Scarf edited by the manager');
    expect((await gql(api, LIST, { slug })).data.products.nodes).toHaveLength(1);
    expect(await metric(api, /^vitrine_db_replica_state\{state="down"\} (\d+)$/m)).toBe(1);
    await pair.startReplica();
    await replicaState(api, (r) => r.state === 'up' && r.serving, 'up again', 30_000);
    expect((await anonymousName()).name).toBe('Scarf edited by the manager');
  }, 60_000);

  it('refuses a "replica" URL that names a primary: reported, and never read from', async () => {
    const refused = await replicaState(refusing, (r) => r.state === 'not-a-replica', 'refused');
    expect(refused).toMatchObject({ state: 'not-a-replica', serving: false, lagMs: null });
    expect(refused.error).toMatch(/not in recovery/);
    expect(refusing.proc.output()).toMatch(/read replica .*-> not-a-replica: .*not in recovery.*refused/i);
    expect((await ready(refusing)).status).toBe(200);
    expect((await anonymousName(refusing)).name).toBe('Scarf edited by the manager');
    expect(await metric(refusing, /^vitrine_db_replica_state\{state="not-a-replica"\} (\d+)$/m)).toBe(1);
    expect(await metric(refusing, /^vitrine_db_stale_tolerant_reads_total\{target="primary"\} (\d+)$/m)).toBeGreaterThan(0);
    expect(await metric(refusing, /^vitrine_db_stale_tolerant_reads_total\{target="replica"\} (\d+)$/m)).toBeNull();
  }, 60_000);
});
