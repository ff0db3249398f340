// npm run bench:catalog — the shopper catalogue under load.
// Seeds 10,000 published products across 20 storefronts, starts the real API in production
// mode as its own process, and drives the product-list and product-detail queries with
// autocannon (50 connections), next to a bare Node HTTP server measured in the same run.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { bareServer, freshDatabase, load, machine, table, withClient, writePerformanceSection, type LoadResult } from './support';
import { PRODUCTION_TEST_SECRETS, freePort, spawnApp, waitForHttp } from '../test/support/spawn-api';

const MUSEUMS = 20;
const PRODUCTS_PER_MUSEUM = 500;

export const LIST_QUERY = `query List($first: Int, $after: String) {
  products(first: $first, after: $after, locale: zh_CN, sort: NEWEST) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { id name category priceFrom { amount currency }
      variants { id sku options price { amount currency } }
      media { url alt }
    }
  }
}`;

export const DETAIL_QUERY = `query Detail($id: ID!) {
  product(id: $id, locale: zh_CN) {
    id name description category crossBorderCategory priceFrom { amount currency }
    variants { id sku options price { amount currency } basePrice { amount currency } weightGrams hsCode originCountry }
    media { url alt position }
    inspiredBy { accessionNumber title artist period creditLine }
    storefront { slug name }
  }
}`;

/** Bulk seed through SQL: 10,000 products in seconds. */
export async function seedCatalogue(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    await c.query(`INSERT INTO fx_rates (id, base, quote, rate, source, effective_at) VALUES (gen_random_uuid(), 'EUR', 'CNY', 7.8123, 'bench', now())`);
    await c.query(`INSERT INTO positive_list_entries (hs_prefix, description) VALUES ('6214', 'scarves'), ('4911', 'prints') ON CONFLICT DO NOTHING`);
    await c.query(`
      INSERT INTO museums (id, slug, legal_name, country, updated_at)
      SELECT gen_random_uuid(), 'museum-' || m, 'Museum ' || m || ' SA', 'FR', now() FROM generate_series(1, ${MUSEUMS}) m`);
    await c.query(`
      INSERT INTO storefronts (id, museum_id, status, name_fr, name_en, name_zh, story_fr, story_en, story_zh, updated_at)
      SELECT gen_random_uuid(), id, 'OPEN', 'Boutique ' || slug, 'Shop ' || slug, slug || ' 旗舰店', 'Histoire', 'Story', '故事', now() FROM museums`);
    await c.query(`
      INSERT INTO artworks (id, museum_id, accession_number, title_fr, title_en, title_zh, artist, period, credit_line, updated_at)
      SELECT gen_random_uuid(), m.id, 'INV ' || a, 'Œuvre ' || a, 'Work ' || a, '作品 ' || a, 'Artist ' || a, '19th century', '© Museum', now()
      FROM museums m, generate_series(1, 50) a`);
    await c.query(`
      INSERT INTO products (id, museum_id, status, category, cross_border_category, name_fr, name_en, name_zh,
        description_fr, description_en, description_zh, search_text, min_price_eur_cents, popularity, published_at, created_at, updated_at)
      SELECT gen_random_uuid(), m.id, 'PUBLISHED', (ARRAY['scarf','print','notebook','mug'])[1 + p % 4], 'GENERAL',
        'Foulard ' || p, 'Silk scarf ' || p, '丝巾 ' || p, 'Description FR', 'Description EN', '中文描述 ' || p,
        'foulard ' || p || ' silk scarf ' || p || ' 丝巾 ' || p, 1500 + (p * 37) % 20000, (p * 7919) % 1000,
        now() - (p || ' minutes')::interval, now() - (p || ' minutes')::interval, now()
      FROM museums m, generate_series(1, ${PRODUCTS_PER_MUSEUM}) p`);
    await c.query(`
      INSERT INTO product_variants (id, product_id, museum_id, sku, options, price_minor, currency, weight_grams, hs_code, origin_country, position, updated_at)
      SELECT gen_random_uuid(), p.id, p.museum_id, 'SKU-' || p.id || '-' || v, jsonb_build_object('size', (ARRAY['S','M','L'])[v]),
        p.min_price_eur_cents + (v - 1) * 500, 'EUR', 120, '6214100000', 'FR', v, now()
      FROM products p, generate_series(1, 2) v`);
    await c.query(`
      INSERT INTO product_media (id, product_id, url, alt, position)
      SELECT gen_random_uuid(), p.id, 'https://cdn.vitrine.test/p/' || p.id || '/' || i || '.jpg', 'photo ' || i, i FROM products p, generate_series(1, 2) i`);
    await c.query(`
      INSERT INTO product_artworks (product_id, artwork_id)
      SELECT DISTINCT ON (p.id) p.id, a.id FROM products p JOIN artworks a ON a.museum_id = p.museum_id ORDER BY p.id, random()`);
    await c.query('ANALYZE');
    const { rows } = await c.query<{ id: string }>('SELECT id FROM products ORDER BY random() LIMIT 2500');
    warmIds = rows.slice(2000).map((r) => r.id);
    return rows.slice(0, 2000).map((r) => r.id);
  });
}

async function main(): Promise<void> {
  const url = await freshDatabase('vitrine_bench_catalog');
  console.log('seeding 10,000 products …');
  const ids = await seedCatalogue(url);

  const bare = await bareServer();
  const bareResult = await load('bare Node HTTP server', { url: bare.url });
  await bare.close();

  const withCache = await driveApi(url, ids, process.env['PUBLIC_CACHE_SECONDS'] ?? '30');
  // The same two queries with the shop window's micro-cache off: every request parses, executes
  // and reads PostgreSQL. For reference; the targets are on the API as configured.
  const uncached = process.env['BENCH_UNCACHED'] === '0' ? [] : await driveApi(url, ids, '0');
  const [list, detail] = withCache;
  const rows = [bareResult, ...withCache, ...uncached.map((r) => ({ ...r, name: `${r.name}, cache off` }))];
  console.table(rows);
  const targets = `Targets: list ≥ 1,500 req/s with p99 < 60 ms (${list!.requestsPerSec >= 1500 && list!.p99 < 60 ? 'met' : 'NOT met'}); detail ≥ 2,500 req/s (${detail!.requestsPerSec >= 2500 ? 'met' : 'NOT met'}).`;
  writePerformanceSection(
    'bench:catalog',
    `## Shopper catalogue (\`npm run bench:catalog\`)\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}. 10,000 published products across ${MUSEUMS} storefronts (2 variants, 2 media, 1 work each); API in production mode, ${API_WORKERS === '1' ? 'one process' : `${API_WORKERS} processes`}, pool 20, shop-window micro-cache of ${process.env['PUBLIC_CACHE_SECONDS'] ?? 30} s (ADR 0010); autocannon 50 connections, ${process.env['BENCH_SECONDS'] ?? 10} s per scenario, on the same machine. The list asks for the same first page each time; the detail cycles over 2,000 random products of the 10,000, so each is asked for every ~0.8 s at 2,500 req/s: the first request for each is a miss (2,000 misses), the rest are replays unless the TTL runs out within the run. API CPU is that of the API process per request. The rows with the cache off are for reference: there every list also counts the 10,000 published products of open storefronts (5–15 ms of PostgreSQL per request), which the API otherwise reuses for the same TTL.\n\n${table(rows, bareResult)}\n\n${targets}`,
  );
  console.log(targets);
}

const API_WORKERS = process.env['API_WORKERS'] ?? '1';

/** Starts the API with this cache setting and drives the list, then the detail query. */
async function driveApi(url: string, ids: string[], cacheSeconds: string): Promise<LoadResult[]> {
  const port = await freePort();
  const api = spawnApp('apps/api/src/main.ts', {
    ...PRODUCTION_TEST_SECRETS,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '20',
    API_WORKERS,
    PUBLIC_CACHE_SECONDS: cacheSeconds,
    LOG_LEVEL: 'warn',
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000).catch((e) => {
      console.error(api.output());
      throw e;
    });
    const gqlUrl = `http://127.0.0.1:${port}/graphql`;
    const probe = await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST_QUERY, variables: { first: 24 } }) });
    const probeBody = (await probe.json()) as { data?: { products: { nodes: unknown[] } }; errors?: unknown };
    if (!probeBody.data || probeBody.data.products.nodes.length !== 24) throw new Error(`list query failed: ${JSON.stringify(probeBody).slice(0, 500)}`);
    // Warm the process (JIT, pools) on other products than the ones measured.
    let w = 0;
    await load('warm-up', { url: gqlUrl, method: 'POST', duration: 3, setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: warmIds[w++ % warmIds.length] } }) });
    await sleep(500);
    const cpu = () => cpuMs(api.child.pid);
    const c0 = cpu();
    const list = await load('product list (24 with variants, CNY, zh-CN)', {
      url: gqlUrl,
      method: 'POST',
      body: JSON.stringify({ query: LIST_QUERY, variables: { first: 24 } }),
    });
    const c1 = cpu();
    let i = 0;
    const detail = await load('product detail', {
      url: gqlUrl,
      method: 'POST',
      setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: ids[i++ % ids.length] } }),
    });
    const c2 = cpu();
    return [
      { ...list, apiCpuMs: (c1 - c0) / Math.max(1, list.total) },
      { ...detail, apiCpuMs: (c2 - c1) / Math.max(1, detail.total) },
    ];
  } finally {
    await api.stop();
  }
}

let warmIds: string[] = [];

/** CPU milliseconds (user + system) a process has used, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
