import { createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';

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
