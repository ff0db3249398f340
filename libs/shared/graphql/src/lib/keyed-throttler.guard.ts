import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { normalizeIp, ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import type { RequestContext } from './request-context';

type Tracked = Record<string, unknown> & { throttleKey?: string };

/** How a named throttler counts: per client address and the operation's key, or per address alone. */
export type ThrottleScope = 'addressAndKey' | 'address';

/**
 * A refused attempt, with the seconds until the client may try again (Retry-After). Built
 * without a stack: graphql-js copies the stack of the error it wraps, and formatting one
 * (source-mapped, frame by frame) would be most of what a refusal costs during a flood.
 */
export class ThrottledException extends ThrottlerException {
  readonly retryAfterSeconds: number;
  private constructor(retryAfterSeconds: number) {
    super('Too many requests, try again later');
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static after(retryAfterSeconds: number): ThrottledException {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return new ThrottledException(retryAfterSeconds);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/**
 * @nestjs/throttler for GraphQL operations. Each subclass names which of the ThrottlerModule's
 * throttlers it counts, and how: per client address and a key the operation names (an email
 * being signed in to, the account asking about an identity…), or per client address alone,
 * one counter shared by every operation under the guard. Throttlers it does not name are not
 * counted. A refused attempt answers THROTTLED with an HTTP Retry-After header.
 *
 * The client address is Express's `req.ip`: the socket's peer unless TRUST_PROXY names the
 * proxies whose X-Forwarded-For may be believed. IPv6 addresses count per /64.
 */
@Injectable()
export abstract class KeyedGqlThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly scopes: Readonly<Record<string, ThrottleScope>>;

  /** What, besides the client address, one counter is kept for. */
  protected abstract throttleKey(context: ExecutionContext, gql: GqlExecutionContext): string;

  override getRequestResponse(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<{ req: Tracked; res: Record<string, unknown> }>();
    ctx.req.throttleKey = this.throttleKey(context, gql);
    return { req: ctx.req, res: ctx.res };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `${addressOf(req)}|${String(req['throttleKey'] ?? '')}`;
  }

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const name = request.throttler.name ?? 'default';
    const scope: ThrottleScope | undefined = this.scopes[name];
    switch (scope) {
      case undefined:
        return true;
      case 'addressAndKey':
        return super.handleRequest(request);
      case 'address': {
        const { req } = this.getRequestResponse(request.context);
        const address = addressOf(req);
        try {
          return await super.handleRequest({
            ...request,
            getTracker: () => address,
            // Not per operation: every operation under this guard spends one budget.
            generateKey: (_context, tracker) => `${this.constructor.name}:${name}:${tracker}`,
          });
        } catch (error) {
          if (error instanceof ThrottledException) refuse(`${this.constructor.name}|${address}`, error.retryAfterSeconds);
          throw error;
        }
      }
    }
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    this.setResponseHeader(this.getRequestResponse(context).res, 'Retry-After', retryAfter);
    throw ThrottledException.after(retryAfter);
  }
}

/** Addresses a guard refused per address alone, until when (epoch ms); per process, as the counters are. */
const refusedAddresses = new Map<string, number>();

function refuse(key: string, seconds: number): void {
  const now = Date.now();
  if (refusedAddresses.size >= 10_000) for (const [k, until] of refusedAddresses) if (until <= now) refusedAddresses.delete(k);
  refusedAddresses.set(key, now + seconds * 1000);
}

/**
 * Seconds the client address of `req` must still wait after `guard` refused it per address
 * alone, or 0: lets a flood's later attempts be answered before execution (earlyThrottlePlugin).
 */
export function secondsRefused(guard: abstract new (...args: never[]) => KeyedGqlThrottlerGuard, req: Record<string, unknown>): number {
  const key = `${guard.name}|${addressOf(req)}`;
  const until = refusedAddresses.get(key);
  if (until === undefined) return 0;
  const left = Math.ceil((until - Date.now()) / 1000);
  if (left > 0) return left;
  refusedAddresses.delete(key);
  return 0;
}

export function addressOf(req: Record<string, unknown>): string {
  const ip = req['ip'];
  return typeof ip === 'string' && ip !== '' ? normalizeIp(ip) : '';
}

/**
 * Answers THROTTLED before execution to a mutation made only of `rootFields` (all under
 * `guard`) from an address that guard refused per address alone and that is still waiting:
 * the same answer the guard would give, without Nest's guard pipeline, so a flood's refused
 * attempts cost the API as little as possible. The guard stays the authority: it counts, and
 * refuses the first attempt over the limit; this only repeats its refusal.
 */
export function earlyThrottlePlugin(
  guard: abstract new (...args: never[]) => KeyedGqlThrottlerGuard,
  rootFields: readonly string[],
): ApolloServerPlugin<RequestContext> {
  const guarded = new Set(rootFields);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const fields = operation.selectionSet.selections;
          if (!fields.every((f) => f.kind === Kind.FIELD && guarded.has(f.name.value))) return;
          const seconds = secondsRefused(guard, contextValue.req as unknown as Record<string, unknown>);
          if (seconds <= 0) return;
          const first = fields[0];
          throw new GraphQLError('Too many requests, try again later', {
            path: first?.kind === Kind.FIELD ? [first.alias?.value ?? first.name.value] : undefined,
            extensions: { code: 'THROTTLED', retryAfter: seconds, http: { status: 200, headers: new Map([['retry-after', String(seconds)]]) } },
          });
        },
      };
    },
  };
}
