import { randomBytes } from 'node:crypto';
import { createTestDatabase, createUser, type TestDatabase } from '@vitrine/shared/testing';
import { codeOf, startApi, type ApiHarness } from '../support/api-harness';
import { PRODUCTION_TEST_SECRETS, apiListening, spawnApp, waitForHttp, type SpawnedProcess } from '../support/spawn-api';
import { dropQueues } from '../support/worker-process';

describe('GraphQL protection (development mode)', () => {
  let api: ApiHarness;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApi();
    const admin = await createUser(api.db.prisma, 'PLATFORM_ADMIN');
    adminToken = await api.login(admin.email);
  });
  afterAll(() => api.close());

  it('refuses pages larger than 100', async () => {
    const r = await api.gql('{ users(first: 101) { totalCount } }', {}, adminToken);
    expect(codeOf(r)).toBe('VALIDATION_FAILED');
    expect(r.errors![0].extensions!['fields']).toEqual([{ path: 'first', message: 'must be between 1 and 100' }]);
    expect((await api.gql('{ users(first: 100) { totalCount } }', {}, adminToken)).data.users.totalCount).toBe(1);
  });

  it('refuses queries whose cost exceeds the limit, counting page sizes', async () => {
    const one = (n: number) => `u${n}: users(first: 100) { nodes { id email displayName role museumIds brandId disabled createdAt } }`;
    const r = await api.gql(`{ ${[1, 2, 3, 4, 5, 6].map(one).join(' ')} }`, {}, adminToken);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    const cheap = await api.gql(`{ ${one(1)} }`, {}, adminToken);
    expect(cheap.errors).toBeUndefined();
  });

  it('prices page sizes given as variables, whatever was asked before with the same document', async () => {
    const doc = `query($n: Int, $m: Int) { ${[1, 2, 3, 4, 5, 6].map((i) => `u${i}: users(first: $n) { nodes { id email displayName role museumIds brandId disabled createdAt } }`).join(' ')} v: users(first: $m) { nodes { id } } }`;
    for (const [n, code] of [[10, undefined], [100, 'QUERY_TOO_COMPLEX'], [10, undefined], [100, 'QUERY_TOO_COMPLEX']] as const) {
      const r = await api.gql(doc, { n, m: 1 }, adminToken);
      expect(r.errors?.[0]?.extensions?.['code']).toBe(code);
    }
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batching/i);
  });

  it('keeps no persisted queries: a hash with its query is refused, not stored, and the hash alone is unknown', async () => {
    const query = '{ __typename }';
    const sha256Hash = (await import('node:crypto')).createHash('sha256').update(query).digest('hex');
    const send = (body: unknown) =>
      fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (res) => ({ status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } }));
    const register = await send({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(register.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(register.body.data).toBeUndefined();
    const byHash = await send({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    // The plain query still runs.
    expect((await send({ query })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('hides internal errors behind INTERNAL_SERVER_ERROR', async () => {
    // A malformed UUID reaches PostgreSQL, whose error must not leak.
    const r = await api.gql('query($id: ID!) { brand(id: $id) { id } }', { id: 'not-a-uuid' }, adminToken);
    expect(['NOT_FOUND', 'INTERNAL_SERVER_ERROR', 'VALIDATION_FAILED']).toContain(codeOf(r));
    expect(JSON.stringify(r.errors)).not.toMatch(/prisma|postgres|invalid input syntax/i);
  });
});

describe('GraphQL protection (production mode, separate process)', () => {
  let db: TestDatabase;
  let proc: SpawnedProcess;
  let url: string;
  // Its sign-in counters in Redis under a prefix of its own: under the default one, a run within a
  // minute of another (a re-run, another engineer's suite) started with 'victim' already throttled.
  const prefix = `test-gql-protection-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    // A fresh database for the spawned process (no API in this process: nothing here asks one).
    db = await createTestDatabase();
    proc = spawnApp('apps/api/src/main.ts', {
      ...PRODUCTION_TEST_SECRETS,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      LOGIN_RATE_LIMIT: '3',
      GRAPHQL_MAX_DEPTH: '1',
      LOG_LEVEL: 'silent',
    });
    url = await apiListening(proc, 30_000);
    await waitForHttp(`${url}/health`);
  }, 60_000);
  afterAll(async () => {
    await proc.stop();
    await db.drop();
    await dropQueues(prefix);
  });

  const post = async (body: unknown) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
  };

  it('refuses queries nested deeper than the depth limit (1 here)', async () => {
    const shallow = await post({ query: '{ me { id } }' });
    expect(shallow.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const deep = await post({ query: 'mutation { login(input: { email: "a@b.fr", password: "x" }) { user { id } } }' });
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.body.errors?.[0].message).toMatch(/exceeds maximum operation depth/);
    // The same texts again go through the document store (production's, bounded by bytes): the
    // valid one answers as before, the refused one was not stored and is refused again.
    expect((await post({ query: '{ me { id } }' })).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const again = await post({ query: 'mutation { login(input: { email: "a@b.fr", password: "x" }) { user { id } } }' });
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('turns introspection off', async () => {
    const r = await post({ query: '{ __schema { queryType { name } } }' });
    expect(r.body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('gives no field suggestions', async () => {
    const r = await post({ query: '{ mee { id } }' });
    expect(r.body.errors?.[0].message).not.toMatch(/did you mean/i);
  });

  it('rate limits login attempts per address and email', async () => {
    const attempt = (email: string) =>
      post({ query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', variables: { i: { email, password: 'wrong-password' } } });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await attempt('victim@example.test')).body.errors?.[0].extensions.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'THROTTLED', 'THROTTLED']);
    // Another account from the same address is not locked out by the first one's attempts.
    expect((await attempt('someone-else@example.test')).body.errors?.[0].extensions.code).toBe('INVALID_CREDENTIALS');
  });
});
