import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { DEV_RETURN_SMS_TEMPLATES } from '../../libs/orders/src/lib/after-sales/domain/return-sms';

const ROOT = path.resolve(__dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

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
 * read back from its "api listening" line: a port probed free beforehand could be taken by a
 * parallel suite before the process binds it). `env` adds to this process's environment.
 */
export async function startApiProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<{ url: string; proc: SpawnedProcess }> {
  // LOG_LEVEL info: the listening line (and one access-log line per request) is printed.
  const proc = spawnApp('apps/api/src/main.ts', { NODE_ENV: 'test', API_METRICS_PORT: 'off', LOG_LEVEL: 'info', ...env, PORT: '0' });
  const listening = /api listening on http:\/\/localhost:(\d+)\//;
  const end = Date.now() + timeoutMs;
  while (!listening.test(proc.output())) {
    if (proc.child.exitCode !== null || Date.now() > end) {
      await proc.stop('SIGKILL');
      throw new Error(`API process did not listen within ${timeoutMs} ms (exit ${proc.child.exitCode}):\n${proc.output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${listening.exec(proc.output())![1]}`, proc };
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
