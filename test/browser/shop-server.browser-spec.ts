import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startShop, type ShopServer } from './support/shop-server';

/**
 * Issue 17, the shop as production runs it: apps/shop/server.mjs (Next's request handler from
 * `next({ dev: false })`) with SHOP_WORKERS processes sharing one port, built as the browser
 * tests build it. Against a loopback API that answers the product page's query late (NOT_FOUND
 * after DELAY_MS), so a page is in progress when the shop is told to stop:
 * - SHOP_WORKERS=2: a primary and two processes; one killed is replaced and the shop answers on;
 * - SHOP_WORKERS=1 and 2: SIGTERM while a page is rendering: the page is answered in full (the
 *   shop's 404 in Chinese), new connections are refused, every process exits, code 143;
 * - a SHOP_WORKERS that is no count is refused at start.
 */
const DELAY_MS = 1_500;
const SERVER = path.resolve(__dirname, '../../apps/shop/server.mjs');
const PRODUCT = '/zh-CN/products/0b6c4a8e-5f1d-4c1e-9a43-3d2f6b7e8a91';

/** A GraphQL endpoint that answers every query NOT_FOUND after DELAY_MS, and says when one arrived. */
async function lateApi(): Promise<{ baseUrl: string; received: () => Promise<void>; close: () => Promise<void> }> {
  let arrived: () => void = () => undefined;
  let next = new Promise<void>((r) => (arrived = r));
  const server = http.createServer((req, res) => {
    req.resume();
    arrived();
    next = new Promise<void>((r) => (arrived = r));
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: null, errors: [{ message: 'Product not found', extensions: { code: 'NOT_FOUND' } }] }));
    }, DELAY_MS);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => next,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** One request on its own connection (no pool): status and body, or the connection's error code. */
function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

const children = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(100);
  }
}

describe('shop: the production server (apps/shop/server.mjs, SHOP_WORKERS)', () => {
  let api: Awaited<ReturnType<typeof lateApi>>;
  const started: ShopServer[] = [];
  beforeAll(async () => {
    api = await lateApi();
  });
  afterAll(async () => {
    for (const s of started) await s.close();
    await api.close();
  });

  it('SHOP_WORKERS=2: two processes behind one port; one that dies is replaced and the shop answers on', async () => {
    const shop = await startShop(api.baseUrl, { SHOP_WORKERS: '2' });
    started.push(shop);
    await until('two processes', () => children(shop.pid).length === 2);
    const [first, second] = children(shop.pid) as [number, number];
    for (const pid of [first, second]) expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('server.mjs');
    // startShop returns once one process answers; the primary says so when both listen.
    await until('both processes listening', () => shop.output().includes('(2 processes)'));

    process.kill(first, 'SIGKILL');
    await until('a replacement', () => !alive(first) && children(shop.pid).length === 2 && !children(shop.pid).includes(first));
    expect(children(shop.pid)).toContain(second);
    const replacement = children(shop.pid).find((pid) => pid !== second)!;
    expect(shop.output()).toContain(`process ${first} exited (SIGKILL)`);
    await until('the replacement listening', () => shop.output().includes(`process ${replacement} listening in place of one that exited`));
    for (let i = 0; i < 6; i++) expect(await get(`${shop.url}/robots.txt`)).toMatchObject({ status: 200 });
  }, 120_000);

  it.each(['1', '2'])('SHOP_WORKERS=%s: SIGTERM during a page: the page is answered in full, new connections are refused, every process exits 143', async (workers) => {
    const shop = await startShop(api.baseUrl, { SHOP_WORKERS: workers });
    started.push(shop);
    await until('its processes', () => children(shop.pid).length === (workers === '1' ? 0 : 2));
    const processes = [shop.pid, ...children(shop.pid)];
    expect(await get(`${shop.url}/robots.txt`)).toMatchObject({ status: 200 });

    const arrived = api.received();
    const page = get(`${shop.url}${PRODUCT}`);
    await arrived; // the shop is now waiting on the API for this page
    const stopAt = Date.now();
    process.kill(shop.pid, 'SIGTERM');
    await sleep(300);
    expect(await get(`${shop.url}/robots.txt`)).toEqual({ error: 'ECONNREFUSED' });

    const answered = await page;
    expect(answered).toMatchObject({ status: 404 });
    const body = (answered as { body: string }).body;
    expect(body).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(body).toContain('</html>');
    expect(Date.now() - stopAt).toBeGreaterThanOrEqual(DELAY_MS - 400);

    expect(await shop.exited).toBe(143);
    for (const pid of processes) expect(alive(pid)).toBe(false);
  }, 120_000);

  it('refuses a SHOP_WORKERS that is no count', () => {
    const r = spawnSync(process.execPath, [SERVER], { env: { ...process.env, SHOP_WORKERS: 'two', SHOP_PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('SHOP_WORKERS must be a whole number of at least 1 or "auto", not "two"');
  });
});
