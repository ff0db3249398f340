import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { requestContextOf } from '@vitrine/shared/graphql';

type Tracked = Request & { throttleActor?: string };

/**
 * Rate limits GraphQL queries that take a resident ID number, counted per client address and
 * account: each answers for one identity only, and the limit keeps anyone from walking through
 * ID numbers.
 */
@Injectable()
export class IdentityProbeThrottlerGuard extends ThrottlerGuard {
  override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<{ req: Tracked; res: Record<string, unknown> }>();
    ctx.req.throttleActor = requestContextOf(context).actor?.userId ?? '';
    return { req: ctx.req, res: ctx.res };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `${String(req['ip'] ?? '')}|${String(req['throttleActor'] ?? '')}`;
  }
}
