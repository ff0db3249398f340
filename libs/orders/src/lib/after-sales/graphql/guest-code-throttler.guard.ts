import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { GqlExecutionContext } from '@nestjs/graphql';
import { KeyedGqlThrottlerGuard, type ThrottleScope } from '@vitrine/shared/graphql';

/**
 * Rate limits the guest's code mutations per client address and order number (the API's keyed
 * `login` throttler, limit GUEST_CODE_RATE_LIMIT a minute), on top of the per-order limits kept
 * with the codes (one send a GUEST_CODE_RESEND_SECONDS, GUEST_CODE_MAX_PER_HOUR an hour,
 * GUEST_CODE_MAX_ATTEMPTS tries a code).
 */
@Injectable()
export class GuestCodeThrottlerGuard extends KeyedGqlThrottlerGuard {
  protected readonly scopes: Readonly<Record<string, ThrottleScope>> = { login: 'addressAndKey' };

  protected throttleKey(_context: ExecutionContext, gql: GqlExecutionContext): string {
    const args = gql.getArgs<{ input?: { orderNumber?: unknown } }>();
    return `guest-code:${typeof args.input?.orderNumber === 'string' ? args.input.orderNumber.trim().toUpperCase() : ''}`;
  }
}
