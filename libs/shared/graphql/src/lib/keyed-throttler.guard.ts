import { Injectable, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

type Tracked = Record<string, unknown> & { throttleKey?: string };

/**
 * @nestjs/throttler for GraphQL operations, counted per client address and a key the
 * operation names (an email being signed in to, the account asking about an identity…):
 * subclasses say which key.
 */
@Injectable()
export abstract class KeyedGqlThrottlerGuard extends ThrottlerGuard {
  /** What, besides the client address, one counter is kept for. */
  protected abstract throttleKey(context: ExecutionContext, gql: GqlExecutionContext): string;

  override getRequestResponse(context: ExecutionContext) {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<{ req: Tracked; res: Record<string, unknown> }>();
    ctx.req.throttleKey = this.throttleKey(context, gql);
    return { req: ctx.req, res: ctx.res };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return `${String(req['ip'] ?? '')}|${String(req['throttleKey'] ?? '')}`;
  }
}
