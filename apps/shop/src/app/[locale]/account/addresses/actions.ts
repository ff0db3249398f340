'use server';
// The address book's server actions: save (add or edit) answers a refusal to the form, or goes
// back to the account's list; set default and delete go back to the list with the outcome.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isApiErrorCode } from '../../../../i18n/error-codes';
import { isLocale, type ShopLocale } from '../../../../i18n/locales';
import { isId } from '../../../../lib/api/catalog';
import { gqlRequest } from '../../../../lib/api/client';
import { addressInput, addressRefusal, type AddressFormState } from '../../../../lib/addresses/form';
import { routes } from '../../../../lib/routes';

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();
const localeOr = (f: FormData): ShopLocale => {
  const l = str(f, 'locale');
  if (!isLocale(l)) redirect('/');
  return l;
};
const back = (locale: ShopLocale, query: string) => `${routes.account(locale)}?${query}#addresses`;
const codeOf = (errors: { extensions?: Record<string, unknown> }[]) => {
  const code = errors[0]?.extensions?.['code'];
  return isApiErrorCode(code) ? code : 'UNKNOWN';
};

const SAVE = `mutation SaveAddress($input: SaveAddressInput!) { saveAddress(input: $input) { id } }`;
const DEFAULT = `mutation DefaultAddress($id: ID!) { setDefaultAddress(id: $id) { id } }`;
const DELETE = `mutation DeleteAddress($id: ID!) { deleteAddress(id: $id) }`;

export async function saveAddressAction(_prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const locale = localeOr(formData);
  const { data, errors } = await gqlRequest<{ saveAddress: { id: string } }>(SAVE, { input: addressInput((k) => str(formData, k)) });
  if (errors.length || !data) return addressRefusal(errors[0]);
  revalidatePath(routes.account(locale));
  redirect(back(locale, 'address=saved'));
}

export async function setDefaultAddressAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  const id = str(formData, 'id');
  const { errors } = isId(id) ? await gqlRequest(DEFAULT, { id }) : { errors: [{ extensions: { code: 'NOT_FOUND' } }] };
  revalidatePath(routes.account(locale));
  redirect(back(locale, errors.length ? `error=${codeOf(errors)}` : 'address=default'));
}

export async function deleteAddressAction(formData: FormData): Promise<void> {
  const locale = localeOr(formData);
  const id = str(formData, 'id');
  const { errors } = isId(id) ? await gqlRequest(DELETE, { id }) : { errors: [{ extensions: { code: 'NOT_FOUND' } }] };
  revalidatePath(routes.account(locale));
  redirect(back(locale, errors.length ? `error=${codeOf(errors)}` : 'address=deleted'));
}
