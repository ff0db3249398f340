import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '@vitrine/shared/testing';
import { createApp } from '../../apps/api/src/app/create-app';

export interface GqlResult<T = any> {
  status: number;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface ApiHarness {
  db: TestDatabase;
  app: NestExpressApplication;
  baseUrl: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API on a fresh database, listening on an ephemeral loopback port. */
export async function startApi(): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const app = await createApp();
  await app.listen(0, '127.0.0.1');
  // Idle keep-alive sockets outlive the client's (undici: 4 s): createApp keeps them 65 s
  // (HTTP_KEEP_ALIVE_TIMEOUT_MS), so the server does not close one just as a test, back from
  // several seconds of database setup, sends on it (ECONNRESET, as Node's own 5 s did).
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const gql: ApiHarness['gql'] = (query, variables = {}, token = null) => gqlAt(baseUrl, query, variables, token);
  return {
    db,
    app,
    baseUrl,
    gql,
    async login(email, password = TEST_PASSWORD) {
      const r = await gql<{ login: { accessToken: string } }>(
        'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
        { i: { email, password } },
      );
      if (!r.data) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
      return r.data.login.accessToken;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** One GraphQL request over HTTP to the API at `baseUrl` (in this process or another). */
export async function gqlAt<T = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token: string | null = null): Promise<GqlResult<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T | null; errors?: GqlResult['errors'] };
  return { status: res.status, data: body.data ?? null, errors: body.errors };
}

/** The stable error code of the first error, for assertions. */
export const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.['code'];
