// The API's side of the buying pages: cart, checkout, orders and the shopper's account.
// Server only; amounts are integer minor units of `currency` (CNY fen).
import { toApiLocale, type ShopLocale } from '../../i18n/locales';
import { storefronts } from './catalog';
import { gql, gqlRequest } from './client';
import { isSignedIn, readCartToken, readCoupon } from './session';

export interface CartLine {
  id: string;
  variantId: string;
  productId: string;
  museumId: string;
  name: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  goods: number;
  /** This line's share of the promotions. */
  discount: number;
  freight: number;
  dutiable: number;
  tax: number;
  total: number;
  inStock: boolean;
  listableForChina: boolean;
}
export interface CartSellerOrder {
  museumId: string;
  fulfilledByBrandId: string | null;
  customsMode: string;
  currency: string;
  goods: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  lines: CartLine[];
}
/** A promotion the API applied (the best combination: a threshold per storefront, a coupon, a platform-wide one). */
export interface CartPromotion {
  promotionId: string;
  name: string;
  kind: 'THRESHOLD' | 'COUPON';
  museumId: string | null;
  code: string | null;
  fundedBy: 'MUSEUM' | 'PLATFORM';
  amount: number;
}
/** What placeOrder would refuse, decided by the API with placeOrder's codes (Cart.problems). */
export interface CartProblem {
  code: string;
  lineIds: string[];
  /** The variant concerned; null for an order's or the checkout's limit. */
  variantId: string | null;
  available: number | null;
  /** Limit problems of one seller order: which (with customsMode and fulfilledByBrandId). */
  museumId: string | null;
  customsMode: string | null;
  fulfilledByBrandId: string | null;
  limit: number | null;
  value: number | null;
  remaining: number | null;
}
export interface Cart {
  id: string;
  status: 'OPEN' | 'CHECKED_OUT' | 'MERGED';
  currency: string;
  goodsTotal: number;
  shippingTotal: number;
  taxTotal: number;
  /** What the promotions take off the goods: the shopper's saving. */
  discountTotal: number;
  total: number;
  promotions: CartPromotion[];
  /** The coupon sent with the query, and why it takes nothing off (a COUPON_* code) when it does not apply. */
  coupon: { code: string; problem: string | null; shortfall: { amount: number; currency: string } | null } | null;
  sellers: CartSellerOrder[];
  problems: CartProblem[];
  /** The per-order and yearly limits on the dutiable value, CNY fen, as the API applies them. */
  orderLimit: number;
  annualLimit: number;
}

/** Line names come in the shopper's language (the API's `name(locale:)`, falling back zh-CN, en, fr). */
const line = (locale?: ShopLocale) => `id variantId productId museumId name${locale ? `(locale: ${toApiLocale(locale)})` : ''} sku quantity unitPrice goods discount freight dutiable tax total inStock listableForChina`;
export const cartFields = (locale?: ShopLocale) => `id status currency goodsTotal shippingTotal taxTotal discountTotal total orderLimit annualLimit
  promotions { promotionId name kind museumId code fundedBy amount } coupon { code problem shortfall { amount currency } }
  sellers { museumId fulfilledByBrandId customsMode currency goods discount shipping tax total lines { ${line(locale)} } }
  problems { code lineIds variantId available museumId customsMode fulfilledByBrandId limit value remaining }`;

/** The shopper's cart (signed in) or the guest cart of the cookie's token; null when there is none. */
export async function currentCart(locale?: ShopLocale): Promise<{ cart: Cart | null; cartToken: string | null; signedIn: boolean }> {
  const signedIn = await isSignedIn();
  const cartToken = signedIn ? null : await readCartToken();
  if (!signedIn && !cartToken) return { cart: null, cartToken, signedIn };
  const couponCode = await readCoupon();
  const { cart } = await gql<{ cart: Cart | null }>(`query Cart($cartToken: String, $couponCode: String) { cart(cartToken: $cartToken, couponCode: $couponCode) { ${cartFields(locale)} } }`, {
    cartToken,
    couponCode,
  });
  return { cart, cartToken, signedIn };
}

/** Museum id → the storefront's name in the locale (the cart and orders name their sellers). */
export async function museumNames(locale: ShopLocale): Promise<Map<string, string>> {
  return new Map((await storefronts(locale)).map((s) => [s.museumId, s.name]));
}

export interface PaymentAction {
  type: 'REDIRECT' | 'QR_CODE';
  redirectUrl: string | null;
  qrCodeUrl: string | null;
  qrCodeData: string | null;
}
export interface OrderSummary {
  id: string;
  checkoutId: string;
  number: string;
  museumId: string;
  status: string;
  paymentStatus: string | null;
  customsMode: string;
  currency: string;
  total: number;
  createdAt: string;
  holdExpiresAt: string;
  lastPaymentFailure: { code: string | null; declineCode: string | null; attempts: number } | null;
}
export interface Checkout {
  id: string;
  currency: string;
  goodsTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  holdExpiresAt: string;
  paymentAction: PaymentAction | null;
  orders: OrderSummary[];
}
const ORDER_SUMMARY = 'id number checkoutId museumId status paymentStatus customsMode currency total createdAt holdExpiresAt lastPaymentFailure { code declineCode attempts }';
export const CHECKOUT_FIELDS = `id currency goodsTotal shippingTotal taxTotal total holdExpiresAt
  paymentAction { type redirectUrl qrCodeUrl qrCodeData } orders { ${ORDER_SUMMARY} }`;


export interface OrderDetail extends OrderSummary {
  goodsTotal: number;
  /** Promotions taken off the goods at checkout (snapshotted). */
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  paidAt: string | null;
  fulfilledByBrandId: string | null;
  orderer: { name: string; residentIdMasked: string };
  recipient: { name: string; phone: string; province: string; city: string; district: string; street: string; postalCode: string };
  lines: { id: string; name: string; sku: string; quantity: number; unitPrice: number; total: number; imageUrl: string | null; productId: string }[];
  history: { at: string; from: string | null; to: string; reason: string }[];
  parcel: {
    logisticsNo: string;
    carrierCode: string;
    status: string;
    bookedAt: string | null;
    deliveredAt: string | null;
    events: { eventId: string; status: string; description: string; location: string | null; occurredAt: string }[];
  } | null;
}
export const orderDetail = (locale?: ShopLocale) => `${ORDER_SUMMARY} goodsTotal discountTotal shippingTotal taxTotal paidAt fulfilledByBrandId
  orderer { name residentIdMasked } recipient { name phone province city district street postalCode }
  lines { id name${locale ? `(locale: ${toApiLocale(locale)})` : ''} sku quantity unitPrice total imageUrl productId }
  history { at from to reason }
  parcel { logisticsNo carrierCode status bookedAt deliveredAt events { eventId status description location occurredAt } }`;

export async function order(id: string, locale?: ShopLocale): Promise<OrderDetail> {
  return (await gql<{ order: OrderDetail }>(`query Order($id: ID!) { order(id: $id) { ${orderDetail(locale)} } }`, { id })).order;
}

export async function myOrders(first = 50): Promise<OrderSummary[]> {
  return (await gql<{ myOrders: { nodes: OrderSummary[] } }>(`query Mine($first: Int) { myOrders(first: $first) { nodes { ${ORDER_SUMMARY} } } }`, { first })).myOrders.nodes;
}

export interface Identity {
  id: string;
  residentIdMasked: string;
  lastOrderedAt: string;
  numberStored: boolean;
  deletionRequestedAt: string | null;
}
export async function me(): Promise<{ displayName: string; email: string } | null> {
  if (!(await isSignedIn())) return null;
  const { data } = await gqlRequest<{ me: { displayName: string; email: string } | null }>(`query Me { me { displayName email } }`);
  return data?.me ?? null;
}
/** A saved orderer identity and its yearly quota this calendar year (CNY fen), as checkout counts it. */
export interface IdentityQuota {
  id: string;
  residentIdMasked: string;
  annualQuota: { remaining: { amount: number }; limit: { amount: number }; used: { amount: number } } | null;
  /** The name the shopper last ordered under with it. */
  ordererName: string | null;
  /** Whether checkout can still use it (its number stored, no deletion asked). */
  usable: boolean;
}
/** The signed-in shopper's saved orderer identities (newest first) with their remaining yearly quota; empty for a guest. */
export async function identityQuotas(): Promise<IdentityQuota[]> {
  if (!(await isSignedIn())) return [];
  type Row = Omit<IdentityQuota, 'usable'> & { numberStored: boolean; deletionRequestedAt: string | null };
  const { data } = await gqlRequest<{ ordererIdentities: Row[] }>(
    `query IdQuotas { ordererIdentities { id residentIdMasked ordererName numberStored deletionRequestedAt annualQuota { remaining { amount } limit { amount } used { amount } } } }`,
  );
  // The quota panel is an aid before checkout (which checks the quota itself): the cart shows without it.
  return (data?.ordererIdentities ?? [])
    .filter((i) => i.annualQuota !== null)
    .map(({ numberStored, deletionRequestedAt, ...i }) => ({ ...i, usable: numberStored && !deletionRequestedAt && Boolean(i.ordererName) }));
}
/** The ID-use consent checkout shows, from the API: its text states the retention in force (PII_RETENTION_DAYS_AFTER_RELEASE); placeOrder records its version. */
export interface IdUseConsent {
  version: string;
  retentionDaysAfterRelease: number;
  title: string;
  text: string;
  label: string;
}
export async function checkoutConsent(locale: ShopLocale): Promise<IdUseConsent> {
  return (await gql<{ checkoutConsent: IdUseConsent }>(`query Consent($l: String) { checkoutConsent(locale: $l) { version retentionDaysAfterRelease title text label } }`, { l: locale }, { auth: false })).checkoutConsent;
}
export async function ordererIdentities(): Promise<Identity[]> {
  return (await gql<{ ordererIdentities: Identity[] }>(`query Ids { ordererIdentities { id residentIdMasked lastOrderedAt numberStored deletionRequestedAt } }`)).ordererIdentities;
}

/**
 * The orders of a placed checkout, in full: a guest's through orderByCart (the cart's token),
 * a signed-in shopper's among their latest orders. Empty when neither finds it.
 */
export async function ordersOfCheckout(checkoutId: string, cartToken: string | null, locale?: ShopLocale): Promise<OrderDetail[]> {
  if (cartToken) {
    const { data } = await gqlRequest<{ orderByCart: { id: string; orders: OrderDetail[] } }>(`query ByCart($t: String!) { orderByCart(cartToken: $t) { id orders { ${orderDetail(locale)} } } }`, { t: cartToken }, { auth: false });
    return data?.orderByCart.id === checkoutId ? data.orderByCart.orders : [];
  }
  if (!(await isSignedIn())) return [];
  const { data } = await gqlRequest<{ myOrders: { nodes: OrderDetail[] } }>(`query Mine { myOrders(first: 50) { nodes { ${orderDetail(locale)} } } }`);
  return (data?.myOrders.nodes ?? []).filter((o) => o.checkoutId === checkoutId);
}

/** Where a placed checkout stands for its shopper. */
export type CheckoutState = 'PAID' | 'FAILED' | 'PROCESSING' | 'CANCELLED';
export function checkoutState(orders: readonly Pick<OrderSummary, 'status' | 'paymentStatus' | 'lastPaymentFailure'>[]): CheckoutState {
  if (orders.length && orders.every((o) => o.status === 'CANCELLED')) return 'CANCELLED';
  if (orders.some((o) => o.status === 'PENDING_PAYMENT')) return orders.some((o) => o.lastPaymentFailure || o.paymentStatus === 'FAILED') ? 'FAILED' : 'PROCESSING';
  return 'PAID';
}
