import { NotFoundError, canManageMuseum, type Actor } from '@vitrine/shared/kernel';

/** Another museum's object answers NOT_FOUND, exactly like a missing one. */
export function assertManages(actor: Actor, museumId: string, entity: string): void {
  if (!canManageMuseum(actor, museumId)) throw new NotFoundError(entity);
}
