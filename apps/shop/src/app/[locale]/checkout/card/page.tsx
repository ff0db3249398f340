import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { errorMessage, fill, getDictionary } from '../../../../i18n/dictionary';
import { localeOf, type LocaleParams } from '../../../../i18n/server';
import { checkoutState, ordersOfCheckout } from '../../../../lib/api/buy';
import { cardMode } from '../../../../lib/api/card-payment';
import { shopOrigin } from '../../../../lib/api/config';
import { readPlacedCheckout } from '../../../../lib/api/placed-checkout';
import { SANDBOX_TEST_CARD } from '../../../../lib/checkout/card';
import { formatMoney } from '../../../../lib/format/money';
import { routes } from '../../../../lib/routes';
import { StripeCardStep } from '../../../../components/buy/card/StripeCardStep';
import { confirmSandboxCard } from './actions';
import '../../../buy.css';
import '../../../card.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
  const dict = getDictionary(await localeOf(params));
  return { title: dict.buy.card.title, robots: { index: false } };
}

const FIELD_OF_ERROR: Record<string, 'number' | 'expiry' | 'cvc'> = { CARD_NUMBER_INVALID: 'number', CARD_EXPIRY_INVALID: 'expiry', CARD_CVC_INVALID: 'cvc' };

/**
 * The card step of a placed checkout (placeOrder with CARD answered the PaymentIntent's client
 * secret, kept with the placed checkout). With STRIPE_PUBLISHABLE_KEY: Stripe's Payment Element,
 * loaded on this page only. In the Stripe sandbox: the sandbox's card form, confirmed by the
 * shop's server as Stripe.js would. Either way 3-D Secure, then back to the confirmation.
 */
export default async function CardPage({ params, searchParams }: { params: LocaleParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await localeOf(params);
  const dict = getDictionary(locale);
  const t = dict.buy.card;
  const sp = await searchParams;
  const placed = await readPlacedCheckout();
  if (!placed || placed.checkoutId !== sp['checkout']) redirect(routes.cart(locale));
  const orders = await ordersOfCheckout(placed.checkoutId, placed.cartToken, locale);
  const state = checkoutState(orders);
  // Paid, cancelled, or no card payment to confirm: the confirmation tells the outcome.
  if (!orders.length || state === 'PAID' || state === 'CANCELLED' || !placed.clientSecret) redirect(routes.checkoutReturn(locale, placed.checkoutId));
  const first = orders[0]!;
  const amount = formatMoney({ amount: orders.reduce((n, o) => n + o.total, 0), currency: first.currency }, locale);
  const mode = cardMode();
  const error = typeof sp['error'] === 'string' ? sp['error'] : null;
  const errorField = error ? FIELD_OF_ERROR[error] : undefined;
  const fieldMessage = { CARD_NUMBER_INVALID: t.numberInvalid, CARD_EXPIRY_INVALID: t.expiryInvalid, CARD_CVC_INVALID: t.cvcInvalid } as Record<string, string>;
  // Stripe's own codes (payment_intent_unexpected_state, …) are no API codes: the card's generic refusal.
  const formError = error && !errorField ? (error === 'PAYMENT_PROVIDER_UNAVAILABLE' ? errorMessage(dict, error) : t.confirmFailed) : null;
  const hold = fill(dict.buy.pay.holdUntil, { time: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(first.holdExpiresAt)) });

  const field = (name: 'number' | 'expiry' | 'cvc', label: string, value: string, attrs: { inputMode: 'numeric'; autoComplete: string; maxLength: number }) => {
    const invalid = errorField === name;
    return (
      <div className={`field${invalid ? ' invalid' : ''}`}>
        <label htmlFor={`card-${name}`}>{label}</label>
        <input id={`card-${name}`} name={name} defaultValue={value} required aria-invalid={invalid || undefined} aria-describedby={invalid ? `card-${name}-error` : undefined} data-testid={`card-${name}`} {...attrs} />
        {invalid ? (
          <p id={`card-${name}-error`} className="field-error" role="alert" data-testid={`card-${name}-error`}>
            {fieldMessage[error!]}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <div className="buy-page card-page">
      <h1>{t.title}</h1>
      <p className="summary-total">
        <span>{dict.buy.cart.grandTotal}</span>
        <strong data-testid="card-amount">{amount}</strong>
      </p>
      {formError ? (
        <p className="notice error" role="alert" data-testid="card-error">
          {formError}
        </p>
      ) : null}
      {mode.kind === 'stripe' ? (
        <StripeCardStep
          publishableKey={mode.publishableKey}
          clientSecret={placed.clientSecret}
          returnUrl={`${shopOrigin()}/${locale}/checkout/returned`}
          locale={locale}
          texts={{ pay: fill(t.pay, { amount }), paying: t.paying, loading: t.loading, loadFailed: t.loadFailed, confirmFailed: t.confirmFailed, secureNote: t.secureNote }}
        />
      ) : mode.kind === 'sandbox' ? (
        <form action={confirmSandboxCard} className="sandbox-card" data-testid="sandbox-card-form" aria-describedby="sandbox-note">
          <p className="sandbox-badge" data-testid="sandbox-badge">
            {t.sandboxBadge}
          </p>
          <p id="sandbox-note" className="hint">
            {t.sandboxNote}
          </p>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="checkout" value={placed.checkoutId} />
          {field('number', t.number, SANDBOX_TEST_CARD, { inputMode: 'numeric', autoComplete: 'cc-number', maxLength: 23 })}
          <div className="card-row">
            {field('expiry', t.expiry, '12/34', { inputMode: 'numeric', autoComplete: 'cc-exp', maxLength: 7 })}
            {field('cvc', t.cvc, '123', { inputMode: 'numeric', autoComplete: 'cc-csc', maxLength: 4 })}
          </div>
          <p className="hint">{t.cardholderNote}</p>
          <button type="submit" className="button wide" data-testid="card-pay">
            {fill(t.pay, { amount })}
          </button>
        </form>
      ) : (
        <p className="notice error" role="alert" data-testid="card-unavailable">
          {t.unavailable}
        </p>
      )}
      <p className="hint">{hold}</p>
      {/* The confirmation page: the order, its hold, and cancelling it (the items go back to the cart). */}
      <Link className="button secondary wide" href={`${routes.checkoutReturn(locale, placed.checkoutId)}&from=card`} prefetch={false} data-testid="card-to-order">
        {t.toOrder}
      </Link>
    </div>
  );
}
