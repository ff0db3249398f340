// POST /<locale>/products/<id>/notify: "notify me when it is back" on a sold-out product page (a
// form post: the page has no client JavaScript, ADR 0027); a guest is sent to sign in first.
import type { NextRequest } from 'next/server';
import { isApiErrorCode } from '../../../../../i18n/error-codes';
import { isLocale } from '../../../../../i18n/locales';
import { isId } from '../../../../../lib/api/catalog';
import { gqlRequest } from '../../../../../lib/api/client';
import { isShopApiError } from '../../../../../lib/api/errors';
import { fromOwnPage, seeOther } from '../../../../../lib/form-post';
import { routes } from '../../../../../lib/routes';

const NOTIFY = `mutation Notify($input: SubscribeNoticeInput!) { subscribeNotice(input: $input) { id } }`;

export async function POST(request: NextRequest, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id: productId } = await params;
  if (!isLocale(locale) || !isId(productId)) return seeOther('/');
  if (!fromOwnPage(request)) return new Response(null, { status: 403 });
  const variantId = String((await request.formData()).get('variantId') ?? '');
  const page = routes.product(locale, productId);
  // Back to the buy box of the variant asked about (as add to cart does): a refusal is shown on
  // the sold-out variant, not on the first one in stock, where the button is not offered.
  const back = (outcome: Record<string, string>) => `${page}?${new URLSearchParams({ v: variantId, ...outcome })}#buy`;
  if (!isId(variantId)) return seeOther(back({ error: 'VALIDATION_FAILED' }));
  let code: string | null = null;
  try {
    const { errors } = await gqlRequest(NOTIFY, { input: { kind: 'BACK_IN_STOCK', targetId: variantId } });
    if (errors.length) code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  } catch (e) {
    code = isShopApiError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
  }
  // Back to this variant's buy box once signed in.
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return seeOther(routes.signIn(locale, back({})));
  return seeOther(back(code ? { error: isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR' } : { notify: '1' }));
}
