import { execFileSync } from 'node:child_process';
import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { PRODUCTION_TEST_SECRETS, apiListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function until<T>(fn: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('API with several processes (API_WORKERS)', () => {
  let db: TestDatabase;
  let api: SpawnedProcess;
  let url: string;
  jest.setTimeout(90_000);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = spawnApp('apps/api/src/main.ts', { ...PRODUCTION_TEST_SECRETS, NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, API_WORKERS: '2', LOG_LEVEL: 'warn' });
    url = await apiListening(api, 60_000);
    await waitForHttp(`${url}/health`, 60_000);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('serves from two processes and replaces one that dies', async () => {
    const workers = await until(() => {
      const pids = childPids(api.child.pid!);
      return pids.length === 2 ? pids : undefined;
    });
    process.kill(workers[0]!, 'SIGKILL');
    // The survivor keeps answering while the primary starts a replacement.
    // A fresh connection each try: a pooled keep-alive socket may belong to the killed process.
    let answer: unknown = null;
    for (let i = 0; i < 20 && answer === null; i++) {
      answer = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', connection: 'close' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(5_000),
      })
        .then((r) => r.json())
        .catch(() => null);
    }
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    const replaced = await until(() => {
      const pids = childPids(api.child.pid!);
      return pids.length === 2 && !pids.includes(workers[0]!) ? pids : undefined;
    });
    expect(replaced).toContain(workers[1]);
  });

  it('stops every process on SIGTERM', async () => {
    const pids = childPids(api.child.pid!);
    expect(await api.stop('SIGTERM')).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
