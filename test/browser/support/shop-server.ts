// The shoppers' storefront (apps/shop, Next.js) for browser tests: a production build made
// once per change of its sources (into apps/shop/.next-test, so a developer's `next dev` in
// apps/shop/.next is left alone), then served as in production (apps/shop/server.mjs: Next's
// request handler, SHOP_WORKERS processes, 1 unless `env` says) on a free loopback port against the API.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freeTcpPort, onFreshPorts, PortTaken } from '@vitrine/shared/testing';

const ROOT = path.resolve(__dirname, '../../..');
const SHOP = path.join(ROOT, 'apps/shop');
export const SHOP_DIST_DIR = '.next-test';
const DIST = path.join(SHOP, SHOP_DIST_DIR);
const STAMP = path.join(DIST, 'vitrine-sources.sha256');
const LOCK = path.join(ROOT, 'node_modules/.cache/vitrine-shop-build.lock');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

export interface ShopServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The server.mjs process (the cluster's primary when SHOP_WORKERS > 1). */
  pid: number;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** What the shop printed (for a failure's message). */
  output(): string;
  close(): Promise<void>;
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.next') || name === 'node_modules' || name === 'next-env.d.ts') continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) filesUnder(full, out);
    else out.push(full);
  }
  return out;
}

/** A hash of everything the build reads: the shop's files and the pinned Next.js version. */
function sourcesHash(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(ROOT, 'node_modules/next/package.json')));
  for (const file of filesUnder(SHOP).sort()) {
    if (file.endsWith('tsconfig.json')) continue; // next build rewrites its include list
    hash.update(path.relative(SHOP, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the shop unless the last build was of the same sources; one build at a time across Jest workers. */
export async function buildShop(): Promise<void> {
  const wanted = sourcesHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another worker builds: wait for it (a lock older than 10 minutes is a dead build's).
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('the shop build lock was held for 10 minutes');
      await sleep(1_000);
    }
  }
  try {
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
    const r = spawnSync(process.execPath, [NEXT_BIN, 'build', SHOP], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', SHOP_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`next build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    writeFileSync(STAMP, wanted);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * The built shop against the API at `apiBaseUrl` (its /graphql). Its SHOP_ORIGIN names its port,
 * so the port is chosen before it starts (not SHOP_PORT=0): one probed free, and another if a
 * parallel suite took that one before the shop bound it.
 */
export async function startShop(apiBaseUrl: string, env: Record<string, string> = {}): Promise<ShopServer> {
  await buildShop();
  return onFreshPorts(async () => startShopOn(await freeTcpPort(), apiBaseUrl, env));
}

async function startShopOn(port: number, apiBaseUrl: string, env: Record<string, string>): Promise<ShopServer> {
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(SHOP, 'server.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      SHOP_PORT: String(port),
      SHOP_HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SHOP_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      API_URL: `${apiBaseUrl}/graphql`,
      SHOP_ORIGIN: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  };
  // Asked only once the shop says it listens (server.mjs's "ready on" line): before that, an
  // answer on the port could come from another process holding it.
  const ready = new RegExp(`ready on http://[^\\s]+:${port}\\b`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (/EADDRINUSE/.test(output)) {
      await close();
      throw new PortTaken(`the shop's port ${port} was taken:\n${output}`);
    }
    if (child.exitCode !== null) throw new Error(`the shop exited (${child.exitCode}):\n${output}`);
    try {
      if (!ready.test(output)) throw new Error('not listening yet');
      const res = await fetch(`${url}/robots.txt`, { redirect: 'manual' });
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`the shop did not answer within 60 s:\n${output}`);
      await sleep(250);
    }
  }
  return { url, pid: child.pid!, exited, output: () => output, close };
}
