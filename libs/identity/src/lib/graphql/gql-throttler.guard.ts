import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { GqlExecutionContext } from '@nestjs/graphql';
import { KeyedGqlThrottlerGuard } from '@vitrine/shared/graphql';

/**
 * Rate limits GraphQL operations. Login attempts are counted per client address and
 * email, so one attacker cannot lock other people out and cannot spray one account.
 */
@Injectable()
export class GqlThrottlerGuard extends KeyedGqlThrottlerGuard {
  protected throttleKey(_context: ExecutionContext, gql: GqlExecutionContext): string {
    const args = gql.getArgs<{ input?: { email?: unknown } }>();
    return typeof args.input?.email === 'string' ? args.input.email.trim().toLowerCase() : '';
  }
}
