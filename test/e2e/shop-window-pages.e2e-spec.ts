import { createMuseum, createProduct, setFxRate } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';
import { watchStatements } from '../support/sql-counter';

/**
 * Shop-window list pages under change (issue 18): keyset pages neither skip nor repeat a
 * product while products are added, repriced, unpublished and re-sorted between two pages;
 * one SQL statement per page (its cards' variants and media included), and the total
 * counted only when the query asks for it.
 */
const PAGE = `query($after: String, $sort: ProductSort, $filter: ProductFilter) {
  products(first: 5, after: $after, sort: $sort, filter: $filter) {
    pageInfo { endCursor hasNextPage }
    nodes { id priceFrom { amount } variants { id sku price { amount currency } } media { url } }
  }
}`;
const WITH_TOTAL = `query($filter: ProductFilter) { products(first: 5, filter: $filter) { totalCount nodes { id } } }`;

describe('shop window pages while the catalogue changes', () => {
  let api: ApiHarness;
  let museumId: string;
  const stable: { id: string; price: number; popularity: number; createdAt: Date }[] = [];

  beforeAll(async () => {
    process.env['FX_RATE_CACHE_MS'] = '0';
    api = await startApi();
    const p = api.db.prisma;
    await setFxRate(p, '7.8000');
    museumId = (await createMuseum(p, { slug: 'pages' })).id;
    const t0 = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 23; i++) {
      const createdAt = new Date(t0 + i * 60_000);
      // Ties on purpose: price and popularity repeat, so the id breaks them.
      const price = 1_000 + (i % 4) * 100;
      const popularity = i % 3;
      const product = await createProduct(p, museumId, { createdAt, popularity, variants: [{ priceMinor: price }, { priceMinor: price + 500 }] });
      stable.push({ id: product.id, price, popularity, createdAt });
    }
  });
  afterAll(() => api.close());

  const page = async (sort: string, after: string | null) => {
    const r = await api.gql(PAGE, { sort, after, filter: { storefrontSlug: 'pages' } });
    expect(r.errors).toBeUndefined();
    return r.data.products as { pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { id: string; variants: { id: string }[]; media: unknown[] }[] };
  };

  it.each(['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'POPULARITY'])('walks %s without skipping or repeating a product while others change', async (sort) => {
    const p = api.db.prisma;
    const seen: string[] = [];
    const touched = new Set<string>();
    let after: string | null = null;
    let hasNext = true;
    let step = 0;
    while (hasNext) {
      const r = await page(sort, after);
      seen.push(...r.nodes.map((n) => n.id));
      for (const n of r.nodes) expect(n.variants.length).toBe(stable.some((s) => s.id === n.id) ? 2 : 1);
      hasNext = r.pageInfo.hasNextPage;
      after = r.pageInfo.endCursor;
      // Between two pages: a new product at the head of every order, one product repriced
      // and made popular (it may move), one unpublished then published again.
      step++;
      const fresh = await createProduct(p, museumId, { popularity: 99, variants: [{ priceMinor: 10 + step }] });
      touched.add(fresh.id);
      const moved = stable[(step * 7) % stable.length]!;
      touched.add(moved.id);
      await p.product.update({ where: { id: moved.id }, data: { minPriceEurCents: 9_000 + step, popularity: 50 + step } });
      const hidden = stable[(step * 5 + 3) % stable.length]!;
      touched.add(hidden.id);
      await p.product.update({ where: { id: hidden.id }, data: { status: 'ARCHIVED' } });
      await p.product.update({ where: { id: hidden.id }, data: { status: 'PUBLISHED' } });
    }
    // Every product whose sort key did not change while walking was seen exactly once; a
    // repriced one may legitimately be met again after it moved past the cursor.
    const untouched = stable.filter((s) => !touched.has(s.id)).map((s) => s.id);
    expect(untouched.length).toBeGreaterThan(5);
    for (const id of untouched) expect(seen.filter((x) => x === id)).toHaveLength(1);
    // Put the moved products back for the next order.
    for (const s of stable) await p.product.update({ where: { id: s.id }, data: { minPriceEurCents: s.price, popularity: s.popularity } });
  });

  it('reads a page with its variants and media in one statement, and counts only when asked', async () => {
    const sql = watchStatements(api.db.name);
    try {
      await page('NEWEST', null); // warm the synonym dictionary and storefront caches
      sql.take();
      const first = await page('PRICE_DESC', null);
      const deep = await page('PRICE_DESC', first.pageInfo.endCursor);
      expect(deep.nodes.length).toBe(5);
      const statements = sql.take();
      // Each page: the page itself, and the FX rate (FX_RATE_CACHE_MS=0 here).
      expect(statements.filter((s) => /FROM products/i.test(s))).toHaveLength(2);
      expect(statements.filter((s) => /count\(/i.test(s))).toEqual([]);
      expect(statements.filter((s) => /product_variants|product_media/.test(s) && !/json_agg/.test(s))).toEqual([]);

      const total = await api.db.prisma.product.count({ where: { museumId, status: 'PUBLISHED' } });
      sql.take();
      const counted = await api.gql(WITH_TOTAL, { filter: { storefrontSlug: 'pages' } });
      expect(counted.errors).toBeUndefined();
      expect(counted.data.products.totalCount).toBe(total);
      expect(sql.take().filter((s) => /count\(/i.test(s))).toHaveLength(1);
      // A first page holding every match is its own total: nothing to count.
      const few = await api.gql(WITH_TOTAL, { filter: { storefrontSlug: 'pages', search: 'nothing-matches-this' } });
      expect(few.data.products).toEqual({ totalCount: 0, nodes: [] });
      expect(sql.take().filter((s) => /count\(/i.test(s))).toEqual([]);
    } finally {
      sql.restore();
    }
  });
});
