// Sign-in and sign-out for server actions: the API's login / logout, the session cookies,
// and the guest cart merged into the shopper's cart.
import { cookies } from 'next/headers';
import { gql, gqlRequest } from './client';
import { COOKIE } from './config';
import { ShopApiError } from './errors';
import { clearCartToken, clearSession, readCartToken, writeSession, type ApiSession } from './session';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresIn user { id role displayName } } }`;
const MERGE = `mutation Merge($cartToken: String!) { mergeGuestCart(cartToken: $cartToken) { cart { id } } }`;
const LOGOUT = `mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`;

/** Signs in (shoppers only), keeps the session in cookies and merges the guest cart. Throws ShopApiError. */
export async function signIn(email: string, password: string): Promise<{ displayName: string }> {
  const { login } = await gql<{ login: ApiSession & { user: { role: string; displayName: string } } }>(LOGIN, { input: { email, password } }, { auth: false });
  if (login.user.role !== 'SHOPPER') {
    // Staff accounts use the console; the shop is for shoppers.
    await gqlRequest(LOGOUT, { refreshToken: login.refreshToken }, { accessToken: login.accessToken });
    throw new ShopApiError('FORBIDDEN', 'not a shopper account');
  }
  await writeSession(login);
  const cartToken = await readCartToken();
  if (cartToken) {
    // A guest cart already merged or checked out answers NOT_FOUND / CART_CLOSED: nothing to keep.
    await gqlRequest(MERGE, { cartToken }, { accessToken: login.accessToken });
    await clearCartToken();
  }
  return { displayName: login.user.displayName };
}

export async function signOut(): Promise<void> {
  const refreshToken = (await cookies()).get(COOKIE.refresh)?.value;
  if (refreshToken) await gqlRequest(LOGOUT, { refreshToken }, { auth: false }).catch(() => undefined);
  await clearSession();
}
