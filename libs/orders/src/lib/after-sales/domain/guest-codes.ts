import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@vitrine/shared/kernel';

/**
 * A guest (an order placed without an account) proves the order is theirs before asking for a
 * return: they give the order number and the recipient's phone, a six-digit code is sent by SMS
 * to that phone, and the code, typed back, opens the order for GUEST_ACCESS_TTL_SECONDS through
 * a signed access token bound to that order. The code is kept only as an HMAC, expires, may be
 * tried GUEST_CODE_MAX_ATTEMPTS times and works once; codes are sent at most once a
 * GUEST_CODE_RESEND_SECONDS and GUEST_CODE_MAX_PER_HOUR times an hour per order.
 */
export const GuestCodeErrorCode = {
  /** No guest order with this number and this recipient phone (an order of an account: sign in). */
  GUEST_ORDER_NOT_FOUND: 'GUEST_ORDER_NOT_FOUND',
  /** A code was sent less than GUEST_CODE_RESEND_SECONDS ago. */
  GUEST_CODE_RECENTLY_SENT: 'GUEST_CODE_RECENTLY_SENT',
  /** GUEST_CODE_MAX_PER_HOUR codes were sent for this order within the hour. */
  GUEST_CODE_LIMIT_REACHED: 'GUEST_CODE_LIMIT_REACHED',
  /** Not the code sent (its wrong tries are counted). */
  GUEST_CODE_INVALID: 'GUEST_CODE_INVALID',
  /** The code's time is over, it was used, or none was sent: ask for a new one. */
  GUEST_CODE_EXPIRED: 'GUEST_CODE_EXPIRED',
  /** GUEST_CODE_MAX_ATTEMPTS wrong tries: the code no longer works, even right. */
  GUEST_CODE_ATTEMPTS_EXCEEDED: 'GUEST_CODE_ATTEMPTS_EXCEEDED',
  /** The access token is not ours, was changed, or its time is over: verify again. */
  GUEST_ACCESS_INVALID: 'GUEST_ACCESS_INVALID',
  /** The SMS gateway did not take the message (nothing kept): try again later. */
  NOTIFICATION_UNAVAILABLE: 'NOTIFICATION_UNAVAILABLE',
} as const;
export type GuestCodeErrorCode = (typeof GuestCodeErrorCode)[keyof typeof GuestCodeErrorCode];

export class GuestCodeError extends DomainError<GuestCodeErrorCode> {}

export interface GuestCodeConfig {
  /** HMAC-SHA256 key of the codes at rest and of the access tokens (GUEST_CODE_SECRET, or derived from JWT_SECRET). */
  secret: string;
  ttlSeconds: number;
  maxAttempts: number;
  resendSeconds: number;
  maxPerHour: number;
  accessTtlSeconds: number;
}

export const CODE_DIGITS = 6;

export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** The code as kept: an HMAC bound to its row, so equal codes of two rows do not look alike. */
export function codeHash(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`guest-code:${codeId}:${code}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** A code as typed: digits only (spaces a phone keyboard adds dropped). */
export function normalizeCode(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return new RegExp(`^[0-9]{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/** A Chinese mobile number as its 11 digits, whatever the shopper typed around it (+86, 0086, spaces, dashes); null if it is not one. */
export function mobileDigits(phone: string): string | null {
  let d = phone.replace(/[\s\-()]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  return /^1[3-9][0-9]{9}$/.test(d) ? d : null;
}

/** The phone as shown back to the guest: 138****5678. */
export function maskPhone(digits: string): string {
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export interface StoredCode {
  id: string;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
  createdAt: Date;
}

/** Whether a new code may be sent now, given the order's codes of the last hour (newest first). */
export function checkSend(recent: readonly Pick<StoredCode, 'createdAt'>[], config: GuestCodeConfig, now: Date): void {
  const last = recent[0];
  if (last && now.getTime() - last.createdAt.getTime() < config.resendSeconds * 1000) {
    throw new GuestCodeError(GuestCodeErrorCode.GUEST_CODE_RECENTLY_SENT, 'A code was sent a moment ago', { retryAfterSeconds: Math.ceil((last.createdAt.getTime() + config.resendSeconds * 1000 - now.getTime()) / 1000) });
  }
  const hour = recent.filter((c) => now.getTime() - c.createdAt.getTime() < 3_600_000);
  if (hour.length >= config.maxPerHour) throw new GuestCodeError(GuestCodeErrorCode.GUEST_CODE_LIMIT_REACHED, 'Too many codes were sent for this order within the hour', { maxPerHour: config.maxPerHour });
}

/**
 * The typed code against the order's latest code: 'MATCH' (use it), or the refusal: a wrong
 * code is 'WRONG' (count the try); no code, used, expired or out of tries refuse without a try.
 */
export function checkCode(latest: StoredCode | null, typed: string | null, config: GuestCodeConfig, now: Date): 'MATCH' | 'WRONG' {
  if (!latest || latest.usedAt || latest.expiresAt <= now) throw new GuestCodeError(GuestCodeErrorCode.GUEST_CODE_EXPIRED, 'This code no longer works: ask for a new one');
  if (latest.attempts >= config.maxAttempts) throw new GuestCodeError(GuestCodeErrorCode.GUEST_CODE_ATTEMPTS_EXCEEDED, 'Too many wrong tries: ask for a new code', { maxAttempts: config.maxAttempts });
  if (typed === null) return 'WRONG';
  return sameHex(codeHash(config.secret, latest.id, typed), latest.codeHash) ? 'MATCH' : 'WRONG';
}

/** The access token a verified code gives: `<order id>.<expires, unix seconds>.<HMAC>`, bound to that order. */
export function accessToken(secret: string, orderId: string, expires: number): string {
  return `${orderId}.${expires}.${createHmac('sha256', secret).update(`guest-order:${orderId}:${expires}`).digest('base64url')}`;
}

/** The order a token opens at `now`, or GUEST_ACCESS_INVALID (changed, not ours, expired). */
export function orderOfToken(secret: string, token: string, now: Date): string {
  const m = /^([0-9a-f-]{36})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  const invalid = () => new GuestCodeError(GuestCodeErrorCode.GUEST_ACCESS_INVALID, 'This access to the order is not valid or has expired: verify again');
  if (!m) throw invalid();
  const [, orderId, expires, signature] = m as unknown as [string, string, string, string];
  const want = Buffer.from(accessToken(secret, orderId, Number(expires)).split('.')[2]!, 'base64url');
  const got = Buffer.from(signature, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw invalid();
  if (Number(expires) * 1000 <= now.getTime()) throw invalid();
  return orderId;
}
