// GET /<locale>/session: what the header shows per shopper (cart count, signed in, unread notices), read in
// the browser by components/HeaderSession.tsx, so pages themselves never read the cookies and
// a shared HTTP cache may replay anonymous ones (proxy.ts, ADR 0015). proxy.ts has renewed the
// access token before this runs. Never cached.
import { NextResponse } from 'next/server';
import { cartCount } from '../../../lib/api/cart';
import { unreadNoticeCount } from '../../../lib/api/notices';
import { isSignedIn } from '../../../lib/api/session';

export const dynamic = 'force-dynamic';

export interface HeaderSessionState {
  cartCount: number;
  signedIn: boolean;
  /** The signed-in shopper's unread notices (0 for a guest, without asking the API). */
  unreadNotices: number;
}

export async function GET(): Promise<NextResponse<HeaderSessionState>> {
  const [count, signedIn, unreadNotices] = await Promise.all([cartCount(), isSignedIn(), unreadNoticeCount()]);
  return NextResponse.json({ cartCount: count, signedIn, unreadNotices }, { headers: { 'cache-control': 'private, no-store' } });
}
