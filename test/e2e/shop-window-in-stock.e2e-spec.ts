import { createMuseum, createProduct, setFxRate } from '@vitrine/shared/testing';
import { startApi, type ApiHarness } from '../support/api-harness';
import { setStock } from '../support/checkout-fixtures';
import { watchStatements } from '../support/sql-counter';

/**
 * The shop window's in-stock filter (issue 17) in the list's own query: every keyset page in
 * every sort holds only products with a variant available now (on hand − reserved at some
 * location, as Product.inStock), none skipped or repeated, totalCount counts the same set, a
 * search combines with it, a sell-out takes a product out of the next page, one statement per
 * page stays one, and the predicate can be served by stock_levels_available_idx.
 */
const PAGE = `query($after: String, $sort: ProductSort, $filter: ProductFilter) {
  products(first: 4, after: $after, sort: $sort, filter: $filter) { pageInfo { endCursor hasNextPage } nodes { id inStock } }
}`;
const TOTAL = `query($filter: ProductFilter) { products(first: 4, filter: $filter) { totalCount } }`;

describe('shop window: in stock only', () => {
  let api: ApiHarness;
  let locationId: string;
  const slug = `instock-${Date.now().toString(36)}`;
  const inStock = new Set<string>();
  const all: string[] = [];

  beforeAll(async () => {
    process.env['FX_RATE_CACHE_MS'] = '0';
    api = await startApi();
    const p = api.db.prisma;
    await setFxRate(p, '7.8000');
    const museum = await createMuseum(p, { slug });
    locationId = (await p.stockLocation.create({ data: { museumId: museum.id, code: `WH-${slug}`.slice(0, 20), name: 'Warehouse', kind: 'EU_WAREHOUSE', priority: 1 } })).id;
    const second = (await p.stockLocation.create({ data: { museumId: museum.id, code: `CN-${slug}`.slice(0, 20), name: 'Bonded', kind: 'BONDED_WAREHOUSE_CN', priority: 2 } })).id;
    const t0 = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 22; i++) {
      const product = await createProduct(p, museum.id, {
        createdAt: new Date(t0 + i * 60_000),
        popularity: i % 3,
        nameEn: i % 2 ? `Silk scarf ${i}` : `Vase ${i}`,
        variants: [{ priceMinor: 1_000 + (i % 4) * 100 }, { priceMinor: 2_000 + i }],
      });
      all.push(product.id);
      const [a, b] = product.variants;
      // i % 5: 0 none anywhere; 1 first variant; 2 only the second variant, at the second location;
      // 3 on hand but all reserved (not available); 4 both.
      const kind = i % 5;
      if (kind === 1 || kind === 4) await setStock(p, locationId, a!.id, 3);
      if (kind === 4) await setStock(p, locationId, b!.id, 1);
      if (kind === 2) await setStock(p, second, b!.id, 2);
      if (kind === 3) {
        await setStock(p, locationId, a!.id, 2);
        await p.stockLevel.update({ where: { variantId_locationId: { variantId: a!.id, locationId } }, data: { reserved: 2 } });
      }
      if (kind === 1 || kind === 2 || kind === 4) inStock.add(product.id);
    }
  });
  afterAll(() => api.close());

  async function walk(sort: string, filter: Record<string, unknown>): Promise<{ id: string; inStock: boolean }[]> {
    const seen: { id: string; inStock: boolean }[] = [];
    let after: string | null = null;
    for (let hasNext = true; hasNext; ) {
      const r: any = await api.gql(PAGE, { sort, after, filter });
      expect(r.errors).toBeUndefined();
      seen.push(...r.data.products.nodes);
      hasNext = r.data.products.pageInfo.hasNextPage;
      after = r.data.products.pageInfo.endCursor;
    }
    return seen;
  }

  it.each(['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'POPULARITY'])('pages through %s holding exactly the products in stock, each once', async (sort) => {
    const seen = await walk(sort, { storefrontSlug: slug, inStock: true });
    expect(seen.map((n) => n.id).sort()).toEqual([...inStock].sort());
    expect(seen.every((n) => n.inStock)).toBe(true);
    // Without the filter (or with false) every product, in stock or not.
    expect((await walk(sort, { storefrontSlug: slug, inStock: false })).map((n) => n.id).sort()).toEqual([...all].sort());
  });

  it('counts the same set, combines with a search, and answers one statement a page', async () => {
    const total: any = await api.gql(TOTAL, { filter: { storefrontSlug: slug, inStock: true } });
    expect(total.data.products.totalCount).toBe(inStock.size);
    const scarves = await walk('NEWEST', { storefrontSlug: slug, inStock: true, search: 'scarf' });
    const expected = all.filter((id, i) => i % 2 === 1 && inStock.has(id));
    expect(scarves.map((n) => n.id).sort()).toEqual(expected.sort());

    const sql = watchStatements(api.db.name);
    try {
      await walk('PRICE_DESC', { storefrontSlug: slug, inStock: true });
      sql.take();
      const r: any = await api.gql(PAGE, { sort: 'PRICE_DESC', after: null, filter: { storefrontSlug: slug, inStock: true } });
      expect(r.errors).toBeUndefined();
      const statements = sql.take();
      // The page and its stock filter are one statement (the other stock read is the nodes' inStock field).
      const pages = statements.filter((s) => /FROM products/i.test(s));
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatch(/stock_levels sl WHERE sl.variant_id = v.id AND sl.on_hand > sl.reserved/);
    } finally {
      sql.restore();
    }
  });

  it('a product sold out leaves the next pages; back in stock it returns', async () => {
    const p = api.db.prisma;
    const first: any = await api.gql(PAGE, { sort: 'NEWEST', after: null, filter: { storefrontSlug: slug, inStock: true } });
    const cursor = first.data.products.pageInfo.endCursor;
    const rest = await (async () => {
      const seen: string[] = [];
      let after: string | null = cursor;
      for (let hasNext = true; hasNext; ) {
        const r: any = await api.gql(PAGE, { sort: 'NEWEST', after, filter: { storefrontSlug: slug, inStock: true } });
        seen.push(...r.data.products.nodes.map((n: any) => n.id));
        hasNext = r.data.products.pageInfo.hasNextPage;
        after = r.data.products.pageInfo.endCursor;
      }
      return seen;
    })();
    const victim = rest[0]!;
    const variantIds = (await p.productVariant.findMany({ where: { productId: victim }, select: { id: true } })).map((v) => v.id);
    const levels = await p.stockLevel.findMany({ where: { variantId: { in: variantIds } } });
    for (const l of levels) await p.stockLevel.update({ where: { variantId_locationId: { variantId: l.variantId, locationId: l.locationId } }, data: { reserved: l.onHand } });
    const after: any = await api.gql(PAGE, { sort: 'NEWEST', after: cursor, filter: { storefrontSlug: slug, inStock: true } });
    expect(after.data.products.nodes.map((n: any) => n.id)).not.toContain(victim);
    expect(after.data.products.nodes.map((n: any) => n.id)).toEqual(rest.slice(1, 5));
    for (const l of levels) await p.stockLevel.update({ where: { variantId_locationId: { variantId: l.variantId, locationId: l.locationId } }, data: { reserved: l.reserved } });
    const back: any = await api.gql(PAGE, { sort: 'NEWEST', after: cursor, filter: { storefrontSlug: slug, inStock: true } });
    expect(back.data.products.nodes[0].id).toBe(victim);
  });

  it('the stock probe can use stock_levels_available_idx (a lookup per candidate, no scan of the levels)', async () => {
    const plan = await api.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT p.id FROM products p WHERE p.status = 'PUBLISHED'
           AND EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND EXISTS (SELECT 1 FROM stock_levels sl WHERE sl.variant_id = v.id AND sl.on_hand > sl.reserved))
         ORDER BY p.created_at DESC, p.id DESC LIMIT 5`,
      );
    });
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('stock_levels_available_idx');
  });
});
