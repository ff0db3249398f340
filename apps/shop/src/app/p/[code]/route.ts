// Short link of a product (shelf-label QR codes, shares): to its page in Chinese, the default.
import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE } from '../../../i18n/locales';
import { productIdByShortCode } from '../../../lib/api/catalog';
import { shopOrigin } from '../../../lib/api/config';
import { isShopApiError } from '../../../lib/api/errors';
import { routes } from '../../../lib/routes';

export async function GET(_request: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  try {
    const id = await productIdByShortCode(code);
    // Where the shopper came from stays in the URL (utm_source=shelf-label etc. pass through).
    const target = new URL(`${shopOrigin()}${routes.product(DEFAULT_LOCALE, id)}`);
    for (const [k, v] of _request.nextUrl.searchParams) target.searchParams.set(k, v);
    return NextResponse.redirect(target, 302);
  } catch (e) {
    if (isShopApiError(e) && e.code === 'NOT_FOUND') return NextResponse.redirect(new URL(`${shopOrigin()}/${DEFAULT_LOCALE}/p/${encodeURIComponent(code)}`), 302);
    throw e;
  }
}
