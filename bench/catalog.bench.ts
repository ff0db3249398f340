// npm run bench:catalog — the shopper catalogue under load.
// Seeds 10,000 published products across 20 storefronts, starts the real API in production
// mode as its own process, and drives the product-list and product-detail queries with
// autocannon (50 connections), next to a bare Node HTTP server measured in the same run.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_FROM_SOURCE, bareServer, buildApi, freshDatabase, load, machine, resetPeakRss, rssMb, startDeployedApi, withClient, writePerformanceSection, type LoadResult } from './support';
import { PRODUCTION_TEST_SECRETS, freePort, waitForHttp } from '../test/support/spawn-api';

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

/** The shop window as a shopper app asks for it: the count only on the first page. */
export const MIXED_LIST_QUERY = `query List($first: Int, $after: String, $sort: ProductSort, $filter: ProductFilter, $locale: Locale, $withCount: Boolean!) {
  products(first: $first, after: $after, locale: $locale, sort: $sort, filter: $filter) {
    totalCount @include(if: $withCount)
    pageInfo { endCursor hasNextPage }
    nodes { id name category priceFrom { amount currency }
      variants { id sku options price { amount currency } }
      media { url alt }
    }
  }
}`;

interface CatalogueRow {
  id: string;
  slug: string;
  category: string;
  createdAt: string;
  price: number;
  popularity: number;
}

const SORTS = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'POPULARITY'] as const;
/** Chinese, English and French terms; the last of each language matches nothing in the seeded catalogue. */
const SEARCH_TERMS = ['丝巾', '丝巾 7', '丝巾 42', '蒙娜丽莎', 'silk', 'silk scarf', 'scarf 12', 'teapot', 'foulard', 'foulard 3', 'foulard 250', 'théière'];
const PRICE_RANGES_CNY: [number | null, number | null][] = [[null, 200], [100, 500], [500, 1000], [1000, null], [200, 300], [150, 1200]];
const CATEGORIES = ['scarf', 'print', 'notebook', 'mug'];

/**
 * Distinct list requests drawn at random (a seeded PRNG, so every run asks the same set):
 * storefronts, categories, CNY price ranges, the four sorts, pages 1–20 and search terms.
 * A page N > 1 starts after the cursor of row 24·(N−1) of the storefront/category/sort
 * (computed here from the seeded rows, as a shopper's app would hold it from page N−1).
 */
export function mixedListBodies(catalogue: CatalogueRow[], count: number): string[] {
  // mulberry32: a small PRNG whose state stays within 32-bit integer arithmetic.
  let seed = 20261206;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const slugs = [...new Set(catalogue.map((r) => r.slug))];
  const bodies = new Set<string>();
  const sorted = new Map<string, CatalogueRow[]>();
  const key = (sort: string, r: CatalogueRow): [string | number, string] =>
    sort === 'NEWEST' ? [r.createdAt, r.id] : sort === 'POPULARITY' ? [r.popularity, r.id] : [r.price, r.id];
  const rowsOf = (slug: string | null, category: string | null, sort: (typeof SORTS)[number]) => {
    const k = `${slug}|${category}|${sort}`;
    let rows = sorted.get(k);
    if (!rows) {
      const asc = sort === 'PRICE_ASC';
      rows = catalogue
        .filter((r) => (!slug || r.slug === slug) && (!category || r.category === category))
        .sort((a, b) => {
          const [x, xi] = key(sort, a);
          const [y, yi] = key(sort, b);
          const c = x < y ? -1 : x > y ? 1 : xi < yi ? -1 : xi > yi ? 1 : 0;
          return asc ? c : -c;
        });
      sorted.set(k, rows);
    }
    return rows;
  };
  for (let attempts = 0; bodies.size < count && attempts < count * 20; attempts++) {
    const slug = rnd() < 0.7 ? pick(slugs) : null;
    const category = rnd() < 0.4 ? pick(CATEGORIES) : null;
    const price = rnd() < 0.3 ? pick(PRICE_RANGES_CNY) : null;
    const search = rnd() < 0.3 ? pick(SEARCH_TERMS) : null;
    const sort = pick(SORTS);
    const page = rnd() < 0.4 ? 1 : 1 + Math.ceil(rnd() * 19);
    const locale = pick(['zh_CN', 'zh_CN', 'en', 'fr']);
    let after: string | null = null;
    if (page > 1) {
      const rows = rowsOf(slug, category, sort);
      const at = rows[Math.min(rows.length, 24 * (page - 1)) - 1];
      if (at) after = Buffer.from(JSON.stringify([sort, ...key(sort, at)])).toString('base64url');
    }
    const filter = {
      ...(slug ? { storefrontSlug: slug } : {}),
      ...(category ? { category } : {}),
      ...(price?.[0] != null ? { minPriceCny: price[0] } : {}),
      ...(price?.[1] != null ? { maxPriceCny: price[1] } : {}),
      ...(search ? { search } : {}),
    };
    bodies.add(JSON.stringify({ query: MIXED_LIST_QUERY, variables: { first: 24, after, sort, filter, locale, withCount: after === null } }));
  }
  return [...bodies];
}

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
    const all = await c.query<CatalogueRow>(
      `SELECT p.id, m.slug, p.category, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
              p.min_price_eur_cents AS price, p.popularity FROM products p JOIN museums m ON m.id = p.museum_id`,
    );
    catalogue = all.rows;
    return rows.slice(0, 2000).map((r) => r.id);
  });
}

interface Scenario extends LoadResult {
  pgCpuMs?: number;
  sqlPerReq?: number;
  hitRate?: number;
  rssPeakMb?: number;
}

/**
 * `BENCH_CATALOG_ONLY=mixed` (or `pages`, or `mixed,pages`): only those cached scenarios, after
 * `BENCH_WARMUP` seconds (default 5) of the same kind of requests drawn from other bodies / the
 * warm-up products; prints req/s, p99, API / PostgreSQL / bench CPU and statements per request
 * and writes no report. About a minute a run: the smallest run that gives a list's or a page's
 * cost (issue 18). `BENCH_CPU_PROFILE=<dir>` runs the API with --cpu-prof into that directory.
 */
const ONLY = (process.env['BENCH_CATALOG_ONLY'] ?? '').split(',').filter(Boolean) as ('mixed' | 'pages')[];
/**
 * `BENCH_CATALOG_AB=<another checkout>` (with BENCH_CATALOG_ONLY): builds and starts that checkout's
 * API (B) beside this one's (A) on the same database and drives both at once, each with 25
 * connections and the same sequence of distinct requests (no repeats: both measure misses), for `BENCH_AB_ROUNDS` rounds (default 3);
 * prints CPU and statements per request of each API and of its own PostgreSQL backends
 * (told apart by application_name). Both see the same load from the rest of the machine, so
 * the per-request CPU compares without the drift between runs made minutes apart.
 * `BENCH_AB_NODE_ARGS_A`: node/V8 flags for side A only (`BENCH_CATALOG_AB=.` compares a flag).
 */
const AB_ROOT = process.env['BENCH_CATALOG_AB'] ? path.resolve(process.env['BENCH_CATALOG_AB']) : null;
const MIXED_WARMUP_BODIES = 2_000;

async function main(): Promise<void> {
  buildApi();
  const url = await freshDatabase('vitrine_bench_catalog');
  console.log('seeding 10,000 products …');
  const ids = await seedCatalogue(url);
  const mixedCount = Number(process.env['BENCH_MIXED_REQUESTS'] ?? 20_000);
  const drawn = mixedListBodies(catalogue, mixedCount + (ONLY.length ? MIXED_WARMUP_BODIES : 0));
  const mixed = drawn.slice(0, mixedCount);
  const distinct = shuffle(catalogue.map((r) => r.id));
  if (ONLY.length && AB_ROOT) return abScenarios(url, mixed, drawn.slice(mixedCount), distinct);
  if (ONLY.length) return onlyScenarios(url, ids, mixed, drawn.slice(mixedCount), distinct);
  const loadStart = os.loadavg();

  const bare = await bareServer();
  const bareResult = await load('bare Node HTTP server', { url: bare.url });
  await bare.close();

  const cached = await driveApi(url, ids, process.env['PUBLIC_CACHE_SECONDS'] ?? '30', mixed, distinct);
  // The same queries with the shop window's micro-cache off: every request parses, executes
  // and reads PostgreSQL. For reference; the targets are on the API as configured.
  const uncached = process.env['BENCH_UNCACHED'] === '0' ? null : await driveApi(url, ids, '0', mixed, distinct);
  const loadEnd = os.loadavg();
  const [list, detail, mixedList, distinctDetail] = cached.rows;
  const rows: Scenario[] = [bareResult, ...cached.rows, ...(uncached?.rows ?? []).map((r) => ({ ...r, name: `${r.name}, cache off` }))];
  console.table(rows);
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const targets = [
    `Targets: same-page list ≥ 1,500 req/s with p99 < 60 ms (${met(list!.requestsPerSec >= 1500 && list!.p99 < 60)}); detail ≥ 2,500 req/s (${met(detail!.requestsPerSec >= 2500)});`,
    `mixed lists ≥ 1,000 req/s with p99 < 100 ms (${met(mixedList!.requestsPerSec >= 1000 && mixedList!.p99 < 100)}); distinct product pages ≥ 2,500 req/s with p99 < 60 ms (${met(distinctDetail!.requestsPerSec >= 2500 && distinctDetail!.p99 < 60)});`,
    `API RSS ≤ 200 MB idle (${met(cached.rssIdleMb <= 200)}) and ≤ 400 MB under load (${met(Math.max(...rows.map((r) => r.rssPeakMb ?? 0)) <= 400)}).`,
  ].join(' ');
  writePerformanceSection(
    'bench:catalog',
    `## Shopper catalogue (\`npm run bench:catalog\`)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine().replace(/, load average [\d.]+ at the start$/, '')}; load average ${loadStart.map((l) => l.toFixed(1)).join(' / ')} before the API scenarios and ${loadEnd.map((l) => l.toFixed(1)).join(' / ')} after (the machine is shared: wall-clock figures are depressed by the load, the per-request CPU and statement counts much less). 10,000 published products across ${MUSEUMS} storefronts (2 variants, 2 media, 1 work each); API in production mode ${API_FROM_SOURCE ? 'run from source through @swc-node/register (`BENCH_API_SOURCE=1`)' : 'built by scripts/build-api.mjs and run with plain node, as docker/Dockerfile runs it'}, ${API_WORKERS === '1' ? 'one process' : `${API_WORKERS} processes`}, pool 20, shop-window micro-cache of ${process.env['PUBLIC_CACHE_SECONDS'] ?? 30} s (ADR 0010); autocannon 50 connections, ${process.env['BENCH_SECONDS'] ?? 10} s per scenario, on the same machine.

- **product list**: the same first page each time (the front-door cache replays it).
- **product detail**: cycles over 2,000 random products of the 10,000.
- **mixed lists**: ${mixed.length} distinct list requests drawn at random with replacement: storefront (70 %), category (40 %), CNY price range (30 %), search term in Chinese, English or French, a third of them matching nothing (30 %), sort NEWEST / PRICE_ASC / PRICE_DESC / POPULARITY, page 1 (40 %) or 2–20 by cursor, locale zh-CN / en / fr; \`totalCount\` asked on page 1 only (\`bench/catalog.bench.ts\` MIXED_LIST_QUERY).
- **distinct product pages**: the 10,000 products in a random order, each asked for once per pass.

SQL statements per request are counted inside the API process (\`bench/sql-count.preload.js\`, the same patch as test/support/sql-counter.ts); PostgreSQL CPU is that of the bench database's backends (/proc of the pids in pg_stat_activity); hit rate is the share of answers the front-door cache replayed (\`x-cache: HIT\`); RSS peak is VmHWM of the API over the scenario. API RSS idle after start-up: ${cached.rssIdleMb} MB; after the cached scenarios, idle again: ${cached.rssAfterMb} MB.

${scenarioTable(rows, bareResult)}

${targets}`,
    process.env['BENCH_REPORT_FILE'] || undefined,
  );
  console.log(targets);
}

async function onlyScenarios(url: string, ids: string[], mixed: string[], warmMixed: string[], distinct: string[]): Promise<void> {
  const loadStart = os.loadavg();
  const bench0 = process.cpuUsage();
  const { rows } = await driveApi(url, ids, process.env['PUBLIC_CACHE_SECONDS'] ?? '30', mixed, distinct, { scenarios: ONLY, warmMixed });
  const bench1 = process.cpuUsage(bench0);
  const total = rows.reduce((t, r) => t + r.total, 0);
  console.log(`commit ${gitHead()}; load average ${loadStart.map((l) => l.toFixed(1)).join(' / ')} → ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; bench CPU ${((bench1.user + bench1.system) / 1000 / Math.max(1, total)).toFixed(2)} ms/req over the warm-ups and scenarios`);
  console.log(scenarioTable(rows, { name: 'none', requestsPerSec: NaN, p50: NaN, p99: NaN, non2xx: 0, errors: 0, total: 0 }));
}

async function abScenarios(url: string, mixed: string[], warmMixed: string[], distinct: string[]): Promise<void> {
  buildApi(AB_ROOT!);
  const side = async (name: 'A' | 'B', root: string | undefined) => {
    const port = await freePort();
    const countFile = path.join(os.tmpdir(), `bench-catalog-sql-${process.pid}-${name}`);
    const db = new URL(url);
    db.searchParams.set('application_name', `bench-catalog-${name}`);
    const api = startDeployedApi(
      { ...PRODUCTION_TEST_SECRETS, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: db.toString(), DATABASE_POOL_SIZE: '20', API_WORKERS: '1', PUBLIC_CACHE_SECONDS: process.env['PUBLIC_CACHE_SECONDS'] ?? '30', LOG_LEVEL: 'warn', BENCH_SQL_COUNT_FILE: countFile },
      ['-r', path.join(__dirname, 'sql-count.preload.js'), ...(name === 'A' ? (process.env['BENCH_AB_NODE_ARGS_A'] ?? '').split(' ').filter(Boolean) : [])],
      root,
    );
    await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000).catch((e) => {
      console.error(api.output());
      throw e;
    });
    return { name, api, countFile, gql: `http://127.0.0.1:${port}/graphql`, head: gitHead(root ?? __dirname) };
  };
  const sides = [await side('A', undefined), await side('B', AB_ROOT!)];
  const backends = (name: string) =>
    withClient(url, async (c) => (await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`bench-catalog-${name}`])).rows.map((r) => r.pid));
  // The same sequence for both sides, in the bodies' (random) order without repeats, so that
  // neither side's front-door cache replays more answers because it served more requests.
  const sequence = (xs: string[]) => {
    let i = 0;
    return () => xs[i++ % xs.length]!;
  };
  const pageBodies = distinct.map((id) => JSON.stringify({ query: DETAIL_QUERY, variables: { id } }));
  const warmPages = warmIds.map((id) => JSON.stringify({ query: DETAIL_QUERY, variables: { id } }));
  const rounds = Number(process.env['BENCH_AB_ROUNDS'] ?? 3);
  const totals = new Map<string, { n: number; api: number; pg: number; sql: number; rps: number[]; p99: number[] }>();
  try {
    for (const scenario of ONLY) {
      const bodies = scenario === 'mixed' ? mixed : pageBodies;
      const warm = scenario === 'mixed' ? warmMixed : warmPages;
      await Promise.all(sides.map((x) => load('warm-up', { url: x.gql, method: 'POST', connections: 25, duration: Number(process.env['BENCH_WARMUP'] ?? 5), setupBody: sequence(warm) })));
      // One sequence per side across the rounds: a round does not replay the previous one's requests.
      const next = sides.map(() => sequence(bodies));
      for (let round = 0; round < rounds; round++) {
        const before = await Promise.all(
          sides.map(async (x) => ({ sql: await sqlCount(x.api.child, x.countFile), api: cpuMs(x.api.child.pid), pg: new Map((await backends(x.name)).map((b) => [b, cpuMs(b) || 0])) })),
        );
        const results = await Promise.all(sides.map((x, i) => load(`${scenario} ${x.name}`, { url: x.gql, method: 'POST', connections: 25, setupBody: next[i]!, countHits: true })));
        const loadavg = os.loadavg()[0]!.toFixed(1);
        for (const [i, x] of sides.entries()) {
          const b = before[i]!;
          const r = results[i]!;
          const api = cpuMs(x.api.child.pid) - b.api;
          const pids = new Set([...b.pg.keys(), ...(await backends(x.name))]);
          const pg = [...pids].reduce((t, pid) => t + (cpuMs(pid) || b.pg.get(pid) || 0) - (b.pg.get(pid) ?? 0), 0);
          const sql = (await sqlCount(x.api.child, x.countFile)) - b.sql;
          const n = Math.max(1, r.total);
          console.log(
            `${scenario} round ${round + 1} ${x.name} (${x.head}): ${r.requestsPerSec} req/s, p99 ${r.p99} ms, API ${(api / n).toFixed(2)} ms/req, PG ${(pg / n).toFixed(2)} ms/req, ${(sql / n).toFixed(2)} statements/req, ${Math.round(((r.hits ?? 0) / n) * 100)} % hits, load ${loadavg}`,
          );
          const key = `${scenario} ${x.name} (${x.head})`;
          const t = totals.get(key) ?? { n: 0, api: 0, pg: 0, sql: 0, rps: [], p99: [] };
          totals.set(key, { n: t.n + n, api: t.api + api, pg: t.pg + pg, sql: t.sql + sql, rps: [...t.rps, r.requestsPerSec], p99: [...t.p99, r.p99] });
        }
      }
    }
    for (const [key, t] of totals)
      console.log(`${key}: API ${(t.api / t.n).toFixed(2)} ms/req, PG ${(t.pg / t.n).toFixed(2)} ms/req, ${(t.sql / t.n).toFixed(2)} statements/req over ${t.n} requests; req/s ${t.rps.join(', ')}; p99 ${t.p99.join(', ')} ms`);
  } finally {
    for (const x of sides) {
      await x.api.stop();
      rmSync(x.countFile, { force: true });
    }
  }
}

function gitHead(cwd = __dirname): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

function scenarioTable(rows: Scenario[], bare: LoadResult): string {
  const f = (n: number | undefined, d = 2) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(d));
  const head = '| scenario | req/s | p50 ms | p99 ms | non-2xx | errors | ratio to bare | API CPU ms/req | PG CPU ms/req | SQL/req | cache hits | API RSS peak MB |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${(r.requestsPerSec / bare.requestsPerSec).toFixed(3)} | ${f(r.apiCpuMs)} | ${f(r.pgCpuMs)} | ${f(r.sqlPerReq)} | ${r.hitRate === undefined ? '' : `${Math.round(r.hitRate * 100)} %`} | ${r.rssPeakMb ?? ''} |`,
    ),
  ].join('\n');
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const API_WORKERS = process.env['API_WORKERS'] ?? '1';

/** Starts the API with this cache setting and drives the four scenarios. */
async function driveApi(
  url: string,
  ids: string[],
  cacheSeconds: string,
  mixed: string[],
  distinct: string[],
  only?: { scenarios: ('mixed' | 'pages')[]; warmMixed: string[] },
): Promise<{ rows: Scenario[]; rssIdleMb: number; rssAfterMb: number }> {
  const port = await freePort();
  const countFile = path.join(os.tmpdir(), `bench-catalog-sql-${process.pid}-${port}`);
  const api = startDeployedApi(
    {
      ...PRODUCTION_TEST_SECRETS,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '20',
      API_WORKERS,
      PUBLIC_CACHE_SECONDS: cacheSeconds,
      LOG_LEVEL: 'warn',
      BENCH_SQL_COUNT_FILE: countFile,
    },
    [
      '-r',
      path.join(__dirname, 'sql-count.preload.js'),
      ...(process.env['BENCH_HEAP_SNAPSHOT'] ? ['--heapsnapshot-signal=SIGUSR1'] : []),
      ...(process.env['BENCH_CPU_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROFILE']}`] : []),
    ],
  );
  const pid = api.child.pid!;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000).catch((e) => {
      console.error(api.output());
      throw e;
    });
    await sleep(1000);
    const rssIdleMb = rssMb(pid, 'VmRSS');
    const gqlUrl = `http://127.0.0.1:${port}/graphql`;
    const probe = await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LIST_QUERY, variables: { first: 24 } }) });
    const probeBody = (await probe.json()) as { data?: { products: { nodes: unknown[] } }; errors?: unknown };
    if (!probeBody.data || probeBody.data.products.nodes.length !== 24) throw new Error(`list query failed: ${JSON.stringify(probeBody).slice(0, 500)}`);
    for (const body of [mixed[0]!, mixed[1]!, mixed[2]!]) {
      const res = await fetch(gqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as { errors?: unknown };
      if (answer.errors) throw new Error(`mixed list query failed: ${JSON.stringify(answer).slice(0, 500)}`);
    }
    // Warm the process (JIT, pools) on other products than the ones measured.
    let w = 0;
    await load('warm-up', { url: gqlUrl, method: 'POST', duration: 3, setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: warmIds[w++ % warmIds.length] } }) });
    await sleep(500);
    // The API's connections to the bench database; a connection opened during a scenario counts from 0.
    const backends = () => withClient(url, async (c) => (await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map((r) => r.pid));
    const meter = async (run: () => Promise<LoadResult>): Promise<Scenario> => {
      resetPeakRss(pid);
      const sql0 = await sqlCount(api.child, countFile);
      const api0 = cpuMs(pid);
      const pgStart = new Map((await backends()).map((b) => [b, cpuMs(b) || 0]));
      const r = await run();
      const api1 = cpuMs(pid);
      const pgEnd = await backends();
      const pg0 = [...pgStart.values()].reduce((t, c) => t + c, 0);
      const pg1 = [...new Set([...pgStart.keys(), ...pgEnd])].reduce((t, b) => t + (cpuMs(b) || pgStart.get(b) || 0), 0);
      const sql1 = await sqlCount(api.child, countFile);
      const n = Math.max(1, r.total);
      return { ...r, apiCpuMs: (api1 - api0) / n, pgCpuMs: (pg1 - pg0) / n, sqlPerReq: (sql1 - sql0) / n, hitRate: r.hits === undefined ? undefined : r.hits / n, rssPeakMb: rssMb(pid, 'VmHWM') };
    };
    if (only) {
      const warm = Number(process.env['BENCH_WARMUP'] ?? 5);
      const rows: Scenario[] = [];
      for (const scenario of only.scenarios) {
        if (scenario === 'mixed') {
          let k = 0;
          await load('warm-up, other list requests', { url: gqlUrl, method: 'POST', duration: warm, setupBody: () => only.warmMixed[k++ % only.warmMixed.length]! });
          await sleep(500);
          rows.push(await meter(() => load(`mixed lists (${mixed.length} distinct requests at random)`, { url: gqlUrl, method: 'POST', setupBody: () => mixed[Math.floor(Math.random() * mixed.length)]!, countHits: true })));
        } else {
          await load('warm-up, other product pages', { url: gqlUrl, method: 'POST', duration: warm, setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: warmIds[w++ % warmIds.length] } }) });
          await sleep(500);
          let d = 0;
          rows.push(await meter(() => load('distinct product pages (10,000 products)', { url: gqlUrl, method: 'POST', setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: distinct[d++ % distinct.length] } }), countHits: true })));
        }
      }
      return { rows, rssIdleMb, rssAfterMb: rssMb(pid, 'VmRSS') };
    }
    const list = await meter(() => load('product list (24 with variants, CNY, zh-CN)', { url: gqlUrl, method: 'POST', body: JSON.stringify({ query: LIST_QUERY, variables: { first: 24 } }), countHits: true }));
    let i = 0;
    const detail = await meter(() => load('product detail', { url: gqlUrl, method: 'POST', setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: ids[i++ % ids.length] } }), countHits: true }));
    const mixedList = await meter(() =>
      load(`mixed lists (${mixed.length} distinct requests at random)`, { url: gqlUrl, method: 'POST', setupBody: () => mixed[Math.floor(Math.random() * mixed.length)]!, countHits: true }),
    );
    let d = 0;
    const distinctDetail = await meter(() =>
      load('distinct product pages (10,000 products)', { url: gqlUrl, method: 'POST', setupBody: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: distinct[d++ % distinct.length] } }), countHits: true }),
    );
    await sleep(2000);
    const rssAfterMb = rssMb(pid, 'VmRSS');
    if (process.env['BENCH_HEAP_SNAPSHOT'] && cacheSeconds !== '0') {
      api.child.kill('SIGUSR1');
      await sleep(15_000);
    }
    return { rows: [list, detail, mixedList, distinctDetail], rssIdleMb, rssAfterMb };
  } finally {
    await api.stop();
    rmSync(countFile, { force: true });
  }
}

/** Statements the API has sent so far (it writes the count on SIGWINCH). */
async function sqlCount(child: { kill: (s: NodeJS.Signals) => boolean }, file: string): Promise<number> {
  rmSync(file, { force: true });
  child.kill('SIGWINCH');
  for (let k = 0; k < 100; k++) {
    await sleep(20);
    try {
      const n = (JSON.parse(readFileSync(file, 'utf8')) as { statements: number }).statements;
      if (Number.isFinite(n)) return n;
    } catch {
      // not written yet
    }
  }
  return NaN;
}


let warmIds: string[] = [];
let catalogue: CatalogueRow[] = [];

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
