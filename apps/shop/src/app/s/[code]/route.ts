// Short link of a storefront: its slug (`/s/louvre`), to the storefront in Chinese.
import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE } from '../../../i18n/locales';
import { shopOrigin } from '../../../lib/api/config';
import { routes } from '../../../lib/routes';

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // An unknown slug lands on the storefront page's translated 404.
  const target = new URL(`${shopOrigin()}${routes.storefront(DEFAULT_LOCALE, code)}`);
  for (const [k, v] of request.nextUrl.searchParams) target.searchParams.set(k, v);
  return NextResponse.redirect(target, 302);
}
