// Server-side GraphQL client of the shop (server components, server actions, route handlers).
// Sends the shopper's access token from its httpOnly cookie (proxy.ts refreshes it before the
// page renders) and the shopper's address for the API's per-address limits.
import { cookies, headers } from 'next/headers';
import { COOKIE } from './config';
import { dataOrThrow, postGraphql, type GqlResponse } from './transport';

export type { GqlResponse } from './transport';

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
  const forwardedFor = (await headers()).get('x-forwarded-for');
  const accessToken = options.accessToken !== undefined ? options.accessToken : options.auth === false ? null : ((await cookies()).get(COOKIE.access)?.value ?? null);
  return postGraphql<T>(query, variables, { forwardedFor, accessToken, timeoutMs: options.timeoutMs });
}

/** Data, or a ShopApiError carrying the first error's `extensions.code`. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
  return dataOrThrow(await gqlRequest<T>(query, variables, options));
}
