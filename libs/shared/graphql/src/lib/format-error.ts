import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@vitrine/shared/kernel';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './service-unavailable';
import { ThrottledException } from './keyed-throttler.guard';

/** Codes Apollo and graphql-js raise themselves for a client's mistake, passed through untouched. */
const TRANSPORT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'THROTTLED',
  'QUERY_TOO_COMPLEX',
]);

/**
 * Maps every error a client can see to a stable `extensions.code`. Domain errors carry
 * their own code and details; anything unexpected (Prisma, Stripe, Redis, bugs) becomes
 * INTERNAL_SERVER_ERROR with no internals leaked and goes to `onInternal`. A client's
 * mistake in the request itself (unparsable, invalid, a bad variable, too costly, throttled)
 * goes to `onClientError`, with a message fit for a log: no value the client sent.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => void = () => undefined,
  onClientError: (code: string, message: string) => void = () => undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { ...original.details, code: original.code },
    };
  }
  const throttled = original as { name?: string } | undefined;
  if (original instanceof ThrottledException || throttled?.name === 'ThrottlerException') {
    const retryAfter = original instanceof ThrottledException ? { retryAfter: original.retryAfterSeconds } : {};
    onClientError('THROTTLED', `${formatted.path?.join('.') ?? 'operation'} throttled`);
    return { message: 'Too many requests, try again later', path: formatted.path, extensions: { code: 'THROTTLED', ...retryAfter } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && TRANSPORT_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    onClientError(code, messageForLog(formatted.message));
    return { ...formatted, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    // Retryable: the transaction was rolled back (HTTP 503 + Retry-After: serviceUnavailablePlugin).
    return { message: 'The service is briefly unavailable; try again', path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } };
  }
  onInternal(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * graphql-js quotes what the client sent in its messages (`Variable "$i" got invalid value
 * { email: "…", password: "…" }; Field "x" is not defined…`, `Int cannot represent non-integer
 * value: "…"`, `Expected Name, found String "…"`): the log keeps the names and the reason, not
 * those values.
 */
export function messageForLog(message: string): string {
  const variable = /^(Variable "\$\w+" got invalid value) .*; ([^;]*)$/s.exec(message);
  const text = variable ? `${variable[1]} [redacted]; ${variable[2]}` : message;
  return text.replace(/\b(value:|found) .*$/s, '$1 [redacted]');
}
