'use server';
// Add to cart from the live page: addLiveCartLine (the flash price applies, the order is
// attributed to the session). Answered in place: the page keeps its stream open.
import { revalidatePath } from 'next/cache';
import { isLocale } from '../../../../i18n/locales';
import { isApiErrorCode } from '../../../../i18n/error-codes';
import { gqlRequest } from '../../../../lib/api/client';
import { isShopApiError } from '../../../../lib/api/errors';
import { isId } from '../../../../lib/api/catalog';
import { isSignedIn, readCartToken, writeCartToken } from '../../../../lib/api/session';
import { EMPTY_LIVE_ADD, type LiveAddState } from '../../../../lib/live-add';


const ADD = `mutation AddLive($input: AddLiveCartLineInput!) { addLiveCartLine(input: $input) { cartToken quantity unitPriceMinor } }`;

export async function addFromLive(_prev: LiveAddState, formData: FormData): Promise<LiveAddState> {
  const locale = String(formData.get('locale') ?? '');
  const sessionId = String(formData.get('sessionId') ?? '');
  const variantId = String(formData.get('variantId') ?? '');
  const quantity = Number(formData.get('quantity') ?? 1);
  const refused = (code: string): LiveAddState => ({ ...EMPTY_LIVE_ADD, code: isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR', at: Date.now() });
  if (!isLocale(locale) || !isId(sessionId) || !isId(variantId) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) return refused('VALIDATION_FAILED');
  try {
    const cartToken = (await isSignedIn()) ? null : await readCartToken();
    const { data, errors } = await gqlRequest<{ addLiveCartLine: { cartToken: string | null; quantity: number; unitPriceMinor: number } }>(ADD, {
      input: { sessionId, variantId, quantity, cartToken },
    });
    if (errors.length || !data) return refused(String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
    if (data.addLiveCartLine.cartToken) await writeCartToken(data.addLiveCartLine.cartToken);
    revalidatePath(`/${locale}`, 'layout');
    return { ok: true, code: null, quantity, unitPriceMinor: data.addLiveCartLine.unitPriceMinor, at: Date.now() };
  } catch (e) {
    return refused(isShopApiError(e) ? e.code : 'INTERNAL_SERVER_ERROR');
  }
}
