import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';

/** Seconds a client is told to wait (Retry-After) when the database could not be reached. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// Prisma: can't reach the server, timed out reaching it, server closed the connection, pool timeout, transaction start timeout.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028']);
// Driver adapters' error kinds for the same.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'DatabaseUnavailable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES = /connection terminated|timeout exceeded when trying to connect|can't reach database server|connection (?:refused|reset)|server closed the connection|client has encountered a connection error|terminating connection/i;

/**
 * True when the error (or one it wraps) says the database could not be reached or dropped the
 * connection: a refused or lost socket, a pool or connect timeout, SQLSTATE class 08
 * (connection exception), 57P01-57P03 (shutdown, cannot connect now) or 53300 (too many
 * connections). PostgreSQL rolls back whatever transaction was open, so the request wrote
 * nothing and may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e = error as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | null | undefined;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== 'string') continue;
      if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    }
    if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    // AggregateError (a connect attempt on several addresses) carries its causes in `errors`.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * An operation that failed because the database was unreachable answers HTTP 503 with
 * Retry-After (its error is SERVICE_UNAVAILABLE, see formatGraphQLError), so clients and
 * proxies retry instead of reading a 200.
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (!errors?.some((e) => isDatabaseUnavailable(unwrapResolverError(e)))) return;
          // @nestjs/apollo's own plugin sets 200 on any answer with `data` (null included) in the same
          // willSendResponse round; our status is set a tick later so it is the one sent.
          await Promise.resolve();
          response.http.status = 503;
          response.http.headers.set('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
