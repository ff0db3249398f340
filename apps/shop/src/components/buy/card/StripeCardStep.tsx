'use client';
// The card step with Stripe: Stripe.js and its React bindings are imported here, on this page
// only and after it renders (a dynamic import), so no other page's JavaScript carries them.
import { useEffect, useState, type ComponentType } from 'react';
import type { ShopLocale } from '../../../i18n/locales';
import type { StripePaymentFormProps } from './StripePaymentForm';

export interface StripeCardStepProps {
  publishableKey: string;
  clientSecret: string;
  /** The shop's /[locale]/checkout/returned (Stripe adds payment_intent and redirect_status). */
  returnUrl: string;
  locale: ShopLocale;
  texts: StripePaymentFormProps['texts'];
}

export function StripeCardStep(props: StripeCardStepProps) {
  const [Form, setForm] = useState<ComponentType<StripePaymentFormProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('./StripePaymentForm').then(
      (m) => live && setForm(() => m.StripePaymentForm),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="payment-element" data-testid="payment-element">
      {Form ? (
        <Form {...props} />
      ) : failed ? (
        <p className="notice error" role="alert">
          {props.texts.loadFailed}
        </p>
      ) : (
        <p className="hint" role="status">
          {props.texts.loading}
        </p>
      )}
    </div>
  );
}
