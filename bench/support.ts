import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import os from 'node:os';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { spawnApp, type SpawnedProcess } from '../test/support/spawn-api';

export const ROOT = path.resolve(__dirname, '..');
const ADMIN_URL = process.env['BENCH_PG_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A freshly migrated database for one benchmark run. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/db/migrate.mjs'), 'deploy'], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: 'inherit',
  });
  return url.toString();
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface LoadResult {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
  /** CPU of the process under test per request, when the benchmark measured it. */
  apiCpuMs?: number;
  /** Answers marked `x-cache: HIT` (replayed by the API's front-door cache), when counted. */
  hits?: number;
}

export async function load(
  name: string,
  opts: { url: string; method?: 'GET' | 'POST'; body?: string; connections?: number; duration?: number; setupBody?: () => string; countHits?: boolean },
): Promise<LoadResult> {
  let hits = 0;
  const onResponse = opts.countHits
    ? (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
        if (headers['x-cache'] === 'HIT') hits++;
      }
    : undefined;
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    connections: opts.connections ?? 50,
    duration: opts.duration ?? Number(process.env['BENCH_SECONDS'] ?? 10),
    headers: { 'content-type': 'application/json' },
    body: opts.body,
    requests:
      opts.setupBody || onResponse
        ? [{ ...(opts.setupBody ? { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: opts.setupBody!() }) } : {}), ...(onResponse ? { onResponse } : {}) }]
        : undefined,
  } as autocannon.Options);
  return {
    name,
    requestsPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
    ...(opts.countHits ? { hits } : {}),
  };
}

/** A bare Node HTTP server answering a small JSON body: the ceiling of this machine. */
export async function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const body = JSON.stringify({ data: { ok: true } });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export function machine(): string {
  // The load average says how much else the machine was doing: figures taken beside other
  // work are lower than what the code can do.
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} at the start`;
}

/** Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` in docs/performance.md. */
export function writePerformanceSection(name: string, markdown: string, file = path.join(ROOT, 'docs/performance.md')): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n\nFigures written by the benchmarks (`npm run bench:*`); each run replaces its own section.\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  if (doc.includes(start)) doc = doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
}

export function table(rows: LoadResult[], bare?: LoadResult): string {
  const cpu = rows.some((r) => r.apiCpuMs !== undefined);
  const head = `| scenario | req/s | p50 ms | p99 ms | non-2xx | errors | ratio to bare |${cpu ? ' API CPU ms/req |' : ''}\n|---|---:|---:|---:|---:|---:|---:|${cpu ? '---:|' : ''}`;
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.requestsPerSec} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${bare ? (r.requestsPerSec / bare.requestsPerSec).toFixed(3) : '-'} |${cpu ? ` ${r.apiCpuMs === undefined || Number.isNaN(r.apiCpuMs) ? '' : r.apiCpuMs.toFixed(2)} |` : ''}`,
  );
  return [head, ...lines].join('\n');
}

/** Resident memory of a process in MB from /proc/<pid>/status (VmRSS now, VmHWM peak since start or the last reset). */
export function rssMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Resets the peak RSS (VmHWM) of a process this user owns (Linux clear_refs 5). */
export function resetPeakRss(pid: number | undefined): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not permitted: the peak then covers the process's life so far
  }
}

/**
 * The API as deployed (docker/Dockerfile's CMD and V8 flags): built ahead of time by
 * scripts/build-api.mjs (call buildApi first) and run with plain node. `BENCH_API_SOURCE=1`
 * runs it from source through @swc-node/register instead, as `npm start` does (about 100 MB
 * more resident memory: TypeScript, SWC and source maps).
 */
export const API_FROM_SOURCE = process.env['BENCH_API_SOURCE'] === '1';

/** `root`: another checkout of the repository (an A/B run builds and starts both). */
export function buildApi(root = ROOT): void {
  if (!API_FROM_SOURCE || root !== ROOT) execFileSync(process.execPath, [path.join(root, 'scripts/build-api.mjs')], { cwd: root, stdio: 'inherit' });
}

export function startDeployedApi(env: Record<string, string>, nodeArgs: string[] = [], root = ROOT): SpawnedProcess {
  if (API_FROM_SOURCE && root === ROOT) return spawnApp('apps/api/src/main.ts', env, nodeArgs);
  let out = '';
  const child = spawn(process.execPath, ['--max-old-space-size=224', '--liftoff-only', ...nodeArgs, path.join(root, 'dist/server/apps/api/src/main.js')], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return {
    child,
    output: () => out,
    closed: new Promise((resolve) => child.once('close', (code) => resolve(code))),
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
