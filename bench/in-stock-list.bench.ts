// npm run bench:in-stock — the shop window's in-stock filter (issue 17) on 10,000 products:
// the list's one statement with and without ProductFilter.inStock, first and deep keyset pages,
// when most products are in stock and when few are (the probe then walks further for a page).
// Figures go to docs/performance.md (section in-stock-list).
import { performance } from 'node:perf_hooks';
import { Prisma, PrismaService } from '@vitrine/shared/data-access';
import { ProductRepository, type ProductOrder } from '../libs/catalog/src/lib/infrastructure/product.repository';
import { VariantStockCriterion } from '../libs/catalog/src/lib/infrastructure/variant-stock.criterion';
import { variantAvailableSql } from '../libs/inventory/src/lib/infrastructure/available-stock.sql';
import { freshDatabase, machine, withClient, writePerformanceSection } from './support';

const MUSEUMS = 10;
const PER_MUSEUM = 1_000;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 200);

async function seed(url: string, inStockShare: number): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(`INSERT INTO museums (id, slug, legal_name, country, updated_at) SELECT gen_random_uuid(), 'museum-' || m, 'Museum ' || m || ' SA', 'FR', now() FROM generate_series(1, ${MUSEUMS}) m`);
    await c.query(`INSERT INTO storefronts (id, museum_id, status, name_fr, name_en, name_zh, story_fr, story_en, story_zh, updated_at)
      SELECT gen_random_uuid(), id, 'OPEN', 'Boutique ' || slug, 'Shop ' || slug, slug || ' 旗舰店', 'Histoire', 'Story', '故事', now() FROM museums`);
    await c.query(`INSERT INTO products (id, museum_id, status, category, cross_border_category, name_fr, name_en, name_zh, description_fr, description_en, description_zh, search_text, min_price_eur_cents, popularity, published_at, created_at, updated_at)
      SELECT gen_random_uuid(), m.id, 'PUBLISHED', 'scarf', 'GENERAL', 'Foulard ' || p, 'Scarf ' || p, '丝巾 ' || p, 'FR', 'EN', '中文', 'scarf ' || p, 1500 + (p * 37) % 20000, (p * 7919) % 1000,
        now() - (p || ' minutes')::interval, now() - (p || ' minutes')::interval, now()
      FROM museums m, generate_series(1, ${PER_MUSEUM}) p`);
    await c.query(`INSERT INTO product_variants (id, product_id, museum_id, sku, options, price_minor, currency, weight_grams, hs_code, origin_country, position, updated_at)
      SELECT gen_random_uuid(), p.id, p.museum_id, 'SKU-' || p.id || '-' || v, '{}', p.min_price_eur_cents + (v - 1) * 500, 'EUR', 120, '6214100000', 'FR', v, now() FROM products p, generate_series(1, 2) v`);
    await c.query(`INSERT INTO stock_locations (id, museum_id, code, name, kind, priority) SELECT gen_random_uuid(), id, 'WH-' || slug, 'Warehouse', 'EU_WAREHOUSE', 1 FROM museums`);
    // Every variant has a level; a share of products has units available on its second variant, the rest none (sold out or all reserved).
    await c.query(`INSERT INTO stock_levels (variant_id, location_id, on_hand, reserved, updated_at)
      SELECT v.id, l.id, CASE WHEN v.position = 2 AND hashtext(v.product_id::text) % 1000 < ${Math.round(inStockShare * 1000)} AND hashtext(v.product_id::text) % 1000 > -${Math.round(inStockShare * 1000)} THEN 5 ELSE 2 END,
             CASE WHEN v.position = 2 AND hashtext(v.product_id::text) % 1000 < ${Math.round(inStockShare * 1000)} AND hashtext(v.product_id::text) % 1000 > -${Math.round(inStockShare * 1000)} THEN 0 ELSE 2 END, now()
      FROM product_variants v JOIN stock_locations l ON l.museum_id = v.museum_id`);
    await c.query('ANALYZE');
  });
}

async function timeIt(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)]!, p99: ms[Math.floor(ms.length * 0.99)]! };
}

async function scenarios(label: string, share: number): Promise<string[]> {
  const url = await freshDatabase(`vitrine_bench_in_stock_${Math.round(share * 100)}`);
  await seed(url, share);
  const prisma = new PrismaService({ url, poolSize: 2 });
  const criterion = new VariantStockCriterion();
  criterion.register(variantAvailableSql);
  const repo = new ProductRepository(prisma, criterion);
  const inStock = (await prisma.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM products p WHERE EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND ${variantAvailableSql(Prisma.sql`v.id`)})`))[0]!.n;
  const rows: string[] = [];
  for (const order of ['NEWEST', 'PRICE_ASC'] as ProductOrder[]) {
    // A deep page: the cursor of the 2,000th product of the list (in-stock or not).
    const deep = await repo.publicPage({ take: 2000, order, after: null, inStock: undefined });
    const last = deep[1999]!;
    const cursor: [string | number, string] = [order === 'NEWEST' ? last.createdAt.toISOString() : last.minPriceEurCents, last.id];
    for (const [page, after] of [['first', null], ['after 2,000', cursor]] as const) {
      const all = await timeIt(() => repo.publicPage({ take: 24, order, after }));
      const only = await timeIt(() => repo.publicPage({ take: 24, order, after, inStock: true }));
      rows.push(`| ${label} (${inStock.toLocaleString('en-US')} of 10,000 in stock) | ${order} ${page} page | ${all.p50.toFixed(2)} / ${all.p99.toFixed(2)} | ${only.p50.toFixed(2)} / ${only.p99.toFixed(2)} |`);
    }
  }
  const count = await timeIt(() => repo.count({ publicOnly: true, inStock: true }));
  rows.push(`| ${label} | totalCount with inStock | – | ${count.p50.toFixed(2)} / ${count.p99.toFixed(2)} |`);
  await prisma.$disconnect();
  return rows;
}

async function main(): Promise<void> {
  const where = machine();
  const rows = [...(await scenarios('most in stock', 0.8)), ...(await scenarios('few in stock', 0.05))];
  const md = `## Shop window: in-stock filter (npm run bench:in-stock)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${where}. 10,000 published products in 10 open storefronts, 2 variants each, a stock level per variant; ProductRepository.publicPage in process (Prisma on pg, pool 2), ${RUNS} sequential calls after 20 warm-up calls, 24 products a page. ms p50 / p99, whole call (statement, transfer, row mapping).

| data | page | without inStock | with inStock |
|---|---|---:|---:|
${rows.join('\n')}

Reading: the filter keeps a page one statement walking the list's sort index; each candidate costs one probe of \`stock_levels_available_idx\` per variant. When most products are in stock a page costs what it cost without the filter; when few are (5 % here) the walk reads about twenty times more candidates for its 24, so a page costs a few ms more. totalCount with the filter probes every match: it is computed only when a query selects it, once per filter per PUBLIC_CACHE_SECONDS (the totals cache), and a short first page is its own total.
`;
  writePerformanceSection('in-stock-list', md);
  console.log(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
