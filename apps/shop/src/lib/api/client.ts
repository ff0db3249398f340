// Server-side GraphQL client of the shop (server components, server actions, route handlers).
// Sends the shopper's access token from its httpOnly cookie (proxy.ts refreshes it before the
// page renders) and the shopper's address for the API's per-address limits.
import { cookies, headers } from 'next/headers';
import { apiUrl, COOKIE } from './config';
import { ShopApiError, type GqlError } from './errors';

export interface GqlResponse<T> {
  data: T | null;
  errors: GqlError[];
}

export interface RequestOptions {
  /** Send the signed-in shopper's token (default true). */
  auth?: boolean;
  /** An explicit access token (e.g. right after login, before the cookie is readable). */
  accessToken?: string | null;
  /** Abort after this many ms (default 15 s). */
  timeoutMs?: number;
}

/** The raw answer: data and errors side by side (for mutations whose refusals a form shows). */
export async function gqlRequest<T>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<GqlResponse<T>> {
  const requestHeaders: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const incoming = await headers();
  const forwardedFor = incoming.get('x-forwarded-for');
  if (forwardedFor) requestHeaders['x-forwarded-for'] = forwardedFor;
  const token = options.accessToken !== undefined ? options.accessToken : options.auth === false ? null : (await cookies()).get(COOKIE.access)?.value;
  if (token) requestHeaders['authorization'] = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(), {
      method: 'POST',
      headers: requestHeaders,
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new ShopApiError('SERVICE_UNAVAILABLE', `API unreachable: ${String(error)}`);
  }
  let body: { data?: T | null; errors?: GqlError[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ShopApiError(res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR', `API answered ${res.status} without JSON`);
  }
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** Data, or a ShopApiError carrying the first error's `extensions.code`. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
  const { data, errors } = await gqlRequest<T>(query, variables, options);
  if (errors.length || !data) {
    const first = errors[0];
    throw new ShopApiError(String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first?.message ?? 'no data', errors);
  }
  return data;
}
