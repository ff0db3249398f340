import { ForbiddenError, NotFoundError, type Actor } from '@vitrine/shared/kernel';
import { EVENT_PARTY, type ProposalEvent } from '../domain/proposal-workflow';

/**
 * Licensing tenancy, in one place. A brand partner sees its brand's proposals, agreements,
 * sales and statements; a museum manager what concerns its museums, and a proposal only
 * once it has been submitted (drafts are the brand's own); an operator everything. What a
 * caller may not see answers NOT_FOUND; what it sees but may not do answers FORBIDDEN.
 */
export type LicensingScope = { brandId: string } | { museumIds: readonly string[] } | 'ALL';

export function scopeOf(actor: Actor): LicensingScope | null {
  if (actor.role === 'PLATFORM_ADMIN') return 'ALL';
  if (actor.role === 'BRAND_PARTNER' && actor.brandId) return { brandId: actor.brandId };
  if (actor.role === 'MUSEUM_MANAGER') return { museumIds: actor.museumIds };
  return null;
}

interface Owned {
  museumId: string;
  brandId: string;
}

const isBrandOf = (actor: Actor, o: Owned) => actor.role === 'BRAND_PARTNER' && actor.brandId !== null && actor.brandId === o.brandId;
const isMuseumOf = (actor: Actor, o: Owned) => actor.role === 'MUSEUM_MANAGER' && actor.museumIds.includes(o.museumId);

export function canSeeProposal(actor: Actor, p: Owned & { firstSubmittedAt: Date | null }): boolean {
  return actor.role === 'PLATFORM_ADMIN' || isBrandOf(actor, p) || (isMuseumOf(actor, p) && p.firstSubmittedAt !== null);
}

/** Agreements, licensed products, ledger entries and statements: both parties and operators. */
export function canSeeAgreementOf(actor: Actor, o: Owned): boolean {
  return actor.role === 'PLATFORM_ADMIN' || isBrandOf(actor, o) || isMuseumOf(actor, o);
}

export function assertSeesProposal<P extends Owned & { firstSubmittedAt: Date | null }>(actor: Actor, p: P | null): P {
  if (!p || !canSeeProposal(actor, p)) throw new NotFoundError('Proposal');
  return p;
}

/**
 * The brand authors (revise, submit, withdraw, amend); the museum, or an operator acting
 * for it, reviews. Called once the proposal is known to be visible.
 */
export function assertMayFire(actor: Actor, p: Owned, event: ProposalEvent): void {
  const ok = EVENT_PARTY[event] === 'BRAND' ? isBrandOf(actor, p) : actor.role === 'PLATFORM_ADMIN' || isMuseumOf(actor, p);
  if (!ok) throw new ForbiddenError(EVENT_PARTY[event] === 'BRAND' ? 'Only the proposing brand may do this' : 'Only the museum may review this proposal');
}

/** The side the caller acts on for a proposal, for `allowedActions`. */
export function partyOf(actor: Actor, p: Owned): 'BRAND' | 'MUSEUM' | null {
  if (isBrandOf(actor, p)) return 'BRAND';
  if (actor.role === 'PLATFORM_ADMIN' || isMuseumOf(actor, p)) return 'MUSEUM';
  return null;
}

/** Listing a licensed product on the museum's storefront is the museum's call. */
export function mayManageListing(actor: Actor, o: { museumId: string }): boolean {
  return actor.role === 'PLATFORM_ADMIN' || (actor.role === 'MUSEUM_MANAGER' && actor.museumIds.includes(o.museumId));
}

/** The result of a locked move, or NOT_FOUND when the proposal vanished meanwhile. */
export function found<T>(row: T | null): T {
  if (row === null) throw new NotFoundError('Proposal');
  return row;
}
