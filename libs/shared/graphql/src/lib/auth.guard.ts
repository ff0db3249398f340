import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@vitrine/shared/kernel';
import type { ActorRole } from './actor';
import { PUBLIC_KEY, ROLES_KEY, requestContextOf } from './auth.decorators';

/**
 * Global guard: every operation needs a signed-in actor unless marked @Public, and one
 * of the @Roles when given. Tenancy (which museum, which brand) is checked in services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const actor = requestContextOf(context).actor;
    if (!actor) throw new UnauthenticatedError();
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) throw new ForbiddenError();
    return true;
  }
}
