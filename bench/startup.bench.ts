// Start-up time, idle memory and shutdown of each process as released (`npm run build`) and,
// for comparison, from source through @swc-node/register (what `npm start` runs):
//   npm run bench:startup        (BENCH_RUNS=3 runs each; median reported)
// Ready means: the API answers /health/live, the worker prints "worker ready", the shop answers
// /robots.txt. Memory is the resident set (VmRSS) after 5 s idle. Figures go to
// docs/performance.md (section bench:startup) with the machine's load beside them.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase, machine, ROOT, writePerformanceSection } from './support';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const SHOP_DIST_DIR = '.next-bench';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilHttp(url: string, child: ChildProcess, out: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${out().slice(-2000)}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
}

async function untilOutput(pattern: RegExp, child: ChildProcess, out: () => string): Promise<void> {
  while (!pattern.test(out())) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${out().slice(-2000)}`);
    await sleep(20);
  }
}

interface Subject {
  name: string;
  start(port: number): { cmd: string; args: string[]; env: Record<string, string> };
  ready(port: number, child: ChildProcess, out: () => string): Promise<void>;
}

interface Sample {
  readyMs: number;
  rssMb: number;
  stopMs: number;
}

async function measure(subject: Subject, env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const { cmd, args, env: own } = subject.start(port);
  let out = '';
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env, ...own }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  try {
    await subject.ready(port, child, () => out);
    const readyMs = performance.now() - started;
    await sleep(5_000);
    const rss = rssMb(child.pid!);
    const stopping = performance.now();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    return { readyMs, rssMb: rss, stopMs: performance.now() - stopping };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  console.log('building the release artifacts (api, shop)');
  // next build adds its build folder's type paths to the shop's tsconfig: keep the committed one.
  const tsconfig = path.join(ROOT, 'apps/shop/tsconfig.json');
  const committed = readFileSync(tsconfig, 'utf8');
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', 'api', 'shop'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SHOP_DIST_DIR } });
  } finally {
    writeFileSync(tsconfig, committed);
  }
  const db = await freshDatabase('vitrine_bench_startup');
  const env = { DATABASE_URL: db, NODE_ENV: 'development', LOG_LEVEL: 'warn', QUEUE_PREFIX: 'bench-startup', WORKER_METRICS_PORT: 'off', CORS_ORIGINS: 'http://localhost' };
  const apiReady: Subject['ready'] = (port, child, out) => untilHttp(`http://127.0.0.1:${port}/health/live`, child, out);
  const workerReady: Subject['ready'] = (_port, child, out) => untilOutput(/worker ready/, child, out);
  const subjects: Subject[] = [
    { name: 'API, built (dist/server)', start: (port) => ({ cmd: process.execPath, args: ['dist/server/apps/api/src/main.js'], env: { PORT: String(port) } }), ready: apiReady },
    { name: 'API, from source (@swc-node/register)', start: (port) => ({ cmd: process.execPath, args: ['-r', '@swc-node/register', 'apps/api/src/main.ts'], env: { PORT: String(port) } }), ready: apiReady },
    { name: 'worker, built (dist/server)', start: () => ({ cmd: process.execPath, args: ['dist/server/apps/worker/src/main.js'], env: {} }), ready: workerReady },
    { name: 'worker, from source (@swc-node/register)', start: () => ({ cmd: process.execPath, args: ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], env: {} }), ready: workerReady },
    {
      name: 'shop, built (next start)',
      start: (port) => ({ cmd: process.execPath, args: [path.join('node_modules/next/dist/bin/next'), 'start', 'apps/shop', '-p', String(port)], env: { SHOP_DIST_DIR, NODE_ENV: 'production', API_URL: 'http://127.0.0.1:9/graphql' } }),
      ready: (port, child, out) => untilHttp(`http://127.0.0.1:${port}/robots.txt`, child, out),
    },
  ];
  const rows: string[] = [];
  for (const subject of subjects) {
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measure(subject, env));
    const row = `| ${subject.name} | ${Math.round(median(samples.map((s) => s.readyMs)))} | ${median(samples.map((s) => s.rssMb))} | ${Math.round(median(samples.map((s) => s.stopMs)))} |`;
    console.log(row);
    rows.push(row);
  }
  writePerformanceSection(
    'bench:startup',
    `## Start-up and idle memory of each process (\`npm run bench:startup\`)

${new Date().toISOString().slice(0, 10)}, ${machine()}; median of ${RUNS} runs each, against a freshly migrated empty database
and the local Redis. Ready: the API answers \`/health/live\`, the worker prints "worker ready", the shop answers
\`/robots.txt\`. RSS after 5 s idle. Stop: SIGTERM to exit.

| process | ready ms | RSS MB idle | stop ms |
|---|---:|---:|---:|
${rows.join('\n')}`,
  );
  console.log('written to docs/performance.md (section bench:startup)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
