import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freeTcpPort } from '@vitrine/shared/testing';
import { DEV_RETURN_SMS_TEMPLATES } from '../../libs/orders/src/lib/after-sales/domain/return-sms';

const ROOT = path.resolve(__dirname, '../..');

/**
 * A port that was free a moment ago. Only for a program that must be told its port before it
 * binds and cannot take 0 (be ready to retry on another when its bind fails): another process
 * may take the port between this probe and that bind. Our own servers bind 0 instead
 * (apiListening, metricsListening; in-process servers read server.address()).
 */
export const freePort: () => Promise<number> = freeTcpPort;

export interface SpawnedProcess {
  child: ChildProcess;
  output: () => string;
  /**
   * The exit code once the process has ended and all it printed has been read ('close'): at
   * 'exit' the pipes may still hold its last lines, so read output() after this, not after 'exit'.
   */
  closed: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs one of our apps as its own process (as `npm start` does), with extra environment: the
 * e2e and browser global setups' ahead-of-time build (VITRINE_SERVER_BUILD, test/support/
 * server-build.js) when there is one, else the sources under @swc-node/register.
 */
export function spawnApp(entry: 'apps/api/src/main.ts' | 'apps/worker/src/main.ts', env: Record<string, string>, nodeArgs: string[] = []): SpawnedProcess {
  let out = '';
  const built = process.env['VITRINE_SERVER_BUILD'];
  const target = built ? [path.join(built, entry.replace(/\.ts$/, '.js'))] : ['-r', '@swc-node/register', entry];
  const child = spawn(process.execPath, [...nodeArgs, ...target], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    closed,
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

/**
 * apps/api as its own process (NODE_ENV=test, metrics off) on a port the kernel picks (PORT=0,
 * apiListening). `env` adds to this process's environment.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<{ url: string; proc: SpawnedProcess }> {
  // LOG_LEVEL info: one access-log line per request is printed too.
  const proc = spawnApp('apps/api/src/main.ts', { NODE_ENV: 'test', API_METRICS_PORT: 'off', LOG_LEVEL: 'info', ...env, PORT: '0' });
  return { url: await apiListening(proc, timeoutMs), proc };
}

/**
 * The base URL (http://127.0.0.1:<port>) of an API process spawned with PORT=0, once it listens:
 * the port the kernel gave it, read from its "api listening" line (apps/api/src/main.ts prints
 * it whatever LOG_LEVEL says when PORT=0). A port probed free beforehand could be taken by a
 * parallel suite before the process binds it, and a wait for an answer there could then be
 * answered by that suite's server. Stops the process (SIGKILL) and throws if it exits first or
 * does not listen within `timeoutMs`.
 */
export async function apiListening(proc: SpawnedProcess, timeoutMs = 120_000): Promise<string> {
  const port = await portFromOutput(proc, /api listening on http:\/\/localhost:(\d+)\//, 'API process', timeoutMs);
  return `http://127.0.0.1:${port}`;
}

/**
 * The port of an API process's metrics server asked for with API_METRICS_PORT=0, from its
 * "metrics on :<port>/metrics" line (apps/api/src/app/api-metrics.ts prints it then).
 */
export function metricsListening(proc: SpawnedProcess, timeoutMs = 120_000): Promise<number> {
  return portFromOutput(proc, /metrics on :(\d+)\/metrics/, 'metrics server', timeoutMs);
}

async function portFromOutput(proc: SpawnedProcess, line: RegExp, what: string, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = line.exec(proc.output());
    if (found) return Number(found[1]);
    if (proc.child.exitCode !== null || Date.now() > end) {
      await proc.stop('SIGKILL');
      throw new Error(`${what} did not listen within ${timeoutMs} ms (exit ${proc.child.exitCode}):\n${proc.output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Secrets a process started with NODE_ENV=production insists on; test values only. */
export const PRODUCTION_TEST_SECRETS: Record<string, string> = {
  JWT_SECRET: 'production-test-secret-0123456789-abcdefghij',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  PII_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
  STRIPE_SECRET_KEY: 'sk_test_loopback',
  STRIPE_WEBHOOK_SECRET: 'whsec_test_loopback',
  // The notification gateway (guest returns' codes and texts): nothing listens there in these tests.
  SMS_GATEWAY_URL: 'http://127.0.0.1:9',
  SMS_ACCESS_KEY_ID: 'sms-production-test-key',
  SMS_ACCESS_KEY_SECRET: 'sms-production-test-secret',
  SMS_SIGN_NAME: 'Vitrine',
  SMS_TEMPLATE_GUEST_CODE: 'SMS_000000001',
  // A worker in production refuses to start without the return texts' templates (by language and step).
  SMS_TEMPLATES_RETURN: JSON.stringify(DEV_RETURN_SMS_TEMPLATES),
  // A worker in production refuses to start without WeChat Pay's merchant key for customs declarations.
  WECHAT_PAY_CUSTOMS_KEY: 'production-test-wechat-pay-customs-key',
};
