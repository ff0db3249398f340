import type { AddressInfo } from 'node:net';
import { allowHsCodes, createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { createApp } from '../../apps/api/src/app/create-app';
import { startApi, type ApiHarness } from '../support/api-harness';
import { ADD_LINE } from '../support/checkout-fixtures';

/** Anonymous shop-window answers are cached briefly; nothing else is. */
// Setup starts the API on a fresh database; a loaded machine needs more than Jest's 5 s.
jest.setTimeout(30_000);

describe('public response cache', () => {
  let api: ApiHarness;
  let museumId: string;
  const PRODUCT = 'query($id: ID!) { product(id: $id) { name priceFrom { amount } } }';
  const rename = (id: string, nameZh: string) => api.db.prisma.product.update({ where: { id }, data: { nameZh } });

  beforeAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '30';
    api = await startApi();
    museumId = (await createMuseum(api.db.prisma)).id;
    await setFxRate(api.db.prisma);
  });
  afterAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '0';
    await api.close();
  });

  it('serves an anonymous product query from the cache, with its age', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '原名' });
    const first = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRODUCT, variables: { id: p.id } }) });
    expect(first.headers.get('age')).toBeNull();
    await rename(p.id, '新名');
    const second = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRODUCT, variables: { id: p.id } }) });
    expect(second.headers.get('age')).not.toBeNull();
    expect(((await second.json()) as any).data.product.name).toBe('原名');
    // Other variables are another entry.
    expect((await api.gql(PRODUCT.replace('name', 'id name'), { id: p.id })).data.product.name).toBe('新名');
  });

  it('replays stored anonymous answers at the HTTP layer, never to a request with credentials', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '初' });
    const body = JSON.stringify({ query: PRODUCT, variables: { id: p.id } });
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post()).headers.get('x-cache')).toBeNull();
    await rename(p.id, '后');
    const hit = await post();
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('cache-control')).toBe('public, max-age=30');
    expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await hit.json()) as any).data.product.name).toBe('初');
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const signedIn = await post({ authorization: `Bearer ${shopper}` });
    expect(signedIn.headers.get('x-cache')).toBeNull();
    expect(((await signedIn.json()) as any).data.product.name).toBe('后');
    // Errors are never stored: a missing product stays a live NOT_FOUND.
    const missing = JSON.stringify({ query: PRODUCT, variables: { id: '00000000-0000-4000-8000-000000000000' } });
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: missing });
      expect(r.headers.get('x-cache')).toBeNull();
    }
  });

  it('never caches signed-in callers, mixed operations or errors', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '甲' });
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    expect((await api.gql(PRODUCT, { id: p.id }, shopper)).data.product.name).toBe('甲');
    await rename(p.id, '乙');
    expect((await api.gql(PRODUCT, { id: p.id }, shopper)).data.product.name).toBe('乙');

    const MIXED = 'query($id: ID!) { product(id: $id) { name } me { id } }';
    await api.gql(MIXED, { id: p.id });
    await rename(p.id, '丙');
    const mixed = await api.gql(MIXED, { id: p.id });
    expect(mixed.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const draft = await createProduct(api.db.prisma, museumId, { status: 'DRAFT' });
    expect((await api.gql(PRODUCT, { id: draft.id })).errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    await api.db.prisma.product.update({ where: { id: draft.id }, data: { status: 'PUBLISHED' } });
    expect((await api.gql(PRODUCT, { id: draft.id })).data.product).toBeTruthy();
  });
});

describe('public HTTP micro-cache at the front door', () => {
  let api: ApiHarness;
  let museumId: string;
  const PRODUCT = 'query($id: ID!) { product(id: $id) { name } }';

  beforeAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '30';
    api = await startApi();
    museumId = (await createMuseum(api.db.prisma)).id;
    await setFxRate(api.db.prisma);
  });
  afterAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '0';
    await api.close();
  });

  it('answers malformed JSON with the body parser’s 400, twice, and stores nothing', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ products' });
      expect(r.status).toBe(400);
      expect(r.headers.get('x-cache')).toBeNull();
    }
  });

  it('keys stored answers by origin, so each browser origin gets its own CORS headers', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '原' });
    const body = JSON.stringify({ query: PRODUCT, variables: { id: p.id } });
    const post = (origin: string) => fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body });
    const allowed = 'http://localhost:5173';
    expect((await post(allowed)).headers.get('access-control-allow-origin')).toBe(allowed);
    const replay = await post(allowed);
    expect(replay.headers.get('x-cache')).toBe('HIT');
    expect(replay.headers.get('access-control-allow-origin')).toBe(allowed);
    const foreign = await post('https://evil.example');
    expect(foreign.headers.get('x-cache')).toBeNull();
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('leaves large bodies to the normal parser', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '大' });
    const padding = ' '.repeat(70 * 1024);
    const body = JSON.stringify({ query: `${PRODUCT}${padding}`, variables: { id: p.id } });
    const r = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.status).toBe(200);
    expect(((await r.json()) as any).data.product.name).toBe('大');
  });
});

describe('shop-window caches cleared by back-office writes, in every API process', () => {
  let api: ApiHarness;
  let other: Awaited<ReturnType<typeof createApp>>;
  let otherUrl: string;
  let museumId: string;
  let managerToken: string;
  const PRODUCT = 'query($id: ID!) { product(id: $id) { name } }';
  const UPDATE = 'mutation($i: UpdateProductInput!) { updateProduct(input: $i) { id } }';

  beforeAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '30';
    process.env['QUEUE_PREFIX'] = `shop-window-${Date.now()}`;
    api = await startApi();
    // A second API process on the same database (same DATABASE_URL and Redis).
    other = await createApp();
    await other.listen(0, '127.0.0.1');
    otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as AddressInfo).port}`;
    museumId = (await createMuseum(api.db.prisma)).id;
    await setFxRate(api.db.prisma);
    await allowHsCodes(api.db.prisma, ['6214']);
    managerToken = await api.login((await createUser(api.db.prisma, 'MUSEUM_MANAGER', { museumIds: [museumId] })).email);
  });
  afterAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '0';
    delete process.env['QUEUE_PREFIX'];
    await other.close();
    await api.close();
  });

  const anonymous = (baseUrl: string, id: string) =>
    fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PRODUCT, variables: { id } }) });
  const nameOf = async (res: Response) => ((await res.json()) as { data: { product: { name: string } } }).data.product.name;

  it('answers a manager’s change at once here, and in the other process as soon as it hears', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '旧名' });
    for (const url of [api.baseUrl, otherUrl]) await anonymous(url, p.id);
    expect((await anonymous(api.baseUrl, p.id)).headers.get('x-cache')).toBe('HIT');
    expect((await anonymous(otherUrl, p.id)).headers.get('x-cache')).toBe('HIT');

    const r = await api.gql(UPDATE, { i: { id: p.id, name: { zhCN: '新名' } } }, managerToken);
    expect(r.errors).toBeUndefined();

    const here = await anonymous(api.baseUrl, p.id);
    expect(here.headers.get('x-cache')).toBeNull();
    expect(await nameOf(here)).toBe('新名');
    let there = '';
    for (let i = 0; i < 40 && there !== '新名'; i++) {
      there = await nameOf(await anonymous(otherUrl, p.id));
      if (there !== '新名') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(there).toBe('新名');
  });

  it('keeps serving the cache through shoppers’ own writes (carts do not change the shop window)', async () => {
    const p = await createProduct(api.db.prisma, museumId, { nameZh: '甲' });
    await anonymous(api.baseUrl, p.id);
    const shopper = await api.login((await createUser(api.db.prisma, 'SHOPPER')).email);
    const variantId = (await api.db.prisma.productVariant.findFirstOrThrow({ where: { productId: p.id } })).id;
    const add = await api.gql(ADD_LINE, { i: { variantId, quantity: 1 } }, shopper);
    expect(add.errors).toBeUndefined();
    expect((await anonymous(api.baseUrl, p.id)).headers.get('x-cache')).toBe('HIT');
  });
});
