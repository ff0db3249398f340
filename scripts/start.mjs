#!/usr/bin/env node
// `npm start`: installs what is missing, starts or reuses PostgreSQL and Redis, migrates,
// seeds the demo museums, then runs the API, the worker, the seller console and the shop together.
// Without CUSTOMS_GATEWAY_URL / CARRIER_API_URL it also runs the dev sandbox gateways
// (scripts/dev-gateways.ts) and points the worker at them, so paid orders reach DELIVERED;
// without SMS_GATEWAY_URL, the SMS sandbox, and the API texts guests' codes to it.
// Without a Stripe key (STRIPE_SECRET_KEY unset or the placeholder) the same process runs the
// Stripe sandbox, and the API and worker talk to it instead of api.stripe.com.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, ensureDependencies, ensurePrismaClient, ensureServices, log, run } from './lib/bootstrap.mjs';

ensureDependencies();
await ensureServices();
ensurePrismaClient();
log('migrating the database');
run('node scripts/db/migrate.mjs deploy');
if (existsSync(path.join(ROOT, 'prisma/seed.ts'))) {
  log('seeding demo data');
  run('node -r @swc-node/register prisma/seed.ts');
}

const children = [];
function start(name, color, cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${color}m[${name}]\x1b[0m `;
  const pipe = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    log(`${name} exited (${signal ?? code})`);
    if (!stopping) shutdown(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

/** `preferred` when it is free on the loopback, else any free port. */
function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return tryPort(preferred).then((port) => port ?? tryPort(0));
}

/** The worker's environment for the sandbox gateways, and the sandbox's arguments (none: nothing to run). */
async function sandbox() {
  const env = {};
  const args = [];
  if (!process.env.CUSTOMS_GATEWAY_URL) {
    const port = await freePort(4010);
    env.CUSTOMS_GATEWAY_URL = `http://127.0.0.1:${port}`;
    // The sandbox checks signatures: both sides share one key for this run.
    if (!process.env.CUSTOMS_SIGNING_KEY) env.CUSTOMS_SIGNING_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    args.push(`--customs=${port}`);
    // The payment company declares payment records to the sandbox customs (in its process).
    if (!process.env.PAYMENT_DECLARATION_URL) {
      const payments = await freePort(4030);
      env.PAYMENT_DECLARATION_URL = `http://127.0.0.1:${payments}`;
      args.push(`--payments=${payments}`);
      // WeChat Pay's customs declaration is served by the same sandbox.
      if (!process.env.WECHAT_PAY_DECLARATION_URL) env.WECHAT_PAY_DECLARATION_URL = env.PAYMENT_DECLARATION_URL;
    }
  }
  // The API texts guests their one-time codes, and the worker their return steps, through the SMS sandbox.
  const api = {};
  if (!process.env.SMS_GATEWAY_URL) {
    const port = await freePort(4050);
    api.SMS_GATEWAY_URL = `http://127.0.0.1:${port}`;
    args.push(`--sms=${port}`);
  }
  if (!process.env.CARRIER_API_URL) {
    const port = await freePort(4020);
    env.CARRIER_API_URL = `http://127.0.0.1:${port}`;
    args.push(`--carrier=${port}`);
  }
  return { env, api, args, stripe: await stripeSandbox(args) };
}

/** The API's and worker's Stripe environment when no key is set (null: use the configured Stripe). */
async function stripeSandbox(args) {
  const key = process.env.STRIPE_SECRET_KEY;
  if (key && key !== 'sk_test_vitrine_placeholder') return null;
  const port = await freePort(4040);
  args.push(`--stripe=${port}`, `--stripe-webhook=http://127.0.0.1:${process.env.PORT ?? 3000}/webhooks/stripe`);
  return {
    STRIPE_SECRET_KEY: `sk_test_sandbox_${randomBytes(12).toString('hex')}`,
    STRIPE_WEBHOOK_SECRET: `whsec_sandbox_${randomBytes(16).toString('hex')}`,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(port),
    STRIPE_API_PROTOCOL: 'http',
    // The shop's card step (no STRIPE_PUBLISHABLE_KEY): confirms at the sandbox as Stripe.js would.
    STRIPE_SANDBOX_URL: `http://127.0.0.1:${port}`,
    STRIPE_SANDBOX_PUBLISHABLE_KEY: `pk_test_sandbox_${randomBytes(12).toString('hex')}`,
  };
}

const swc = ['-r', '@swc-node/register'];
const gateways = await sandbox();
if (gateways.args.length) {
  start('gateways', '36', process.execPath, [...swc, 'scripts/dev-gateways.ts', ...gateways.args], { ...gateways.env, ...gateways.stripe });
  log(`dev sandbox: ${Object.entries({ ...gateways.env, ...gateways.api }).filter(([k]) => k.endsWith('_URL')).map(([k, v]) => `${k}=${v}`).join(' ')} (set them to use real gateways)`);
}
if (gateways.stripe) {
  const stripeUrl = `http://127.0.0.1:${gateways.stripe.STRIPE_API_PORT}`;
  log(`Stripe sandbox ${stripeUrl} (no STRIPE_SECRET_KEY set; set it, and STRIPE_WEBHOOK_SECRET, to use Stripe's test mode)`);
  log(`Wallet   ${stripeUrl}/sandbox/wallet/<payment_intent>   (placeOrder with paymentMethod ALIPAY or WECHAT_PAY answers the link in Checkout.paymentAction)`);
}
start('api', '32', process.execPath, [...swc, 'apps/api/src/main.ts'], { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...gateways.api, ...gateways.stripe });
start('worker', '33', process.execPath, [...swc, 'apps/worker/src/main.ts'], { ...gateways.env, ...gateways.api, ...gateways.stripe });
if (existsSync(path.join(ROOT, 'apps/admin/vite.config.ts'))) {
  start('console', '35', process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'apps/admin/vite.config.ts', '--host', '0.0.0.0']);
}
let shopUrl = null;
if (existsSync(path.join(ROOT, 'apps/shop/next.config.mjs'))) {
  // The shoppers' storefront (Next.js, dev mode: each page compiles on its first visit).
  const shopPort = Number(process.env.SHOP_PORT ?? (await freePort(3001)));
  shopUrl = `http://localhost:${shopPort}`;
  start('shop', '34', process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'dev', 'apps/shop', '-p', String(shopPort), '-H', '0.0.0.0'], {
    API_URL: process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/graphql`,
    SHOP_ORIGIN: process.env.SHOP_ORIGIN ?? shopUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    ...(gateways.stripe ? { STRIPE_SANDBOX_URL: gateways.stripe.STRIPE_SANDBOX_URL, STRIPE_SANDBOX_PUBLISHABLE_KEY: gateways.stripe.STRIPE_SANDBOX_PUBLISHABLE_KEY } : {}),
  });
}
log(`API      http://localhost:${process.env.PORT ?? 3000}/graphql   (health: /health)`);
log('Console  http://localhost:5173');
if (shopUrl) log(`Shop     ${shopUrl}   (zh-CN; /en, /fr; demo shopper shopper@vitrine.test / vitrine-demo-2026)`);
