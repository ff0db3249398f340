'use server';
// The drop page's actions: join / register, notify me, and buy during one's turn. Each goes back
// to the drop page (or on to checkout) with its outcome in the URL, so it works before JavaScript.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isApiErrorCode } from '../../../../i18n/error-codes';
import { isLocale } from '../../../../i18n/locales';
import { isId } from '../../../../lib/api/catalog';
import { gqlRequest } from '../../../../lib/api/client';
import { isShopApiError } from '../../../../lib/api/errors';
import { routes } from '../../../../lib/routes';

const JOIN = `mutation Join($input: JoinDropInput!) { joinDrop(input: $input) { id status } }`;
const NOTIFY = `mutation Notify($input: SubscribeNoticeInput!) { subscribeNotice(input: $input) { id } }`;
const ADD = `mutation Add($input: CartLineInput!) { addCartLine(input: $input) { cartToken } }`;

async function run(query: string, variables: Record<string, unknown>): Promise<string | null> {
  try {
    const { errors } = await gqlRequest(query, variables);
    return errors.length ? String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : null;
  } catch (e) {
    return isShopApiError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
  }
}

function target(formData: FormData): { locale: 'zh-CN' | 'en' | 'fr'; dropId: string; back: (o: Record<string, string>) => string } {
  const locale = String(formData.get('locale') ?? '');
  const dropId = String(formData.get('dropId') ?? '');
  if (!isLocale(locale) || !isId(dropId)) redirect('/');
  return { locale, dropId, back: (o) => `${routes.drop(locale, dropId)}?${new URLSearchParams(o)}` };
}

const outcome = (code: string | null, ok: Record<string, string>) => (code ? { error: isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR' } : ok);

export async function joinDrop(formData: FormData): Promise<void> {
  const { dropId, back } = target(formData);
  const residentId = String(formData.get('residentId') ?? '').trim().toUpperCase();
  const code = await run(JOIN, { input: { dropId, residentId } });
  // A refusal is told at the ID field (`at=join`), not at the top of the page.
  redirect(back(code ? { ...outcome(code, {}), at: 'join' } : { joined: '1' }));
}

export async function notifyWhenOpen(formData: FormData): Promise<void> {
  const { dropId, back } = target(formData);
  const code = await run(NOTIFY, { input: { kind: 'DROP_OPENS', targetId: dropId } });
  redirect(back(outcome(code, { notify: '1' })));
}

/** Puts the drop's piece in the shopper's cart and goes to checkout (the checkout itself enforces the turn and the limit). */
export async function buyDrop(formData: FormData): Promise<void> {
  const { locale, back } = target(formData);
  const variantId = String(formData.get('variantId') ?? '');
  const quantity = Number(formData.get('quantity') ?? 1);
  if (!isId(variantId) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) redirect(back({ error: 'VALIDATION_FAILED' }));
  const code = await run(ADD, { input: { variantId, quantity, cartToken: null } });
  if (code) redirect(back(outcome(code, {})));
  revalidatePath(`/${locale}`, 'layout');
  redirect(routes.checkout(locale));
}
