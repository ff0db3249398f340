import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { GqlExecutionContext } from '@nestjs/graphql';
import { KeyedGqlThrottlerGuard, type ThrottleScope } from '@vitrine/shared/graphql';

/** Throttler names of the sign-in limits (the API's ThrottlerModule defines them). */
export const LOGIN_THROTTLER = 'login';
export const LOGIN_ADDRESS_THROTTLER = 'loginAddress';
/** The mutations under GqlThrottlerGuard (for earlyThrottlePlugin). */
export const THROTTLED_AUTH_MUTATIONS = ['login', 'refreshSession', 'registerShopper'] as const;

/**
 * Rate limits sign-in, refresh and sign-up. Attempts are counted per client address and
 * email, so one attacker cannot lock other people out nor spray one account; and per client
 * address alone, so one address cannot spread a flood over many emails (each attempt costs an
 * argon2 verification; a refused one costs none).
 */
@Injectable()
export class GqlThrottlerGuard extends KeyedGqlThrottlerGuard {
  protected readonly scopes: Readonly<Record<string, ThrottleScope>> = {
    [LOGIN_THROTTLER]: 'addressAndKey',
    [LOGIN_ADDRESS_THROTTLER]: 'address',
  };

  protected throttleKey(_context: ExecutionContext, gql: GqlExecutionContext): string {
    const args = gql.getArgs<{ input?: { email?: unknown } }>();
    return typeof args.input?.email === 'string' ? args.input.email.trim().toLowerCase() : '';
  }
}
