import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { fill, getDictionary } from '../../../../i18n/dictionary';
import { localeOf, type LocaleParams } from '../../../../i18n/server';
import { checkoutState, ordersOfCheckout } from '../../../../lib/api/buy';
import { readPlacedCheckout } from '../../../../lib/api/placed-checkout';
import { formatMoney } from '../../../../lib/format/money';
import { routes } from '../../../../lib/routes';
import '../../../buy.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.pay.wechatTitle, robots: { index: false } };
}

/**
 * WeChat Pay: the QR code of the payment (scanned with WeChat on another screen) and, on the
 * phone itself, a link to the wallet's page. placeOrder with the same key shows the same
 * action again while the payment waits.
 */
export default async function PayPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.pay;
  const id = (await searchParams)['checkout'];
  const placed = await readPlacedCheckout();
  if (!placed || placed.checkoutId !== id) redirect(routes.cart(locale));
  // The QR code as placeOrder answered it (kept with the placed checkout); once nothing awaits
  // payment any more, the confirmation tells the outcome.
  const orders = await ordersOfCheckout(placed.checkoutId, placed.cartToken, locale);
  const qr = placed.qr;
  if (!qr || !orders.length || checkoutState(orders) !== 'PROCESSING') redirect(routes.checkoutReturn(locale, placed.checkoutId));
  const first = orders[0]!;
  const total = orders.reduce((n, o) => n + o.total, 0);
  // Only http(s) or WeChat's own scheme is a link.
  const open = qr.data && /^(https?|weixin):/i.test(qr.data) ? qr.data : null;
  // The code WeChat scans, drawn here from what it encodes (qrCodeUrl is the payment service's page of it).
  const svg = qr.data ? await QRCode.toString(qr.data, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', width: 240 }) : null;
  return (
    <div className="buy-page pay-page">
      <h1>{t.wechatTitle}</h1>
      <p className="summary-total">
        <span>{dict.buy.cart.grandTotal}</span>
        <strong>{formatMoney({ amount: total, currency: first.currency }, locale)}</strong>
      </p>
      <p>{t.wechatScan}</p>
      {svg ? <div className="qr" role="img" aria-label={t.qrAlt} data-testid="wechat-qr" dangerouslySetInnerHTML={{ __html: svg }} /> : null}
      {!svg && qr.url ? (
        <a className="button secondary wide" href={qr.url}>
          {t.qrAlt}
        </a>
      ) : null}
      <p className="hint">{fill(t.holdUntil, { time: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(first.holdExpiresAt)) })}</p>
      {open ? (
        <a className="button wide" href={open} data-testid="wechat-open">
          {t.wechatOpen}
        </a>
      ) : null}
      <Link className="button secondary wide" href={`/${locale}/checkout/returned`} prefetch={false} data-testid="wechat-check">
        {t.check}
      </Link>
    </div>
  );
}
