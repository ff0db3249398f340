import { allowHsCodes, createMuseum, createProduct, createUser, setFxRate } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';
import { watchStatements } from '../support/sql-counter';

/**
 * List totals with the shop window's caches on, as deployed (issue 18, docs/adr/0016): a total is
 * counted once per filter and kept until a back-office write clears the shop window (at once, in
 * this process) or PUBLIC_CACHE_SECONDS passes (a change made outside the API, e.g. by the worker).
 */
describe('shop-window list totals: counted once per filter, cleared by back-office writes', () => {
  let api: ApiHarness;
  let managerToken: string;
  let sql: ReturnType<typeof watchStatements>;
  const ids: string[] = [];
  const LIST = 'query($first: Int) { products(first: $first, filter: { storefrontSlug: "totals" }) { totalCount nodes { id } } }';
  const UNPUBLISH = 'mutation($id: ID!) { unpublishProduct(id: $id) { id status } }';

  beforeAll(async () => {
    process.env['PUBLIC_CACHE_SECONDS'] = '30';
    process.env['QUEUE_PREFIX'] = `shop-window-totals-${Date.now()}`;
    api = await startApi();
    const p = api.db.prisma;
    await setFxRate(p);
    await allowHsCodes(p, ['6214']);
    const museumId = (await createMuseum(p, { slug: 'totals' })).id;
    for (let i = 0; i < 3; i++) ids.push((await createProduct(p, museumId)).id);
    managerToken = await api.login((await createUser(p, 'MUSEUM_MANAGER', { museumIds: [museumId] })).email);
    sql = watchStatements(api.db.name);
  });
  afterAll(async () => {
    sql.restore();
    process.env['PUBLIC_CACHE_SECONDS'] = '0';
    delete process.env['QUEUE_PREFIX'];
    await api.close();
  });

  const anonymous = async (first: number) => {
    const res = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST, variables: { first } }) });
    const body = (await res.json()) as { data: { products: { totalCount: number; nodes: unknown[] } } };
    return { cache: res.headers.get('x-cache'), total: body.data.products.totalCount, nodes: body.data.products.nodes.length };
  };
  const counts = () => sql.take().filter((s) => /count\(/i.test(s)).length;

  it('counts a filter once, reuses it for another page size, and counts again after a manager’s change', async () => {
    sql.take();
    expect(await anonymous(1)).toMatchObject({ total: 3, nodes: 1 });
    expect(counts()).toBe(1);
    // The same request is replayed by the front door; another page size reaches the resolver but not the count.
    expect((await anonymous(1)).cache).toBe('HIT');
    expect(await anonymous(2)).toMatchObject({ cache: null, total: 3, nodes: 2 });
    expect(counts()).toBe(0);

    const r = await api.gql(UNPUBLISH, { id: ids[0] }, managerToken);
    expect(r.errors).toBeUndefined();
    sql.take();
    // Both caches were cleared: the front door's answer and the kept total.
    expect(await anonymous(1)).toMatchObject({ cache: null, total: 2, nodes: 1 });
    expect(counts()).toBe(1);
  });

  it('keeps a total through a change made outside the API until the bound passes (PUBLIC_CACHE_SECONDS)', async () => {
    const museumId = (await api.db.prisma.product.findUniqueOrThrow({ where: { id: ids[1]! } })).museumId;
    await createProduct(api.db.prisma, museumId);
    sql.take();
    // A first page of 1 cannot be its own total: the kept count answers, stale by one product
    // (here through the front door's stored answer; a new page size reads the kept total).
    expect(await anonymous(1)).toMatchObject({ total: 2, nodes: 1 });
    expect(await anonymous(2)).toMatchObject({ cache: null, total: 2, nodes: 2 });
    expect(counts()).toBe(0);
    // A first page holding every match is its own total, whatever is kept.
    expect(await anonymous(10)).toMatchObject({ total: 3, nodes: 3 });
  });
});
