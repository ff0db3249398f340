'use server';
// Cart changes and the yearly-quota question: server actions (they work before JavaScript
// loads), back to the cart page with the outcome in its URL.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isApiErrorCode } from '../../../i18n/error-codes';
import { isLocale } from '../../../i18n/locales';
import { isId } from '../../../lib/api/catalog';
import { gqlRequest } from '../../../lib/api/client';
import { clearCoupon, isSignedIn, readCartToken, writeCoupon } from '../../../lib/api/session';
import { routes } from '../../../lib/routes';

const SET = `mutation Set($input: CartLineInput!) { setCartLineQuantity(input: $input) { cart { id } } }`;
const QUOTA = `query Quota($input: AnnualQuotaInput!) { remainingAnnualQuota(input: $input) { counted limit { amount } remaining { amount } residentIdMasked } }`;

const codeOf = (errors: { extensions?: { code?: unknown } }[]) => {
  const code = errors[0]?.extensions?.code;
  return isApiErrorCode(code) ? code : 'UNKNOWN';
};

export async function setQuantity(formData: FormData): Promise<void> {
  const locale = String(formData.get('locale') ?? '');
  const variantId = String(formData.get('variantId') ?? '');
  const quantity = Number(formData.get('quantity'));
  if (!isLocale(locale)) redirect('/');
  if (!isId(variantId) || !Number.isInteger(quantity) || quantity < 0 || quantity > 99) redirect(`${routes.cart(locale)}?error=VALIDATION_FAILED`);
  const cartToken = (await isSignedIn()) ? null : await readCartToken();
  const { errors } = await gqlRequest(SET, { input: { variantId, quantity, cartToken } });
  // The header's cart count lives in the layout: render it again too.
  revalidatePath(`/${locale}`, 'layout');
  redirect(errors.length ? `${routes.cart(locale)}?${new URLSearchParams({ error: codeOf(errors), line: variantId })}#line-${variantId}` : `${routes.cart(locale)}?updated=1`);
}

const APPLY = `mutation Apply($code: String!, $cartToken: String) { applyCartCoupon(code: $code, cartToken: $cartToken) { id coupon { code } } }`;

/** A coupon code typed in the cart: kept (cookie) once the API applies it; else its COUPON_* code at the form. */
export async function applyCoupon(formData: FormData): Promise<void> {
  const locale = String(formData.get('locale') ?? '');
  if (!isLocale(locale)) redirect('/');
  const code = String(formData.get('code') ?? '').trim().toUpperCase();
  if (!/^[A-Z0-9_-]{4,32}$/.test(code)) redirect(`${routes.cart(locale)}?${new URLSearchParams({ couponError: 'COUPON_INVALID' })}#coupon`);
  const cartToken = (await isSignedIn()) ? null : await readCartToken();
  const { data, errors } = await gqlRequest<{ applyCartCoupon: { coupon: { code: string } | null } }>(APPLY, { code, cartToken });
  if (errors.length || !data) redirect(`${routes.cart(locale)}?${new URLSearchParams({ couponError: codeOf(errors), ...shortfallParam(errors) })}#coupon`);
  await writeCoupon(data.applyCartCoupon.coupon?.code ?? code);
  redirect(`${routes.cart(locale)}?coupon=applied#coupon`);
}

/** COUPON_MIN_SPEND_NOT_MET's extensions.shortfall ({ amountMinor, currency }) as `couponShort=<minor>~<currency>`. */
function shortfallParam(errors: { extensions?: Record<string, unknown> }[]): Record<string, string> {
  const s = errors[0]?.extensions?.['shortfall'] as { amountMinor?: unknown; currency?: unknown } | undefined;
  if (!s || !Number.isSafeInteger(s.amountMinor) || (s.amountMinor as number) <= 0 || typeof s.currency !== 'string' || !/^[A-Z]{3}$/.test(s.currency)) return {};
  return { couponShort: `${s.amountMinor as number}~${s.currency}` };
}

export async function removeCoupon(formData: FormData): Promise<void> {
  const locale = String(formData.get('locale') ?? '');
  if (!isLocale(locale)) redirect('/');
  await clearCoupon();
  redirect(`${routes.cart(locale)}#coupon`);
}

/** Signed-in shoppers: the remaining yearly quota of an identity, shown masked on the cart page. */
export async function checkQuota(formData: FormData): Promise<void> {
  const locale = String(formData.get('locale') ?? '');
  if (!isLocale(locale)) redirect('/');
  const input = { name: String(formData.get('name') ?? '').trim(), residentId: String(formData.get('residentId') ?? '').trim() };
  const { data, errors } = await gqlRequest<{ remainingAnnualQuota: { counted: boolean; limit: { amount: number }; remaining: { amount: number }; residentIdMasked: string } }>(QUOTA, { input });
  if (errors.length || !data) redirect(`${routes.cart(locale)}?${new URLSearchParams({ quotaError: codeOf(errors) })}#quota`);
  const q = data.remainingAnnualQuota;
  redirect(`${routes.cart(locale)}?${new URLSearchParams({ quota: [q.counted ? 1 : 0, q.remaining.amount, q.limit.amount, q.residentIdMasked].join('~') })}#quota`);
}
