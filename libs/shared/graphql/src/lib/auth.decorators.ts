import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, ActorRole } from './actor';
import type { RequestContext } from './request-context';

export const PUBLIC_KEY = 'vitrine:public';
export const ROLES_KEY = 'vitrine:roles';

/** Open to anyone, signed in or not (shopper browsing, login). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Signed in with one of these roles. Without @Roles or @Public, any signed-in user. */
export const Roles = (...roles: ActorRole[]) => SetMetadata(ROLES_KEY, roles);

export function requestContextOf(context: ExecutionContext): RequestContext {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<RequestContext>();
  }
  const req = context.switchToHttp().getRequest();
  return { req, res: context.switchToHttp().getResponse(), actor: req.actor ?? null } as RequestContext;
}

/** The signed-in actor (null on @Public operations called anonymously). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => {
  return requestContextOf(context).actor ?? null;
});
