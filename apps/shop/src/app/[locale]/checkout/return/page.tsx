import type { Metadata } from 'next';
import Link from 'next/link';
import { errorMessage, fill, getDictionary } from '../../../../i18n/dictionary';
import { localeOf, type LocaleParams } from '../../../../i18n/server';
import { checkoutConsent, checkoutState, museumNames, ordersOfCheckout } from '../../../../lib/api/buy';
import { readPlacedCheckout } from '../../../../lib/api/placed-checkout';
import { formatMoney } from '../../../../lib/format/money';
import { routes } from '../../../../lib/routes';
import { CheckoutForm } from '../../../../components/buy/CheckoutForm';
import { OrderStatusBadge } from '../../../../components/buy/OrderStatusBadge';
import { abandonCheckout, placeOrder } from '../actions';
import '../../../buy.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.confirmation.title, robots: { index: false } };
}

/**
 * The order confirmation: where the wallet sends the shopper back (returnUrl) and where the
 * WeChat Pay page's "I have paid" leads. Paid, failed (pay again with another method, or
 * cancel and get the cart back), processing or cancelled. Reached from the card step's "See the
 * order or cancel it" (`from=card`) while the PaymentIntent still awaits its card: not paid yet,
 * with the hold's expiry, paying by card and cancelling (nothing was sent to confirm, so nothing
 * is "being confirmed").
 */
export default async function CheckoutReturnPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.confirmation;
  const sp = await searchParams;
  const placed = await readPlacedCheckout();
  const wanted = typeof sp['checkout'] === 'string' ? sp['checkout'] : placed?.checkoutId;
  const orders = wanted && placed?.checkoutId === wanted ? await ordersOfCheckout(wanted, placed.cartToken, locale) : wanted ? await ordersOfCheckout(wanted, null, locale) : [];
  if (!placed || !orders.length) {
    return (
      <div className="buy-page">
        <h1>{t.title}</h1>
        <p>{dict.buy.orders.signInToSee}</p>
        <Link className="button" href={routes.signIn(locale, routes.orders(locale))}>
          {dict.buy.account.signIn}
        </Link>
      </div>
    );
  }
  const [names, consent] = await Promise.all([museumNames(locale), checkoutConsent(locale)]);
  const paymentState = checkoutState(orders);
  // Nothing submitted for payment yet: the shopper left the card step without paying.
  const unpaid = paymentState === 'PROCESSING' && sp['from'] === 'card' && Boolean(placed.clientSecret) && orders.every((o) => o.status !== 'PENDING_PAYMENT' || o.paymentStatus === 'REQUIRES_PAYMENT');
  const state = unpaid ? 'UNPAID' : paymentState;
  const holdUntil = fill(dict.buy.pay.holdUntil, { time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', dateStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(orders[0]!.holdExpiresAt)) });
  const error = typeof sp['error'] === 'string' ? sp['error'] : null;
  const failure = orders.find((o) => o.lastPaymentFailure)?.lastPaymentFailure;
  const first = orders[0]!;
  const total = orders.reduce((n, o) => n + o.total, 0);
  const heading = { PAID: t.paid, FAILED: t.failed, PROCESSING: t.processing, CANCELLED: t.cancelled, UNPAID: t.unpaid }[state];
  const body = { PAID: t.paidBody, FAILED: t.failedBody, PROCESSING: t.processingBody, CANCELLED: null, UNPAID: `${holdUntil}${locale === 'zh-CN' ? '' : ' '}${t.unpaidBody}` }[state];
  return (
    <div className="buy-page">
      <h1>{t.title}</h1>
      <div className={`outcome ${state.toLowerCase()}`} role="status" data-testid="payment-outcome" data-state={state}>
        <p className="outcome-title">{heading}</p>
        {body ? <p>{body}</p> : null}
        {state === 'FAILED' && failure?.declineCode ? <p className="hint">{fill(t.declined, { code: failure.declineCode })}</p> : null}
      </div>
      {error ? (
        <p className="notice error" role="alert">
          {errorMessage(dict, error)}
        </p>
      ) : null}
      <ul className="order-cards">
        {orders.map((o) => (
          <li key={o.id} className="order-card" data-testid="confirmed-order">
            <p className="order-card-head">
              <strong>{fill(t.orderNumber, { number: o.number })}</strong>
              <OrderStatusBadge status={o.status} dict={dict} />
            </p>
            <p className="hint">{names.get(o.museumId) ?? ''}</p>
            <ul className="summary-lines">
              {o.lines.map((l) => (
                <li key={l.id}>
                  <span>
                    {l.name} × {l.quantity}
                  </span>
                  <span>{formatMoney({ amount: l.total, currency: o.currency }, locale)}</span>
                </li>
              ))}
            </ul>
            <p className="summary-sub">
              <span>{dict.buy.orders.total}</span>
              <strong>{formatMoney({ amount: o.total, currency: o.currency }, locale)}</strong>
            </p>
            {state === 'PAID' ? (
              <Link className="button secondary wide" href={placed.cartToken ? routes.order(locale, o.id) : routes.order(locale, o.id)} data-testid="view-order">
                {t.viewOrder}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="summary-total">
        <span>{state === 'PAID' ? dict.buy.orders.total : dict.buy.cart.grandTotal}</span>
        <strong>{formatMoney({ amount: total, currency: first.currency }, locale)}</strong>
      </p>
      {state === 'FAILED' || state === 'PROCESSING' ? <p className="hint">{holdUntil}</p> : null}
      {state === 'UNPAID' ? (
        <Link className="button wide" href={routes.checkoutCard(locale, placed.checkoutId)} prefetch={false} data-testid="pay-by-card">
          {t.payByCard}
        </Link>
      ) : null}
      {state === 'FAILED' ? (
        <section className="retry" aria-labelledby="retry-title">
          <h2 id="retry-title">{t.retryTitle}</h2>
          <p className="hint">{t.retryIdNote}</p>
          <CheckoutForm
            locale={locale}
            t={dict.buy.checkout}
            errors={dict.errors}
            action={placeOrder}
            submitLabel={t.retry}
            retry={{ checkoutId: placed.checkoutId, name: first.orderer.name, recipient: first.recipient }}
            consent={consent}
          />
        </section>
      ) : null}
      {state === 'FAILED' || state === 'PROCESSING' || state === 'UNPAID' ? (
        <form action={abandonCheckout}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button secondary wide" data-testid="abandon">
            {t.abandon}
          </button>
        </form>
      ) : null}
      {state === 'PROCESSING' ? (
        <Link className="button secondary wide" href={routes.checkoutReturn(locale, placed.checkoutId)}>
          {dict.buy.orders.refresh}
        </Link>
      ) : null}
    </div>
  );
}
