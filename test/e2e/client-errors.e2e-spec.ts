import { createTestDatabase, type TestDatabase } from '@vitrine/shared/testing';
import { apiListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';

/**
 * A client's mistake (a variable of the wrong type, an operation too costly or too deep, an
 * unknown field) is answered HTTP 400 with its code, and logged as a warning: nothing at error
 * level, which is kept for our own faults.
 */
describe('client mistakes over HTTP (separate process, its pino output read)', () => {
  let db: TestDatabase;
  let proc: SpawnedProcess;
  let url: string;
  let logged = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
    proc = spawnApp('apps/api/src/main.ts', {
      PORT: '0',
      DATABASE_URL: db.url,
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_COMPLEXITY: '500',
      LOG_LEVEL: 'warn',
    });
    url = await apiListening(proc, 60_000);
    await waitForHttp(`${url}/health`, 60_000);
  }, 90_000);
  afterAll(async () => {
    await proc.stop();
    await db.drop();
  });

  interface LogLine {
    level: number;
    msg?: string;
    code?: string;
    err?: unknown;
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** The pino lines printed so far: whole lines only (the last one may still be arriving). */
  const logLines = () =>
    proc
      .output()
      .split('\n')
      .slice(0, -1)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  /**
   * The pino lines written since the last call. They come through the process's stdout pipe, not
   * with the HTTP answer, so wait (up to 10 s) until `arrived` holds for them, then 100 ms more for
   * any line that should not be there.
   */
  const newLogLines = async (arrived: (fresh: LogLine[]) => boolean = () => true): Promise<LogLine[]> => {
    const end = Date.now() + 10_000;
    while (!arrived(logLines().slice(logged)) && Date.now() < end) await sleep(50);
    await sleep(100);
    const lines = logLines();
    const fresh = lines.slice(logged);
    logged = lines.length;
    return fresh;
  };
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
  };
  /** One warning per error answered, none at error level. */
  const expectWarnedNotErrored = async (code: string, errors = 1) => {
    const lines = await newLogLines((fresh) => fresh.filter((l) => l.level === 40 && l.code === code).length >= errors);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.level === 40 && l.code === code)).toHaveLength(errors);
    // No stack for a client's mistake.
    expect(JSON.stringify(lines)).not.toMatch(/"stack"/);
  };

  it('a variable of the wrong type is BAD_USER_INPUT with HTTP 400, logged as a warning', async () => {
    await newLogLines();
    const r = await post('query Page($f: Int) { products(first: $f) { totalCount } }', { f: 'xx' });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions['code']).toBe('BAD_USER_INPUT');
    expect(r.body.errors?.[0].message).toMatch(/\$f/);
    await expectWarnedNotErrored('BAD_USER_INPUT');
  });

  it('a wrong type inside an input object is BAD_USER_INPUT with HTTP 400', async () => {
    const r = await post('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: 12, password: ['x'] } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.extensions['code'])).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    await expectWarnedNotErrored('BAD_USER_INPUT', 2);
  });

  it('an operation over the cost limit is QUERY_TOO_COMPLEX with HTTP 400, its cost and the limit', async () => {
    const r = await post('{ a: products(first: 100) { nodes { id name } } b: products(first: 100) { nodes { id name } } }');
    expect(r.status).toBe(400);
    const e = r.body.errors?.[0];
    expect(e?.extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(e?.extensions['maxComplexity']).toBe(500);
    expect(e?.extensions['complexity']).toBeGreaterThan(500);
    await expectWarnedNotErrored('QUERY_TOO_COMPLEX');
  });

  it('an operation with more fields than the cost walk takes is QUERY_TOO_COMPLEX with HTTP 400', async () => {
    const fields = Array.from({ length: 10_001 }, (_, i) => `f${i}: __typename`).join(' ');
    const r = await post(`{ ${fields} }`);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions['code']).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0].extensions['maxComplexity']).toBe(500);
    await expectWarnedNotErrored('QUERY_TOO_COMPLEX');
  });

  it('an operation deeper than the limit is GRAPHQL_VALIDATION_FAILED with HTTP 400, its depth and the limit', async () => {
    const r = await post('query Deep { products(first: 1) { nodes { variants { price { amount } } } } }');
    expect(r.status).toBe(400);
    const e = r.body.errors?.[0];
    expect(e?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e?.extensions['maxDepth']).toBe(3);
    expect(e?.extensions['depth']).toBe(4);
    await expectWarnedNotErrored('GRAPHQL_VALIDATION_FAILED');
  });

  it('an unknown field is GRAPHQL_VALIDATION_FAILED and unparsable text GRAPHQL_PARSE_FAILED, both HTTP 400', async () => {
    const unknown = await post('{ nothingHere }');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0].extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    await expectWarnedNotErrored('GRAPHQL_VALIDATION_FAILED');
    const garbled = await post('{ products(first: ');
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors?.[0].extensions['code']).toBe('GRAPHQL_PARSE_FAILED');
    await expectWarnedNotErrored('GRAPHQL_PARSE_FAILED');
  });

  it('a warning about a bad variable does not copy its value into the log', async () => {
    const r = await post('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { email: 'someone@example.test', password: 'hunter2-secret-value', extra: 'x' },
    });
    expect(r.status).toBe(400);
    const lines = await newLogLines((fresh) => fresh.some((l) => l.level === 40));
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|someone@example/);
  });
});
