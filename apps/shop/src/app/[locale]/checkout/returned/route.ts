// The payment's returnUrl (Alipay and the sandbox wallet send the shopper here): once the
// checkout is paid, the guest's checked-out cart is let go (their next add opens a new cart),
// then on to the confirmation page. While unpaid the cart token stays: the cart is intact.
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale } from '../../../../i18n/locales';
import { checkoutState, ordersOfCheckout } from '../../../../lib/api/buy';
import { readPlacedCheckout } from '../../../../lib/api/placed-checkout';
import { clearCartToken, readCartToken } from '../../../../lib/api/session';
import { routes } from '../../../../lib/routes';
import { shopOrigin } from '../../../../lib/api/config';

export const dynamic = 'force-dynamic';

export async function GET(_request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return NextResponse.redirect(`${shopOrigin()}/`, 303);
  const placed = await readPlacedCheckout();
  if (!placed) return NextResponse.redirect(`${shopOrigin()}${routes.cart(locale)}`, 303);
  if (placed.cartToken && (await readCartToken()) === placed.cartToken && checkoutState(await ordersOfCheckout(placed.checkoutId, placed.cartToken)) === 'PAID') await clearCartToken();
  return NextResponse.redirect(`${shopOrigin()}${routes.checkoutReturn(locale, placed.checkoutId)}`, 303);
}
