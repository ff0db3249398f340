// The header's cart count (the cart page itself lives in app/[locale]/cart).
import { gqlRequest } from './client';
import { readCartToken, isSignedIn } from './session';

const CART_COUNT = `query CartCount($cartToken: String) { cart(cartToken: $cartToken) { lines { quantity } } }`;

/** Units in the shopper's cart (signed in) or guest cart; 0 when there is none or the API is down. */
export async function cartCount(): Promise<number> {
  const cartToken = await readCartToken();
  if (!cartToken && !(await isSignedIn())) return 0;
  try {
    const { data } = await gqlRequest<{ cart: { lines: { quantity: number }[] } | null }>(CART_COUNT, { cartToken });
    return data?.cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
  } catch {
    return 0;
  }
}
