// The shop as shoppers get it, for the shop benchmarks (bench:shop, bench:lighthouse): a fresh
// database with the demo seed (copied `copies` times), the API in production mode from source,
// and HEAD's apps/shop built with `next build` and served as production serves it: apps/shop/server.mjs
// with SHOP_WORKERS processes sharing the port (BENCH_SHOP_WORKERS, default `auto`: one a core).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, freshDatabase, withClient } from './support';
import { PRODUCTION_TEST_SECRETS, freePort, spawnApp, waitForHttp, type SpawnedProcess } from '../test/support/spawn-api';

const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const DIST_DIR = '.next';
/** The committed shop (HEAD's apps/shop), so work in progress in the checkout is not what is measured. */
const SNAPSHOT = path.join(ROOT, 'tmp/bench-shop');
const SHOP_DIR = path.join(SNAPSHOT, 'apps/shop');

export interface ShopStack {
  /** Published product ids, in random order. */
  ids: string[];
  shopUrl: string;
  /** The API's GraphQL endpoint, for a shop started by the caller. */
  apiUrl: string;
  /** The built shop's folder (its server.mjs) and the environment it runs with, for a shop started by the caller. */
  shopDir: string;
  shopEnv: Record<string, string>;
  /** The commit whose shop is measured. */
  commit: string;
  api: SpawnedProcess;
  shop: ChildProcess;
  /** The shop's processes (SHOP_WORKERS as resolved by server.mjs). */
  workers: number;
  close(): Promise<void>;
}

/** Copies every product (with variants, media, works, collections and stock) `copies` times under new ids. */
async function multiplyCatalogue(url: string, copies: number): Promise<void> {
  await withClient(url, async (c) => {
    const columns = async (table: string) =>
      (
        await c.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => `"${r.column_name}"`);
    const copy = async (table: string, replace: Record<string, string>, where = '') => {
      const cols = await columns(table);
      const select = cols.map((col) => replace[col.slice(1, -1)] ?? `t.${col}`);
      await c.query(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${select.join(', ')} FROM ${table} t ${where}`);
    };
    await c.query('BEGIN');
    await c.query(`CREATE TEMP TABLE pmap AS SELECT p.id AS old_id, gen_random_uuid() AS new_id, n AS copy FROM products p, generate_series(1, ${copies}) n WHERE p.status = 'PUBLISHED'`);
    await c.query(`CREATE TEMP TABLE vmap AS SELECT v.id AS old_id, gen_random_uuid() AS new_id, m.new_id AS product_id, m.copy FROM product_variants v JOIN pmap m ON m.old_id = v.product_id`);
    await copy('products', { id: 'm.new_id' }, 'JOIN pmap m ON m.old_id = t.id');
    await copy('product_variants', { id: 'm.new_id', product_id: 'm.product_id', sku: `t.sku || '-B' || m.copy` }, 'JOIN vmap m ON m.old_id = t.id');
    await copy('product_media', { id: 'gen_random_uuid()', product_id: 'm.new_id' }, 'JOIN pmap m ON m.old_id = t.product_id');
    await copy('product_artworks', { product_id: 'm.new_id' }, 'JOIN pmap m ON m.old_id = t.product_id');
    await copy('product_collections', { product_id: 'm.new_id' }, 'JOIN pmap m ON m.old_id = t.product_id');
    await copy('stock_levels', { variant_id: 'm.new_id' }, 'JOIN vmap m ON m.old_id = t.variant_id');
    await c.query('COMMIT');
  });
}

export async function startShopStack(database: string, copies: number): Promise<ShopStack> {
  const url = await freshDatabase(database);
  console.log('seeding the demo catalogue …');
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'prisma/seed.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: 'inherit' });
  if (copies > 0) await multiplyCatalogue(url, copies);
  const ids = await withClient(url, async (c) => (await c.query<{ id: string }>(`SELECT id FROM products WHERE status = 'PUBLISHED' ORDER BY random()`)).rows.map((r) => r.id));
  console.log(`${ids.length} published products`);

  console.log('building the shop …');
  rmSync(SNAPSHOT, { recursive: true, force: true });
  mkdirSync(SNAPSHOT, { recursive: true });
  execFileSync('sh', ['-c', `git archive HEAD apps/shop | tar -x -C "${SNAPSHOT}"`], { cwd: ROOT, stdio: 'inherit' });
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const shopEnv = { NODE_ENV: 'production', SHOP_DIST_DIR: DIST_DIR, SHOP_MONOREPO_ROOT: ROOT, NEXT_TELEMETRY_DISABLED: '1' };
  execFileSync(process.execPath, [NEXT_BIN, 'build', SHOP_DIR], { cwd: ROOT, env: { ...process.env, ...shopEnv }, stdio: 'inherit' });

  const apiPort = await freePort();
  const api = spawnApp('apps/api/src/main.ts', { ...PRODUCTION_TEST_SECRETS, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(apiPort), LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' });
  const shopPort = await freePort();
  const shopUrl = `http://127.0.0.1:${shopPort}`;
  const workersSetting = process.env['BENCH_SHOP_WORKERS'] ?? 'auto';
  const workers = workersSetting === 'auto' ? os.availableParallelism() : Number(workersSetting);
  const shop = spawn(process.execPath, [path.join(SHOP_DIR, 'server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...shopEnv, SHOP_WORKERS: workersSetting, SHOP_PORT: String(shopPort), SHOP_HOST: '127.0.0.1', API_URL: `http://127.0.0.1:${apiPort}/graphql`, SHOP_ORIGIN: shopUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const shopExited = new Promise<void>((resolve) => shop.once('exit', () => resolve()));
  const close = async () => {
    shop.kill('SIGTERM');
    await Promise.race([shopExited, new Promise((r) => setTimeout(r, 10_000))]);
    await api.stop();
    rmSync(SNAPSHOT, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`http://127.0.0.1:${apiPort}/health`, 60_000);
    await waitForHttp(`${shopUrl}/robots.txt`, 60_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { ids, shopUrl, apiUrl: `http://127.0.0.1:${apiPort}/graphql`, shopDir: SHOP_DIR, shopEnv, commit, api, shop, workers, close };
}
