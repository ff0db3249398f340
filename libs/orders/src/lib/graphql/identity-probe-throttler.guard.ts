import { Injectable, type ExecutionContext } from '@nestjs/common';
import { KeyedGqlThrottlerGuard, requestContextOf } from '@vitrine/shared/graphql';

/**
 * Rate limits GraphQL queries that take a resident ID number, counted per client address and
 * account: each answers for one identity only, and the limit keeps anyone from walking through
 * ID numbers.
 */
@Injectable()
export class IdentityProbeThrottlerGuard extends KeyedGqlThrottlerGuard {
  protected throttleKey(context: ExecutionContext): string {
    return requestContextOf(context).actor?.userId ?? '';
  }
}
