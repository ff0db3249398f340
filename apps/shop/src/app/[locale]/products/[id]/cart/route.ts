// POST /<locale>/products/<id>/cart: the product page's add to cart (a form post: the page has no
// client JavaScript, ADR 0027), then back to the product page with the outcome in its URL.
import type { NextRequest } from 'next/server';
import { isApiErrorCode } from '../../../../../i18n/error-codes';
import { isLocale } from '../../../../../i18n/locales';
import { isId } from '../../../../../lib/api/catalog';
import { gqlRequest } from '../../../../../lib/api/client';
import { isShopApiError } from '../../../../../lib/api/errors';
import { isSignedIn, readCartToken, writeCartToken } from '../../../../../lib/api/session';
import { fromOwnPage, seeOther } from '../../../../../lib/form-post';
import { routes } from '../../../../../lib/routes';

const ADD = `mutation Add($input: CartLineInput!) { addCartLine(input: $input) { cartToken cart { id } } }`;

export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id: productId } = await params;
  if (!isLocale(locale) || !isId(productId)) return seeOther('/');
  if (!fromOwnPage(request)) return new Response(null, { status: 403 });
  const form = await request.formData();
  const variantId = String(form.get('variantId') ?? '');
  const quantity = Number(form.get('quantity') ?? 1);
  const back = (outcome: Record<string, string>) => `${routes.product(locale, productId)}?${new URLSearchParams({ v: variantId, ...outcome })}#buy`;
  if (!isId(variantId) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) return seeOther(back({ error: 'VALIDATION_FAILED' }));
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
  return seeOther(back(code ? { error: isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR' } : { added: String(quantity) }));
}
