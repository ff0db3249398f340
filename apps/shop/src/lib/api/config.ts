/** The API's GraphQL endpoint (server side only; the browser never talks to the API directly). */
export function apiUrl(): string {
  return process.env['API_URL'] ?? 'http://localhost:3000/graphql';
}

/** The shop's public origin, for canonical URLs, Open Graph, the sitemap and short links. */
export function shopOrigin(): string {
  return (process.env['SHOP_ORIGIN'] ?? 'http://localhost:3001').replace(/\/+$/, '');
}

/** Cookie names (all httpOnly, SameSite=Lax). */
export const COOKIE = {
  /** The API's JWT access token; expires with it. */
  access: 'vitrine_at',
  /** The API's rotating refresh token (30 days). */
  refresh: 'vitrine_rt',
  /** A guest cart's token (addCartLine answers it); merged into the shopper's cart at sign-in. */
  cart: 'vitrine_cart',
  /** The coupon code the shopper entered in the cart (sent with cart and placeOrder; not secret). */
  coupon: 'vitrine_coupon',
  /** The source marker the shopper last landed with (?src=shelf-<museum>, …), sent with placeOrder (lib/source-marker.ts). */
  source: 'vitrine_src',
} as const;

export const REFRESH_MAX_AGE_SECONDS = 30 * 24 * 3600;
export const CART_MAX_AGE_SECONDS = 60 * 24 * 3600;

/** httpOnly, SameSite=Lax; Secure when the shop is served over https. */
export const cookieOptions = (maxAge: number) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: shopOrigin().startsWith('https://'),
  path: '/',
  maxAge,
});
