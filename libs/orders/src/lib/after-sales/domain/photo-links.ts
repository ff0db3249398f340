import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReturnStatus } from './returns';

/**
 * Return photos are shown through signed, expiring links (like an object store's presigned
 * URLs): whoever may see the return (its GraphQL answer is tenancy-checked) is given
 * `/return-photos/<photo id>?expires=<unix seconds>&signature=<HMAC>`; the link opens the image
 * until it expires, without credentials, and nothing else: another photo id, another time or a
 * changed signature is refused.
 */
export const RETURN_PHOTO_PATH = '/return-photos';

export interface PhotoLinkConfig {
  /** HMAC-SHA256 key (RETURN_PHOTO_URL_SECRET, or derived from JWT_SECRET). */
  secret: string;
  /** How long a link works (RETURN_PHOTO_URL_TTL_SECONDS). */
  ttlSeconds: number;
}

/** Links end on a whole minute, so the same photo shown twice within a minute has the same link (the browser's cache keeps it). */
const ROUND_SECONDS = 60;

export function photoLinkSignature(secret: string, photoId: string, expires: number): string {
  return createHmac('sha256', secret).update(`return-photo:${photoId}:${expires}`).digest('base64url');
}

/** The link to one photo at `now`, and when it stops working. */
export function photoLink(config: PhotoLinkConfig, photoId: string, now: Date): { url: string; expiresAt: Date } {
  const expires = Math.ceil((Math.floor(now.getTime() / 1000) + config.ttlSeconds) / ROUND_SECONDS) * ROUND_SECONDS;
  const url = `${RETURN_PHOTO_PATH}/${photoId}?expires=${expires}&signature=${photoLinkSignature(config.secret, photoId, expires)}`;
  return { url, expiresAt: new Date(expires * 1000) };
}

export type PhotoLinkCheck = 'OK' | 'INVALID' | 'EXPIRED';

/**
 * Whether a link's parts were signed by us (compared in constant time) and still work at `now`.
 * A bad signature is INVALID whatever its time; a good one past its time is EXPIRED.
 */
export function checkPhotoLink(secret: string, photoId: string, expires: unknown, signature: unknown, now: Date): PhotoLinkCheck {
  if (typeof expires !== 'string' || !/^[0-9]{1,12}$/.test(expires) || typeof signature !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return 'INVALID';
  const want = Buffer.from(photoLinkSignature(secret, photoId, Number(expires)), 'base64url');
  const got = Buffer.from(signature, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return 'INVALID';
  return Number(expires) * 1000 <= now.getTime() ? 'EXPIRED' : 'OK';
}

/**
 * A return's photos are kept while it may still need them: until it is refused, or closed
 * (refunded). No retention period is set for them after that (they are the shopper's pictures,
 * not the order's records), so the worker deletes them then.
 */
export const RETURN_PHOTO_DROPPED_AT: readonly ReturnStatus[] = ['REFUSED', 'REFUNDED'];

export function photosDroppedAt(status: ReturnStatus): boolean {
  return RETURN_PHOTO_DROPPED_AT.includes(status);
}
