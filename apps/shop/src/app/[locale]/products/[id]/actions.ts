'use server';
// Add to cart: a server action (works before JavaScript loads), then back to the product page
// with the outcome in its URL, so the header's count and the message render on the server.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isLocale } from '../../../../i18n/locales';
import { isApiErrorCode } from '../../../../i18n/error-codes';
import { gqlRequest } from '../../../../lib/api/client';
import { isShopApiError } from '../../../../lib/api/errors';
import { isSignedIn, readCartToken, writeCartToken } from '../../../../lib/api/session';
import { isId } from '../../../../lib/api/catalog';
import { routes } from '../../../../lib/routes';

const ADD = `mutation Add($input: CartLineInput!) { addCartLine(input: $input) { cartToken cart { id } } }`;

export async function addToCart(formData: FormData): Promise<void> {
  const locale = String(formData.get('locale') ?? '');
  const productId = String(formData.get('productId') ?? '');
  const variantId = String(formData.get('variantId') ?? '');
  const quantity = Number(formData.get('quantity') ?? 1);
  if (!isLocale(locale) || !isId(productId)) redirect('/');
  const back = (outcome: Record<string, string>) => `${routes.product(locale, productId)}?${new URLSearchParams({ v: variantId, ...outcome })}#buy`;
  if (!isId(variantId) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) redirect(back({ error: 'VALIDATION_FAILED' }));
  let code: string | null = null;
  try {
    // A signed-in shopper adds to their own cart; a guest to the cart of their token (created on the first add).
    const cartToken = (await isSignedIn()) ? null : await readCartToken();
    const { data, errors } = await gqlRequest<{ addCartLine: { cartToken: string | null } }>(ADD, { input: { variantId, quantity, cartToken } });
    if (errors.length || !data) code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    else if (data.addCartLine.cartToken) await writeCartToken(data.addCartLine.cartToken);
  } catch (e) {
    code = isShopApiError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
  }
  // The header reads its cart count in the browser when the layout renders again, which a
  // redirect to the same page does not do on its own (only a cookie set would): ask for it.
  if (!code) revalidatePath(`/${locale}`, 'layout');
  redirect(back(code ? { error: isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR' } : { added: String(quantity) }));
}
