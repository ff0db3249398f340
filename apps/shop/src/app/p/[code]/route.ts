// Short link of a product (shelf-label QR codes, shares): to its page in Chinese, the default.
import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE } from '../../../i18n/locales';
import { productIdByShortCode } from '../../../lib/api/catalog';
import { COOKIE, cookieOptions, shopOrigin } from '../../../lib/api/config';
import { SOURCE_MAX_AGE_SECONDS, validSource } from '../../../lib/source-marker';
import { isShopApiError } from '../../../lib/api/errors';
import { routes } from '../../../lib/routes';

export async function GET(_request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  try {
    const id = await productIdByShortCode(code);
    // Where the shopper came from stays in the URL (utm_source=shelf-label etc. pass through).
    const target = new URL(`${shopOrigin()}${routes.product(DEFAULT_LOCALE, id)}`);
    for (const [k, v] of _request.nextUrl.searchParams) if (k !== 'src') target.searchParams.set(k, v);
    return keepSource(NextResponse.redirect(target, 302), _request);
  } catch (e) {
    if (isShopApiError(e) && e.code === 'NOT_FOUND') return NextResponse.redirect(new URL(`${shopOrigin()}/${DEFAULT_LOCALE}/p/${encodeURIComponent(code)}`), 302);
    throw e;
  }
}

/** A shelf label's (or article's) source marker is kept in a cookie for checkout, not in the page URL (which stays cacheable). */
function keepSource(response: NextResponse, request: NextRequest): NextResponse {
  const source = validSource(request.nextUrl.searchParams.get('src'));
  if (source) response.cookies.set(COOKIE.source, source, cookieOptions(SOURCE_MAX_AGE_SECONDS));
  return response;
}
