'use client';
// Stripe's Payment Element on the PaymentIntent placeOrder made (its client secret), confirmed
// with stripe.confirmPayment: 3-D Secure if the bank asks, then Stripe sends the shopper to
// return_url (the shop's /checkout/returned), which shows the outcome.
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe, type StripeElementLocale } from '@stripe/stripe-js';
import { useEffect, useState, type FormEvent } from 'react';
import type { ShopLocale } from '../../../i18n/locales';

export interface StripePaymentFormProps {
  publishableKey: string;
  clientSecret: string;
  returnUrl: string;
  locale: ShopLocale;
  texts: { pay: string; paying: string; loading: string; loadFailed: string; confirmFailed: string; secureNote: string };
}

const ELEMENTS_LOCALE: Record<ShopLocale, StripeElementLocale> = { 'zh-CN': 'zh', en: 'en', fr: 'fr' };

export function StripePaymentForm(props: StripePaymentFormProps) {
  const [stripe, setStripe] = useState<Stripe | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    loadStripe(props.publishableKey).then(
      (s) => live && setStripe(s ?? 'failed'),
      () => live && setStripe('failed'),
    );
    return () => {
      live = false;
    };
  }, [props.publishableKey]);
  if (stripe === 'failed') {
    return (
      <p className="notice error" role="alert" data-testid="card-load-failed">
        {props.texts.loadFailed}
      </p>
    );
  }
  if (!stripe) {
    return (
      <p className="hint" role="status">
        {props.texts.loading}
      </p>
    );
  }
  return (
    <Elements stripe={stripe} options={{ clientSecret: props.clientSecret, locale: ELEMENTS_LOCALE[props.locale] }}>
      <Confirm {...props} />
    </Elements>
  );
}

function Confirm({ returnUrl, texts }: StripePaymentFormProps) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    // Redirects on success or 3-D Secure; answers only an error the shopper can fix here.
    const { error: refused } = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
    setError((refused.type === 'card_error' || refused.type === 'validation_error') && refused.message ? refused.message : texts.confirmFailed);
    setBusy(false);
  }
  return (
    <form onSubmit={submit} data-testid="stripe-card-form">
      <PaymentElement />
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="hint">{texts.secureNote}</p>
      <button type="submit" className="button wide" disabled={!stripe || !elements || busy} data-testid="card-pay">
        {busy ? texts.paying : texts.pay}
      </button>
    </form>
  );
}
