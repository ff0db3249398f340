// A guest's order (placed without an account), opened after a code sent by SMS to its phone
// (the API's sendGuestOrderCode / verifyGuestOrderCode): the access token is kept in an httpOnly
// cookie for as long as the API lets it work, and sent with guestOrder and requestGuestReturn.
// While the guest types the code, the order number and phone they gave wait in another
// short-lived httpOnly cookie (not in the URL).
import { cookies } from 'next/headers';
import type { ShopLocale } from '../../i18n/locales';
import { orderDetail, type OrderDetail } from './buy';
import { gqlRequest } from './client';
import { cookieOptions } from './config';
import type { OrderReturns } from './returns';
import { SHOPPER_RETURN_FIELDS } from './returns';

const ACCESS = 'vitrine_guest_order';
const LOOKUP = 'vitrine_guest_lookup';
const LOOKUP_MAX_AGE_SECONDS = 15 * 60;

export interface GuestAccess {
  orderId: string;
  token: string;
}

export interface GuestLookup {
  orderNumber: string;
  phone: string;
  phoneMasked: string;
}

function parse<T>(raw: string | undefined, ok: (v: Record<string, unknown>) => boolean): T | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    return v && typeof v === 'object' && ok(v) ? (v as T) : null;
  } catch {
    return null;
  }
}

/** The token opening this order, if this device verified it. */
export async function guestAccessTo(orderId: string): Promise<string | null> {
  const v = parse<GuestAccess>((await cookies()).get(ACCESS)?.value, (x) => typeof x['orderId'] === 'string' && typeof x['token'] === 'string');
  return v && v.orderId === orderId ? v.token : null;
}

/** In a server action: the order opened until `expiresAt`. */
export async function writeGuestAccess(access: GuestAccess, expiresAt: string): Promise<void> {
  const seconds = Math.max(1, Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000));
  (await cookies()).set(ACCESS, JSON.stringify(access), cookieOptions(seconds));
}

export async function clearGuestAccess(): Promise<void> {
  (await cookies()).delete(ACCESS);
}

export async function readGuestLookup(): Promise<GuestLookup | null> {
  return parse<GuestLookup>((await cookies()).get(LOOKUP)?.value, (x) => typeof x['orderNumber'] === 'string' && typeof x['phone'] === 'string' && typeof x['phoneMasked'] === 'string');
}

export async function writeGuestLookup(lookup: GuestLookup): Promise<void> {
  (await cookies()).set(LOOKUP, JSON.stringify(lookup), cookieOptions(LOOKUP_MAX_AGE_SECONDS));
}

export async function clearGuestLookup(): Promise<void> {
  (await cookies()).delete(LOOKUP);
}

type Answer<T> = { ok: true; data: T } | { ok: false; code: string };

async function mutate<T>(query: string, variables: Record<string, unknown>, field: string): Promise<Answer<T>> {
  const { data, errors } = await gqlRequest<Record<string, T>>(query, variables, { auth: false });
  if (errors.length || !data) return { ok: false, code: String(errors[0]?.extensions?.code ?? 'UNKNOWN') };
  return { ok: true, data: data[field] as T };
}

export function sendGuestCode(orderNumber: string, phone: string): Promise<Answer<{ phoneMasked: string; expiresAt: string; resendAfter: string }>> {
  return mutate(`mutation SendGuestCode($i: SendGuestOrderCodeInput!) { sendGuestOrderCode(input: $i) { phoneMasked expiresAt resendAfter } }`, { i: { orderNumber, phone } }, 'sendGuestOrderCode');
}

export function verifyGuestCode(orderNumber: string, phone: string, code: string): Promise<Answer<{ orderId: string; token: string; expiresAt: string }>> {
  return mutate(`mutation VerifyGuestCode($i: VerifyGuestOrderCodeInput!) { verifyGuestOrderCode(input: $i) { orderId token expiresAt } }`, { i: { orderNumber, phone, code } }, 'verifyGuestOrderCode');
}

/** The guest's order and its returns (as OrderReturns), or null when the token no longer works. */
export async function guestOrder(token: string, locale: ShopLocale): Promise<{ order: OrderDetail; returns: OrderReturns } | null> {
  const { data } = await gqlRequest<{ guestOrder: OrderDetail & { returnDeadline: string | null; returns: OrderReturns['returns']; returnable: OrderReturns['lines'] } }>(
    `query GuestOrder($t: String!, $locale: String) { guestOrder(token: $t) { ${orderDetail(locale)} returnDeadline returns { ${SHOPPER_RETURN_FIELDS} } returnable: lines { id returnableQuantity } } }`,
    { t: token, locale },
    { auth: false },
  );
  if (!data?.guestOrder) return null;
  const { returnDeadline, returns, returnable, ...order } = data.guestOrder;
  return { order, returns: { returnDeadline, returns, lines: returnable } };
}
