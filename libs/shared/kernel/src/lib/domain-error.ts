/**
 * Stable, client-facing error codes. Each context defines its own code map and an error
 * class over DomainError; the GraphQL layer maps codes to `extensions.code`.
 */
export const CommonErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  CONFLICT: 'CONFLICT',
} as const;
export type CommonErrorCode = (typeof CommonErrorCode)[keyof typeof CommonErrorCode];

export interface FieldIssue {
  /** Dotted path into the input, e.g. `input.variants.0.sku`. */
  path: string;
  message: string;
}

const PLAIN_STACKS = process.env['NODE_ENV'] === 'production';

export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    /** Extra, non-sensitive facts a client can act on (field paths, remaining quota). */
    readonly details: Record<string, unknown> = {},
  ) {
    // An expected outcome (sold out, not found…), answered to the client and never logged with a
    // trace: in production no stack is captured at all (graphql-js reads it for every error, and
    // capturing and source-mapping it cost ~0.6 ms a request under a drop's sold-out answers).
    const limit = Error.stackTraceLimit;
    if (PLAIN_STACKS) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError<'NOT_FOUND'> {
  constructor(entity: string) {
    super('NOT_FOUND', `${entity} not found`);
  }
}

export class ForbiddenError extends DomainError<'FORBIDDEN'> {
  constructor(message = 'You may not do this') {
    super('FORBIDDEN', message);
  }
}

export class UnauthenticatedError extends DomainError<'UNAUTHENTICATED'> {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ConflictError extends DomainError<'CONFLICT'> {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class ValidationError extends DomainError<'VALIDATION_FAILED'> {
  constructor(readonly issues: FieldIssue[]) {
    super('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { fields: issues });
  }
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${JSON.stringify(value)}`);
}
