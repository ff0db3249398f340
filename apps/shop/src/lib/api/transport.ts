// The GraphQL request itself, without next/headers: the product page in pages/ (ADR 0027) may not
// import it (Next refuses next/headers in the Pages Router), so the address and the token are
// given by the caller. lib/api/client.ts reads them from the request for the App Router.
import { apiUrl } from './config';
import { ShopApiError, type GqlError } from './errors';

export interface GqlResponse<T> {
  data: T | null;
  errors: GqlError[];
}

export interface Transport {
  /** The shopper's X-Forwarded-For, passed on for the API's per-address limits. */
  forwardedFor: string | null;
  /** Bearer token; null: anonymous. */
  accessToken: string | null;
  /** Abort after this many ms (default 15 s). */
  timeoutMs?: number;
}

/** The raw answer: data and errors side by side. */
export async function postGraphql<T>(query: string, variables: Record<string, unknown>, transport: Transport): Promise<GqlResponse<T>> {
  const requestHeaders: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (transport.forwardedFor) requestHeaders['x-forwarded-for'] = transport.forwardedFor;
  if (transport.accessToken) requestHeaders['authorization'] = `Bearer ${transport.accessToken}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(), {
      method: 'POST',
      headers: requestHeaders,
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(transport.timeoutMs ?? 15_000),
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
export function dataOrThrow<T>({ data, errors }: GqlResponse<T>): T {
  if (errors.length || !data) {
    const first = errors[0];
    throw new ShopApiError(String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), first?.message ?? 'no data', errors);
  }
  return data;
}
