import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Rate limits GraphQL operations. Login attempts are counted per client address and
 * email, so one attacker cannot lock other people out and cannot spray one account.
 */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  override getRequestResponse(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<{ req: Request; res: Record<string, unknown> }>();
    const args = gql.getArgs<{ input?: { email?: unknown } }>();
    (ctx.req as Request & { throttleEmail?: string }).throttleEmail =
      typeof args.input?.email === 'string' ? args.input.email.trim().toLowerCase() : '';
    return { req: ctx.req, res: ctx.res };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `${String(req['ip'] ?? '')}|${String(req['throttleEmail'] ?? '')}`;
  }
}
