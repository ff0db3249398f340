// node -r @swc-node/register bench/catalog-plans.ts — on the database bench:catalog left
// (vitrine_bench_catalog), two figures behind docs/performance.md's shop-window notes (issue 18):
// - the floor of one GraphQL request through the built API (`{ __typename }`, caches off: no
//   resolver, no SQL), with the user / system split of the API's CPU from /proc;
// - EXPLAIN ANALYZE of the first page of each of bench:catalog's search terms in each order, over
//   all storefronts and one, as ProductRepository.publicPageKeys asks it.
import { readFileSync } from 'node:fs';
import { buildApi, load, startDeployedApi, withClient } from './support';
import { PRODUCTION_TEST_SECRETS, freePort, waitForHttp } from '../test/support/spawn-api';

const DB = process.env['BENCH_DB_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/vitrine_bench_catalog';

/** bench:catalog's terms as SearchService turns them into tsqueries (no synonyms). */
const TSQUERIES: Record<string, string> = {
  丝巾: "'丝巾'",
  '丝巾 7': "'丝巾' & '7':*",
  '丝巾 42': "'丝巾' & '42':*",
  蒙娜丽莎: "'蒙娜' <-> '娜丽' <-> '丽莎'",
  silk: "'silk':*",
  'silk scarf': "'silk':* & 'scarf':*",
  'scarf 12': "'scarf':* & '12':*",
  teapot: "'teapot':*",
  foulard: "'foulard':*",
  'foulard 3': "'foulard':* & '3':*",
  'foulard 250': "'foulard':* & '250':*",
  théière: "'theiere':*",
};
const ORDERS = ['p.created_at DESC, p.id DESC', 'p.min_price_eur_cents ASC, p.id ASC', 'p.min_price_eur_cents DESC, p.id DESC', 'p.popularity DESC, p.id DESC'];

function cpu(pid: number): { user: number; system: number } {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(f[11]) * 10, system: Number(f[12]) * 10 };
}

async function floor(): Promise<void> {
  if (process.env['BENCH_BUILD'] === '1') buildApi();
  const port = await freePort();
  const api = startDeployedApi({ ...PRODUCTION_TEST_SECRETS, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: DB, DATABASE_POOL_SIZE: '20', API_WORKERS: '1', PUBLIC_CACHE_SECONDS: '0', LOG_LEVEL: 'warn' });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/health`, 60_000);
    const url = `http://127.0.0.1:${port}/graphql`;
    const body = JSON.stringify({ query: '{ __typename }' });
    await load('warm-up', { url, method: 'POST', duration: 3, body });
    const a = cpu(api.child.pid!);
    const r = await load('{ __typename }', { url, method: 'POST', duration: 10, body });
    const b = cpu(api.child.pid!);
    const n = Math.max(1, r.total);
    console.log(`{ __typename }, caches off: ${r.requestsPerSec} req/s, p99 ${r.p99} ms, API CPU ${((b.user - a.user) / n).toFixed(3)} ms user + ${((b.system - a.system) / n).toFixed(3)} ms system a request`);
  } finally {
    await api.stop();
  }
}

async function searchPlans(): Promise<void> {
  await withClient(DB, async (c) => {
    const { rows } = await c.query<{ reloptions: string[] | null }>(`SELECT reloptions FROM pg_class WHERE relname = 'products_search_vector_idx'`);
    const slug = (await c.query<{ slug: string }>('SELECT slug FROM museums ORDER BY slug LIMIT 1')).rows[0]!.slug;
    console.log(`search index options: ${JSON.stringify(rows[0]?.reloptions ?? null)}`);
    const all: number[] = [];
    for (const [term, tsquery] of Object.entries(TSQUERIES)) {
      const times: number[] = [];
      for (const order of ORDERS)
        for (const scope of [
          `p.museum_id IN (SELECT s.museum_id FROM storefronts s WHERE s.status = 'OPEN')`,
          `p.museum_id = (SELECT s.museum_id FROM storefronts s JOIN museums m ON m.id = s.museum_id WHERE s.status = 'OPEN' AND m.slug = '${slug}')`,
        ]) {
          const plan = await c.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
            `EXPLAIN (ANALYZE, FORMAT JSON) SELECT p.id, p.updated_at FROM products p
             WHERE p.search_vector @@ $1::tsquery AND p.status = 'PUBLISHED' AND ${scope} ORDER BY ${order} LIMIT 25`,
            [tsquery],
          );
          times.push(plan.rows[0]!['QUERY PLAN'][0]['Execution Time']);
        }
      all.push(...times);
      console.log(`${term.padEnd(12)} mean ${(times.reduce((t, x) => t + x, 0) / times.length).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`);
    }
    console.log(`first search page, mean over terms × orders × (all, one storefront): ${(all.reduce((t, x) => t + x, 0) / all.length).toFixed(2)} ms`);
  });
}

if (require.main === module) {
  (async () => {
    await searchPlans();
    await floor();
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
