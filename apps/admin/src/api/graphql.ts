import { ApiError, networkError, toApiError, type FieldMapper, type GqlErrorPayload } from './errors';
import { graphql } from '../generated';
import type { RefreshMutation, TypedDocumentString } from '../generated/graphql';
import { readSession, writeSession, type Session } from './session';

const ENDPOINT = '/graphql';
/** Refresh this long before the access token expires. */
const REFRESH_AHEAD_MS = 60_000;

const REFRESH = graphql(`
  mutation Refresh($t: String!) {
    refreshSession(refreshToken: $t) { accessToken refreshToken expiresIn user { id email displayName role museumIds brandId } }
  }
`);
/** What login and refreshSession answer (the same fields). */
type AuthSessionPayload = RefreshMutation['refreshSession'];

export function toSession(payload: AuthSessionPayload): Session {
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: Date.now() + payload.expiresIn * 1000,
    user: payload.user,
  };
}

async function post<T>(query: string, variables: Record<string, unknown>, token: string | null) {
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw networkError();
  }
  let body: { data?: T | null; errors?: GqlErrorPayload[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw networkError();
  }
  return body;
}

// Refresh tokens rotate and a replayed one revokes the whole session, so every caller
// that needs a refresh shares the one in flight.
let inflight: Promise<Session> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

export function refreshSession(): Promise<Session> {
  inflight ??= (async () => {
    const current = readSession();
    if (!current) throw new ApiError('vitrine.errors.unauthenticated', 'UNAUTHENTICATED', 401, {});
    const body = await post<{ refreshSession: AuthSessionPayload }>(REFRESH.toString(), { t: current.refreshToken }, null);
    if (!body.data?.refreshSession) {
      const error = toApiError(body.errors?.[0] ?? { message: 'refresh failed', extensions: { code: 'UNAUTHENTICATED' } });
      // A network blip keeps the session; a refused token ends it.
      if (error.status === 401) startSession(null);
      throw error.status === 401 ? new ApiError('vitrine.errors.session_expired', 'UNAUTHENTICATED', 401, {}) : error;
    }
    const next = toSession(body.data.refreshSession);
    startSession(next);
    return next;
  })().finally(() => {
    inflight = null;
  });
  return inflight;
}

/** Stores the session and arms the silent refresh shortly before the access token expires. */
export function startSession(session: Session | null): void {
  writeSession(session);
  clearTimeout(timer);
  if (!session) return;
  const delay = Math.max(session.expiresAt - Date.now() - REFRESH_AHEAD_MS, 1_000);
  timer = setTimeout(() => {
    refreshSession().catch(() => undefined);
  }, delay);
}

/** Re-arms the refresh timer after a page reload. */
export function resumeSession(): Session | null {
  const session = readSession();
  if (session && !timer) startSession(session);
  return session;
}

export interface GqlOptions {
  /** Renames server error paths to form field names. */
  mapField?: FieldMapper;
  /** Skip the bearer token (login, logout). */
  anonymous?: boolean;
}

/**
 * Runs one GraphQL operation as the signed-in user: a `graphql(...)` document (checked against
 * the schema by codegen, its result and variables typed), or a string. An expired or expiring access token
 * is refreshed first; an UNAUTHENTICATED answer triggers one refresh and one retry.
 * The first GraphQL error is thrown as an ApiError (react-admin HttpError).
 */
export async function gql<T, V extends Record<string, unknown>>(query: TypedDocumentString<T, V>, variables?: V, options?: GqlOptions): Promise<T>;
/** An operation whose text is built at run time: unchecked, its result type declared by hand. */
export async function gql<T>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<T>;
export async function gql<T>(document: string | TypedDocumentString<T, Record<string, unknown>>, variables: Record<string, unknown> = {}, options: GqlOptions = {}): Promise<T> {
  const query = document.toString();
  let session = options.anonymous ? null : readSession();
  if (session && session.expiresAt - Date.now() < 30_000) session = await refreshSession();
  let body = await post<T>(query, variables, session?.accessToken ?? null);
  if (session && body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') {
    const latest = readSession();
    // Another request may already have rotated the tokens: use the new ones.
    session = latest && latest.accessToken !== session.accessToken ? latest : await refreshSession();
    body = await post<T>(query, variables, session.accessToken);
  }
  if (body.errors?.length) throw toApiError(body.errors[0]!, options.mapField);
  if (!body.data) throw networkError();
  return body.data;
}

/**
 * A GET of a file the API serves behind the bearer token (royalty statements' CSV and
 * PDF), with the same refresh-and-retry as gql(). Answers the body as a Blob.
 */
export async function fetchAuthorized(path: string): Promise<Blob> {
  let session = readSession();
  if (!session) throw new ApiError('vitrine.errors.unauthenticated', 'UNAUTHENTICATED', 401, {});
  if (session.expiresAt - Date.now() < 30_000) session = await refreshSession();
  const get = async (token: string) => {
    try {
      return await fetch(path, { headers: { authorization: `Bearer ${token}` } });
    } catch {
      throw networkError();
    }
  };
  let res = await get(session.accessToken);
  if (res.status === 401) res = await get((await refreshSession()).accessToken);
  if (res.status === 404) throw new ApiError('vitrine.errors.not_found', 'NOT_FOUND', 404, {});
  if (res.status === 403) throw new ApiError('vitrine.errors.forbidden', 'FORBIDDEN', 403, {});
  if (!res.ok) throw new ApiError('vitrine.errors.internal', 'INTERNAL_SERVER_ERROR', res.status, {});
  return res.blob();
}
