// The checkout a shopper placed last, kept so the confirmation page (the wallet's returnUrl),
// the WeChat Pay page, the card step and a guest's order page find it again: its id and, for a guest, the
// token of the cart it was placed from (orderByCart). No personal data.
import { cookies } from 'next/headers';
import { cookieOptions } from './config';

const NAME = 'vitrine_checkout';
const MAX_AGE_SECONDS = 90 * 24 * 3600;

export interface PlacedCheckout {
  checkoutId: string;
  /** The cart it was placed from (a retry places it again with the same key). */
  cartId: string;
  /** The guest cart's token; null for a signed-in shopper. */
  cartToken: string | null;
  /** WeChat Pay: the QR code's image and what it encodes, as placeOrder answered them. */
  qr?: { url: string | null; data: string | null } | null;
  /**
   * Card: the PaymentIntent's client secret, as placeOrder answered it, for the card step
   * (Stripe.js confirms with it; it is made to reach the browser, here it stays httpOnly).
   */
  clientSecret?: string | null;
}

export async function readPlacedCheckout(): Promise<PlacedCheckout | null> {
  const raw = (await cookies()).get(NAME)?.value;
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<PlacedCheckout>;
    if (typeof v.checkoutId !== 'string' || typeof v.cartId !== 'string') return null;
    const qr = v.qr && typeof v.qr === 'object' ? { url: typeof v.qr.url === 'string' ? v.qr.url : null, data: typeof v.qr.data === 'string' ? v.qr.data : null } : null;
    const clientSecret = typeof v.clientSecret === 'string' ? v.clientSecret : null;
    return { checkoutId: v.checkoutId, cartId: v.cartId, cartToken: typeof v.cartToken === 'string' ? v.cartToken : null, qr, clientSecret };
  } catch {
    return null;
  }
}

/** In a server action or route handler. */
export async function writePlacedCheckout(placed: PlacedCheckout): Promise<void> {
  (await cookies()).set(NAME, JSON.stringify(placed), cookieOptions(MAX_AGE_SECONDS));
}
