'use server';
// Sign up, sign in and out, identity and account deletion: server actions, back to a page
// with the outcome (an API code) in its URL.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isApiErrorCode } from '../../../i18n/error-codes';
import { isLocale, type ShopLocale } from '../../../i18n/locales';
import { signIn, signOut } from '../../../lib/api/auth';
import { isId } from '../../../lib/api/catalog';
import { gqlRequest } from '../../../lib/api/client';
import { isShopApiError } from '../../../lib/api/errors';
import { clearSession } from '../../../lib/api/session';
import { routes } from '../../../lib/routes';

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();
const codeOf = (e: unknown) => (isShopApiError(e) && isApiErrorCode(e.code) ? e.code : 'UNKNOWN');
const localeOr = (f: FormData): ShopLocale => {
  const l = str(f, 'locale');
  if (!isLocale(l)) redirect('/');
  return l;
};
/** Only a path of this shop (no open redirect). */
const safeNext = (locale: ShopLocale, next: string) => (/^\/[a-zA-Z-]+(\/[^/\\]*)*(\?[^\\]*)?$/.test(next) && !next.startsWith('//') ? next : routes.account(locale));

export async function signInAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  const next = safeNext(locale, str(formData, 'next'));
  let code: string | null = null;
  try {
    await signIn(str(formData, 'email'), String(formData.get('password') ?? ''));
  } catch (e) {
    code = codeOf(e);
  }
  if (code) redirect(`${routes.signIn(locale, next)}&error=${code}`);
  revalidatePath(`/${locale}`, 'layout');
  redirect(next);
}

const REGISTER = `mutation Register($input: RegisterShopperInput!) { registerShopper(input: $input) { id } }`;

export async function signUpAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  const next = safeNext(locale, str(formData, 'next'));
  const email = str(formData, 'email');
  const password = String(formData.get('password') ?? '');
  const { errors } = await gqlRequest(REGISTER, { input: { email, password, displayName: str(formData, 'displayName') } }, { auth: false });
  const back = (code: string) => `${routes.signUp(locale)}?${new URLSearchParams({ error: code, next })}`;
  if (errors.length) redirect(back(isApiErrorCode(errors[0]?.extensions?.code) ? String(errors[0]?.extensions?.code) : 'UNKNOWN'));
  let code: string | null = null;
  try {
    await signIn(email, password);
  } catch (e) {
    code = codeOf(e);
  }
  if (code) redirect(back(code));
  revalidatePath(`/${locale}`, 'layout');
  redirect(next);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  await signOut();
  revalidatePath(`/${locale}`, 'layout');
  redirect(`${routes.account(locale)}?signedOut=1`);
}

const DELETE_IDENTITY = `mutation DeleteId($id: ID!) { deleteOrdererIdentity(id: $id) { id } }`;

export async function deleteIdentityAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  const id = str(formData, 'id');
  if (!isId(id)) redirect(`${routes.account(locale)}?error=VALIDATION_FAILED`);
  const { errors } = await gqlRequest(DELETE_IDENTITY, { id });
  // The page itself changes (the identity's state): render it again, not only scroll to it.
  revalidatePath(routes.account(locale));
  redirect(errors.length ? `${routes.account(locale)}?error=${String(errors[0]?.extensions?.code ?? 'UNKNOWN')}#identities` : `${routes.account(locale)}?identity=deleted#identities`);
}

const DELETE_ACCOUNT = `mutation DeleteAccount { requestAccountDeletion { id } }`;

export async function deleteAccountAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  if (formData.get('confirm') !== 'on') redirect(`${routes.account(locale)}?error=VALIDATION_FAILED#delete-account`);
  const { errors } = await gqlRequest(DELETE_ACCOUNT, {});
  if (errors.length) redirect(`${routes.account(locale)}?error=${String(errors[0]?.extensions?.code ?? 'UNKNOWN')}#delete-account`);
  // Every session ended with the account: forget ours.
  await clearSession();
  revalidatePath(`/${locale}`, 'layout');
  redirect(`${routes.account(locale)}?deleted=1`);
}
