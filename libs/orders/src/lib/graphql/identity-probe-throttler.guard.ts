import { Injectable, type ExecutionContext } from '@nestjs/common';
import { KeyedGqlThrottlerGuard, requestContextOf, type ThrottleScope } from '@vitrine/shared/graphql';

/**
 * Rate limits GraphQL queries that take a resident ID number, counted per client address and
 * account: each answers for one identity only, and the limit keeps anyone from walking through
 * ID numbers.
 */
@Injectable()
export class IdentityProbeThrottlerGuard extends KeyedGqlThrottlerGuard {
  // The API's keyed throttler; its limit is the resolver's @Throttle (QUOTA_QUERY_RATE_LIMIT).
  protected readonly scopes: Readonly<Record<string, ThrottleScope>> = { login: 'addressAndKey' };

  protected throttleKey(context: ExecutionContext): string {
    return requestContextOf(context).actor?.userId ?? '';
  }
}
