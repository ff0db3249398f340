/** Who is calling, as proven by their access token. Built once per request. */
export type ActorRole = 'PLATFORM_ADMIN' | 'MUSEUM_MANAGER' | 'BRAND_PARTNER' | 'SHOPPER';

export interface Actor {
  userId: string;
  role: ActorRole;
  /** Museums a MUSEUM_MANAGER may manage; empty for other roles. */
  museumIds: readonly string[];
  /** The brand of a BRAND_PARTNER; null for other roles. */
  brandId: string | null;
}

export function isPlatformAdmin(actor: Actor | null | undefined): boolean {
  return actor?.role === 'PLATFORM_ADMIN';
}

/** True when the actor may manage this museum's back office. */
export function canManageMuseum(actor: Actor | null | undefined, museumId: string): boolean {
  if (!actor) return false;
  if (actor.role === 'PLATFORM_ADMIN') return true;
  return actor.role === 'MUSEUM_MANAGER' && actor.museumIds.includes(museumId);
}

/** Museum ids the actor may manage, or 'ALL' for an operator. */
export function managedMuseumScope(actor: Actor): readonly string[] | 'ALL' {
  if (actor.role === 'PLATFORM_ADMIN') return 'ALL';
  if (actor.role === 'MUSEUM_MANAGER') return actor.museumIds;
  return [];
}
