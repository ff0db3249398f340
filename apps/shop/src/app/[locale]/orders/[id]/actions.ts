'use server';
// Asks for a return of some units of the shopper's own order (requestReturn). A refusal comes
// back to the form with the API's code at the fields it names; nothing is written then.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isLocale } from '../../../../i18n/locales';
import { isId } from '../../../../lib/api/catalog';
import { gqlRequest } from '../../../../lib/api/client';
import { MAX_PHOTOS, parsePhotoUrls, RETURN_REASONS, returnRefusalToState, type ReturnFormState } from '../../../../lib/returns/form';
import type { ReturnReason } from '../../../../lib/api/returns';
import { guestAccessTo } from '../../../../lib/api/guest-order';
import { isSignedIn } from '../../../../lib/api/session';
import { routes } from '../../../../lib/routes';

const REQUEST = `mutation RequestReturn($input: RequestReturnInput!) { requestReturn(input: $input) { id status } }`;
/** A guest's order, with the access a code sent to its phone gave (lib/api/guest-order.ts). */
const REQUEST_AS_GUEST = `mutation RequestGuestReturn($token: String!, $input: RequestReturnInput!) { requestGuestReturn(token: $token, input: $input) { id status } }`;

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

export async function requestReturn(_prev: ReturnFormState, formData: FormData): Promise<ReturnFormState> {
  const locale = str(formData, 'locale');
  const orderId = str(formData, 'orderId');
  if (!isLocale(locale) || !isId(orderId)) redirect('/');
  const lines: { lineId: string; quantity: number }[] = [];
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith('qty:')) continue;
    const quantity = Number(value);
    if (Number.isInteger(quantity) && quantity > 0) lines.push({ lineId: key.slice(4), quantity });
  }
  const reason = str(formData, 'reason') as ReturnReason;
  const photoUrls = parsePhotoUrls(str(formData, 'photoUrls'));
  // What the form can tell before asking: nothing chosen, no reason, too many photos.
  const local: Record<string, string> = {};
  if (!lines.length) local['lines'] = 'NOTHING_CHOSEN';
  if (!RETURN_REASONS.includes(reason)) local['reason'] = 'REASON_REQUIRED';
  if (photoUrls.length > MAX_PHOTOS) local['photos'] = 'TOO_MANY_PHOTOS';
  if (Object.keys(local).length) return { fields: local, formError: 'VALIDATION_FAILED' };
  const note = str(formData, 'note');
  // Uploaded photos go to the API as base64; it checks their count, size and type (by their bytes).
  const files = formData.getAll('photoFiles').filter((f): f is File => typeof f !== 'string' && f.size > 0);
  const photos = await Promise.all(files.map(async (f) => ({ filename: f.name || null, contentBase64: Buffer.from(await f.arrayBuffer()).toString('base64') })));
  const input = { orderId, reason, lines, photoUrls, photos, note: note || null };
  const token = (await isSignedIn()) ? null : await guestAccessTo(orderId);
  const { data, errors } = token
    ? await gqlRequest<{ requestGuestReturn: { id: string; status: string } }>(REQUEST_AS_GUEST, { token, input }, { auth: false })
    : await gqlRequest<{ requestReturn: { id: string; status: string } }>(REQUEST, { input });
  // The guest's access ran out while the form was open: confirm again with a new code.
  if (errors[0]?.extensions?.code === 'GUEST_ACCESS_INVALID') redirect(routes.findOrder(locale, { error: 'GUEST_ACCESS_INVALID' }));
  if (errors.length || !data) return returnRefusalToState(errors[0], lines.map((l) => l.lineId));
  revalidatePath(routes.order(locale, orderId));
  redirect(`${routes.order(locale, orderId)}?return=requested#returns`);
}
