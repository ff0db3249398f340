import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { signingKeys } from '../support/pipeline-fixtures';
import { PRODUCTION_TEST_SECRETS, spawnApp, type SpawnedProcess } from '../support/spawn-api';
import { dropQueues, startWorker, waitForOutput } from '../support/worker-process';

const SMS = ['SMS_GATEWAY_URL', 'SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_GUEST_CODE'];

/**
 * Issue 20: in production the API refuses to start without the SMS gateway's settings; the
 * worker, which texts guests their return steps, refuses too (it used to start and leave every
 * text waiting with the error), naming the same settings and the return templates it needs.
 */
describe('a worker in production without the SMS gateway settings', () => {
  let db: TestDatabase;
  const prefix = `test-worker-prod-sms-${randomBytes(4).toString('hex')}`;
  const keys = signingKeys();
  // What else a worker needs in production (the customs signing key and the WeChat Pay merchant key), so only the SMS settings differ.
  const others = { ...keys.env, WECHAT_PAY_CUSTOMS_KEY: 'production-test-wechat-pay-key' };

  /** Its exit code once its output has been read to the end (at 'exit' the last lines may still be in the pipe). */
  const exited = (p: SpawnedProcess, timeoutMs: number) =>
    new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms:\n${p.output().slice(-3000)}`)), timeoutMs);
      void p.closed.then((code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  /** The production secrets without these settings (unset in the child: spawnApp passes process.env on). */
  const without = (names: readonly string[]) => ({ ...PRODUCTION_TEST_SECRETS, ...Object.fromEntries(names.map((n) => [n, ''])) });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await dropQueues(prefix);
    await db?.drop();
  });

  it('refuses to start, naming every missing setting, as the API does; starts once they are set', async () => {
    const worker = startWorker({ ...without([...SMS, 'SMS_TEMPLATES_RETURN']), ...others, NODE_ENV: 'production', DATABASE_URL: db.url, QUEUE_PREFIX: prefix });
    try {
      expect(await exited(worker, 90_000)).not.toBe(0);
      expect(worker.output()).toContain(`${[...SMS, 'SMS_TEMPLATES_RETURN'].join(', ')} must be set in production`);
      expect(worker.output()).not.toMatch(/worker ready/);
    } finally {
      await worker.stop('SIGKILL');
    }

    // One missing is named alone; the return templates alone too.
    for (const missing of ['SMS_ACCESS_KEY_SECRET', 'SMS_TEMPLATES_RETURN']) {
      const one = startWorker({ ...without([missing]), ...others, NODE_ENV: 'production', DATABASE_URL: db.url, QUEUE_PREFIX: prefix });
      try {
        expect(await exited(one, 90_000)).not.toBe(0);
        expect(one.output()).toContain(`${missing} must be set in production`);
        expect(one.output()).not.toMatch(/worker ready/);
      } finally {
        await one.stop('SIGKILL');
      }
    }

    // The API, without the gateway's settings, names the same ones (it does not send return texts: no templates).
    const api = spawnApp('apps/api/src/main.ts', { ...without(SMS), NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, QUEUE_PREFIX: prefix, API_METRICS_PORT: 'off', LOG_LEVEL: 'error' });
    try {
      expect(await exited(api, 90_000)).not.toBe(0);
      expect(api.output()).toContain(`${SMS.join(', ')} must be set in production`);
    } finally {
      await api.stop('SIGKILL');
    }

    const ok = startWorker({ ...PRODUCTION_TEST_SECRETS, ...others, NODE_ENV: 'production', DATABASE_URL: db.url, QUEUE_PREFIX: prefix });
    try {
      await waitForOutput(ok, /worker ready/, 90_000);
    } finally {
      expect(await ok.stop('SIGTERM')).toBe(0);
    }
  }, 300_000);
});
