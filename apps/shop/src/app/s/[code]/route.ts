// Short link of a storefront: its slug (`/s/louvre`), to the storefront in Chinese.
import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE } from '../../../i18n/locales';
import { COOKIE, cookieOptions, shopOrigin } from '../../../lib/api/config';
import { SOURCE_MAX_AGE_SECONDS, validSource } from '../../../lib/source-marker';
import { routes } from '../../../lib/routes';

export async function GET(request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  // An unknown slug lands on the storefront page's translated 404.
  const target = new URL(`${shopOrigin()}${routes.storefront(DEFAULT_LOCALE, code)}`);
  for (const [k, v] of request.nextUrl.searchParams) if (k !== 'src') target.searchParams.set(k, v);
  return keepSource(NextResponse.redirect(target, 302), request);
}

/** A shelf label's (or article's) source marker is kept in a cookie for checkout, not in the page URL (which stays cacheable). */
function keepSource(response: NextResponse, request: NextRequest): NextResponse {
  const source = validSource(request.nextUrl.searchParams.get('src'));
  if (source) response.cookies.set(COOKIE.source, source, cookieOptions(SOURCE_MAX_AGE_SECONDS));
  return response;
}
