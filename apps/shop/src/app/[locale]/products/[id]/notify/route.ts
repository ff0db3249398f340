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
  if (!isId(variantId)) return seeOther(`${page}?${new URLSearchParams({ error: 'VALIDATION_FAILED' })}#buy`);
  let code: string | null = null;
  try {
    const { errors } = await gqlRequest(NOTIFY, { input: { kind: 'BACK_IN_STOCK', targetId: variantId } });
    if (errors.length) code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  } catch (e) {
    code = isShopApiError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
  }
  // Back to this variant's buy box once signed in: the page alone would open on the first variant in stock.
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return seeOther(routes.signIn(locale, `${page}?${new URLSearchParams({ v: variantId })}#buy`));
  const outcome: Record<string, string> = code ? { error: isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR' } : { v: variantId, notify: '1' };
  return seeOther(`${page}?${new URLSearchParams(outcome)}#buy`);
}
