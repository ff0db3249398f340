// GET /<locale>/session: what the header shows per shopper (cart count, signed in), read in
// the browser by components/HeaderSession.tsx, so pages themselves never read the cookies and
// a shared HTTP cache may replay anonymous ones (proxy.ts, ADR 0015). proxy.ts has renewed the
// access token before this runs. Never cached.
import { NextResponse } from 'next/server';
import { cartCount } from '../../../lib/api/cart';
import { isSignedIn } from '../../../lib/api/session';

export const dynamic = 'force-dynamic';

export interface HeaderSessionState {
  cartCount: number;
  signedIn: boolean;
}

export async function GET(): Promise<NextResponse<HeaderSessionState>> {
  const [count, signedIn] = await Promise.all([cartCount(), isSignedIn()]);
  return NextResponse.json({ cartCount: count, signedIn }, { headers: { 'cache-control': 'private, no-store' } });
}
