'use server';
// Places the cart (placeOrder) and starts the payment: Alipay → the wallet's page (redirect),
// WeChat Pay → our page with its QR code, card → the card step (Payment Element or the sandbox's form). A refusal comes back
// to the form with the API's code at the fields it names; nothing changes in the cart.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isLocale, type ShopLocale } from '../../../i18n/locales';
import { CHECKOUT_FIELDS as CHECKOUT_QUERY_FIELDS, currentCart, type Checkout } from '../../../lib/api/buy';
import { gqlRequest } from '../../../lib/api/client';
import { shopOrigin } from '../../../lib/api/config';
import { readPlacedCheckout, writePlacedCheckout } from '../../../lib/api/placed-checkout';
import { readCartToken, readCoupon, readSource, isSignedIn, writeCartToken } from '../../../lib/api/session';
import { refusalToState, type CheckoutFormState, type PaymentMethod } from '../../../lib/checkout/form';
import { routes } from '../../../lib/routes';

const PLACE = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { ${CHECKOUT_QUERY_FIELDS} payment { clientSecret } } }`;
const METHODS: readonly PaymentMethod[] = ['ALIPAY', 'WECHAT_PAY', 'CARD'];
const SAVE_ADDRESS = `mutation SaveAddress($input: SaveAddressInput!) { saveAddress(input: $input) { id } }`;

/** CARD: the client secret the card step confirms with. */
type Placed = Checkout & { payment: { clientSecret: string } | null };

const str = (f: FormData, k: string) => String(f.get(k) ?? '').trim();

/** One key per cart: a retry (another payment method after a decline) is the same checkout. */
const keyOf = (cartId: string) => `shop-cart-${cartId}`;

function next(locale: ShopLocale, checkout: Placed, method: PaymentMethod): string {
  if (method === 'CARD' && checkout.payment) return routes.checkoutCard(locale, checkout.id);
  const action = checkout.paymentAction;
  if (action?.type === 'REDIRECT' && action.redirectUrl) return action.redirectUrl;
  if (action?.type === 'QR_CODE') return routes.checkoutPay(locale, checkout.id);
  return routes.checkoutReturn(locale, checkout.id);
}

export async function placeOrder(_prev: CheckoutFormState, formData: FormData): Promise<CheckoutFormState> {
  const locale = str(formData, 'locale');
  if (!isLocale(locale)) redirect('/');
  const method = str(formData, 'paymentMethod') as PaymentMethod;
  const retryOf = str(formData, 'retryCheckoutId');
  let cartId: string;
  let cartToken: string | null;
  if (retryOf) {
    // Paying again after a decline: the checked-out cart of the placed checkout.
    const placed = await readPlacedCheckout();
    if (!placed || placed.checkoutId !== retryOf) return { fields: {}, formError: 'NOT_FOUND' };
    cartToken = placed.cartToken;
    cartId = placed.cartId;
  } else {
    const { cart, cartToken: token } = await currentCart();
    if (!cart || cart.sellers.length === 0) return { fields: {}, formError: 'CART_EMPTY' };
    cartId = cart.id;
    cartToken = token;
  }
  // A saved orderer identity (preselected at checkout, shown masked) goes by its id: the API uses its stored number.
  const savedIdentityId = str(formData, 'savedIdentityId');
  const person = savedIdentityId ? { name: str(formData, 'name'), savedIdentityId } : { name: str(formData, 'name'), residentId: str(formData, 'residentId').toUpperCase() };
  const input = {
    cartId,
    cartToken,
    idempotencyKey: keyOf(cartId),
    orderer: person,
    payer: person,
    recipient: {
      name: str(formData, 'recipientName'),
      phone: str(formData, 'phone'),
      province: str(formData, 'province'),
      city: str(formData, 'city'),
      district: str(formData, 'district'),
      street: str(formData, 'street'),
      postalCode: str(formData, 'postalCode'),
    },
    consentToIdUse: formData.get('consentToIdUse') === 'on',
    acceptRiskNotice: formData.get('acceptRiskNotice') === 'on',
    paymentMethod: METHODS.includes(method) ? method : null,
    returnUrl: `${shopOrigin()}/${locale}/checkout/returned`,
    // The coupon applied in the cart; placeOrder checks it again (COUPON_* refusals come back to the form).
    couponCode: await readCoupon(),
    // Where the shopper came from (a shelf label's QR code, …): the order's attribution.
    source: await readSource(),
    // The shop's language: the shopper's return texts and notices are written in it.
    locale,
  };
  const { data, errors } = await gqlRequest<{ placeOrder: Placed }>(PLACE, { input });
  if (errors.length || !data) return refusalToState(errors[0]);
  const checkout = data.placeOrder;
  const qr = checkout.paymentAction?.type === 'QR_CODE' ? { url: checkout.paymentAction.qrCodeUrl, data: checkout.paymentAction.qrCodeData } : null;
  const clientSecret = method === 'CARD' ? (checkout.payment?.clientSecret ?? null) : null;
  const signedIn = await isSignedIn();
  await writePlacedCheckout({ checkoutId: checkout.id, cartId, cartToken: signedIn ? null : cartToken, qr, clientSecret });
  // "Save this address": once the order is placed, into the shopper's address book (a refusal, e.g. the cap, does not hold up the payment).
  if (signedIn && formData.get('saveAddress') === 'on') await gqlRequest(SAVE_ADDRESS, { input: { ...input.recipient, postalCode: input.recipient.postalCode || null } });
  redirect(next(locale, checkout, method));
}

const ABANDON = `mutation Abandon($cartToken: String, $checkoutId: ID!) { abandonCheckout(cartToken: $cartToken, checkoutId: $checkoutId) { id } }`;
const CART_OF = `query Lines($t: String) { cart(cartToken: $t) { status lines { variantId quantity } } }`;
const ADD = `mutation Add($input: CartLineInput!) { addCartLine(input: $input) { cartToken } }`;

/**
 * Gives up an unpaid checkout (its orders cancelled, stock released): the API opens the cart
 * it was placed from again with its lines (or adds them to a signed-in shopper's newer cart),
 * so the shopper finds their cart as it was. A guest who started another cart meanwhile has
 * the old cart's lines added to that one, the cart their cookie now names.
 */
export async function abandonCheckout(formData: FormData): Promise<void> {
  const locale = str(formData, 'locale');
  if (!isLocale(locale)) redirect('/');
  const placed = await readPlacedCheckout();
  if (!placed) redirect(routes.cart(locale));
  const signedIn = await isSignedIn();
  const { errors } = await gqlRequest(ABANDON, { cartToken: placed.cartToken, checkoutId: placed.checkoutId });
  if (errors.length) redirect(`${routes.checkoutReturn(locale, placed.checkoutId)}&error=${String(errors[0]?.extensions?.code ?? 'UNKNOWN')}`);
  const current = await readCartToken();
  if (!signedIn && placed.cartToken && current && current !== placed.cartToken) {
    const old = await gqlRequest<{ cart: { lines: { variantId: string; quantity: number }[] } | null }>(CART_OF, { t: placed.cartToken }, { auth: false });
    for (const line of old.data?.cart?.lines ?? []) await gqlRequest(ADD, { input: { variantId: line.variantId, quantity: line.quantity, cartToken: current } });
  } else if (!signedIn && placed.cartToken) {
    await writeCartToken(placed.cartToken);
  }
  revalidatePath(`/${locale}`, 'layout');
  redirect(`${routes.cart(locale)}?abandoned=1`);
}
