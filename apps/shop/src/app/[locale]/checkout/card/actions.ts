'use server';
// The sandbox card form's submit (no STRIPE_PUBLISHABLE_KEY): the PaymentIntent is confirmed at
// the Stripe sandbox as Stripe.js would confirm it, then the shopper goes to the next action's
// redirect_to_url (the sandbox's 3-D Secure page), which returns to the shop's returnUrl.
import { redirect } from 'next/navigation';
import { isLocale } from '../../../../i18n/locales';
import { cardMode, confirmAtSandbox } from '../../../../lib/api/card-payment';
import { shopOrigin } from '../../../../lib/api/config';
import { readPlacedCheckout } from '../../../../lib/api/placed-checkout';
import { checkSandboxCard, paymentIntentOf } from '../../../../lib/checkout/card';
import { routes } from '../../../../lib/routes';

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

export async function confirmSandboxCard(formData: FormData): Promise<void> {
  const locale = str(formData, 'locale');
  if (!isLocale(locale)) redirect('/');
  const placed = await readPlacedCheckout();
  const checkoutId = str(formData, 'checkout');
  if (!placed || placed.checkoutId !== checkoutId) redirect(routes.cart(locale));
  const back = routes.checkoutCard(locale, placed.checkoutId);
  const mode = cardMode();
  const paymentIntentId = placed.clientSecret ? paymentIntentOf(placed.clientSecret) : null;
  if (mode.kind !== 'sandbox' || !placed.clientSecret || !paymentIntentId) redirect(back);
  const checked = checkSandboxCard({ number: str(formData, 'number'), expiry: str(formData, 'expiry'), cvc: str(formData, 'cvc') }, new Date());
  if ('code' in checked) redirect(`${back}&error=${checked.code}`);
  const confirmed = await confirmAtSandbox(mode, {
    paymentIntentId,
    clientSecret: placed.clientSecret,
    paymentMethod: checked.paymentMethod,
    returnUrl: `${shopOrigin()}/${locale}/checkout/returned`,
  });
  if (!confirmed.ok) redirect(`${back}&error=${encodeURIComponent(confirmed.code)}`);
  // 3-D Secure at the sandbox's page; without a next action the confirmation tells the outcome.
  redirect(confirmed.redirectUrl ?? routes.checkoutReturn(locale, placed.checkoutId));
}
