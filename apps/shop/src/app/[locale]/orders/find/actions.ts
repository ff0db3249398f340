'use server';
// A guest finds their order: the order number and the recipient's phone get a code by SMS,
// the code typed back opens the order on this device (an httpOnly cookie holds the access).
// A refusal comes back to the page as the API's code (?error=…); nothing is kept then.
import { redirect } from 'next/navigation';
import { isLocale, type ShopLocale } from '../../../../i18n/locales';
import { clearGuestLookup, readGuestLookup, sendGuestCode, verifyGuestCode, writeGuestAccess, writeGuestLookup } from '../../../../lib/api/guest-order';
import { routes } from '../../../../lib/routes';

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

function localeOf(formData: FormData): ShopLocale {
  const locale = str(formData, 'locale');
  if (!isLocale(locale)) redirect('/');
  return locale;
}

async function send(locale: ShopLocale, orderNumber: string, phone: string): Promise<never> {
  const sent = await sendGuestCode(orderNumber, phone);
  if (!sent.ok) {
    // A second code asked too soon: the first one still works, so the code step stays.
    if (sent.code === 'GUEST_CODE_RECENTLY_SENT' && (await readGuestLookup())?.orderNumber === orderNumber) redirect(routes.findOrder(locale, { step: 'code', error: sent.code }));
    redirect(routes.findOrder(locale, { error: sent.code, number: orderNumber }));
  }
  await writeGuestLookup({ orderNumber, phone, phoneMasked: sent.data.phoneMasked });
  redirect(routes.findOrder(locale, { step: 'code' }));
}

export async function sendCodeAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  await send(locale, str(formData, 'orderNumber'), str(formData, 'phone'));
}

/** "Send a new code", from the code step: the number and phone given before. */
export async function resendCodeAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const lookup = await readGuestLookup();
  if (!lookup) redirect(routes.findOrder(locale));
  await send(locale, lookup.orderNumber, lookup.phone);
}

export async function verifyCodeAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const lookup = await readGuestLookup();
  if (!lookup) redirect(routes.findOrder(locale, { error: 'GUEST_CODE_EXPIRED' }));
  const verified = await verifyGuestCode(lookup.orderNumber, lookup.phone, str(formData, 'code'));
  if (!verified.ok) redirect(routes.findOrder(locale, { step: 'code', error: verified.code }));
  await writeGuestAccess({ orderId: verified.data.orderId, token: verified.data.token }, verified.data.expiresAt);
  await clearGuestLookup();
  redirect(`${routes.order(locale, verified.data.orderId)}#returns`);
}
