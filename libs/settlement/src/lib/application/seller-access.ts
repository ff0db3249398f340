import { NotFoundError, isPlatformAdmin, type Actor } from '@vitrine/shared/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SellerRef = { sellerType: 'MUSEUM' | 'BRAND'; sellerId: string };

/**
 * The seller a caller asks about: a manager's own museum, a brand its own, the operator any;
 * without ids the caller's own (a manager of one museum, a brand). Anything else NOT_FOUND.
 */
export function ownSeller(actor: Actor, q: { museumId?: string | null; brandId?: string | null }): SellerRef {
  if (q.museumId && q.brandId) throw new NotFoundError('Seller');
  if (q.museumId) {
    const visible = isPlatformAdmin(actor) || (actor.role === 'MUSEUM_MANAGER' && actor.museumIds.includes(q.museumId));
    if (!UUID.test(q.museumId) || !visible) throw new NotFoundError('Seller');
    return { sellerType: 'MUSEUM', sellerId: q.museumId };
  }
  if (q.brandId) {
    const visible = isPlatformAdmin(actor) || (actor.role === 'BRAND_PARTNER' && actor.brandId === q.brandId);
    if (!UUID.test(q.brandId) || !visible) throw new NotFoundError('Seller');
    return { sellerType: 'BRAND', sellerId: q.brandId };
  }
  if (actor.role === 'MUSEUM_MANAGER' && actor.museumIds.length === 1) return { sellerType: 'MUSEUM', sellerId: actor.museumIds[0]! };
  if (actor.role === 'BRAND_PARTNER' && actor.brandId) return { sellerType: 'BRAND', sellerId: actor.brandId };
  throw new NotFoundError('Seller');
}
