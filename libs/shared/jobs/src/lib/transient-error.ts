/**
 * Errors that say "the infrastructure is away for now" rather than "this job is wrong": the
 * database or a remote refusing or dropping connections, timing out, out of connections.
 * The job runner retries them without spending the job's attempts (see JobRunner), so an
 * outage does not dead-letter jobs that would succeed once it is over.
 */

/** Socket errors of Node, undici (fetch) and node-postgres. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTCONN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Prisma: server unreachable, timed out, connection closed, pool timeout, transaction could not start, too many connections. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);

/** Prisma's driver-adapter error kinds for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);

/** PostgreSQL SQLSTATE: connection exceptions (class 08), shutdown/restart (57P01-57P03), too many connections. */
const isTransientSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code);

/** Messages of errors that carry no code: node-postgres, ioredis, Prisma's wrapped texts, our own timeouts. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Timed out fetching a new connection/i,
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)\b/,
  /\b(DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections)\b/,
];

export function isTransientInfrastructureError(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== 'object') return false;
  const e = error as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; errors?: unknown; meta?: unknown };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code !== 'string') continue;
    if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || isTransientSqlState(code)) return true;
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isTransientInfrastructureError(inner, depth + 1))) return true;
  return isTransientInfrastructureError(e.cause, depth + 1) || isTransientInfrastructureError(e.meta, depth + 1);
}
