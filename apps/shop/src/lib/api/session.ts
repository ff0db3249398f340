// The shopper's session and guest cart, kept in httpOnly cookies. Reading works anywhere on
// the server; writing only in server actions, route handlers and proxy.ts (Next's rule).
import { cookies } from 'next/headers';
import { validSource } from '../source-marker';
import { CART_MAX_AGE_SECONDS, COOKIE, cookieOptions, REFRESH_MAX_AGE_SECONDS } from './config';

export interface ApiSession {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** Whether a refresh token is present (signed in, perhaps with an access token to refresh). */
export async function isSignedIn(): Promise<boolean> {
  return Boolean((await cookies()).get(COOKIE.refresh)?.value);
}

export async function readCartToken(): Promise<string | null> {
  return (await cookies()).get(COOKIE.cart)?.value ?? null;
}

/** In a server action or route handler. */
export async function writeSession(session: ApiSession): Promise<void> {
  const jar = await cookies();
  jar.set(COOKIE.access, session.accessToken, cookieOptions(Math.max(1, session.expiresIn - 30)));
  jar.set(COOKIE.refresh, session.refreshToken, cookieOptions(REFRESH_MAX_AGE_SECONDS));
}

export async function clearSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(COOKIE.access);
  jar.delete(COOKIE.refresh);
}

/** In a server action or route handler: a guest cart's token, as addCartLine answered it. */
export async function writeCartToken(token: string): Promise<void> {
  (await cookies()).set(COOKIE.cart, token, cookieOptions(CART_MAX_AGE_SECONDS));
}

export async function clearCartToken(): Promise<void> {
  (await cookies()).delete(COOKIE.cart);
}

/** The coupon code entered in the cart (applyCartCoupon accepted it); null when none. */
export async function readCoupon(): Promise<string | null> {
  return (await cookies()).get(COOKIE.coupon)?.value ?? null;
}

/** The source marker the shopper last landed with (set by the short links and pages with ?src=), if well formed. */
export async function readSource(): Promise<string | null> {
  return validSource((await cookies()).get(COOKIE.source)?.value);
}

/** In a server action: keeps the coupon for the cart's views and placeOrder (as long as a guest cart). */
export async function writeCoupon(code: string): Promise<void> {
  (await cookies()).set(COOKIE.coupon, code, cookieOptions(CART_MAX_AGE_SECONDS));
}

export async function clearCoupon(): Promise<void> {
  (await cookies()).delete(COOKIE.coupon);
}
