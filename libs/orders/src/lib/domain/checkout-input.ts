import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CustomsError, CustomsErrorCode, RESIDENT_ID_MESSAGES, parseResidentId, type ResidentId } from '@vitrine/customs';
import { validate } from '@vitrine/shared/kernel';
import { OrdersError, OrdersErrorCode } from './orders-error';
import { isSourceMarker } from '../attribution/domain/attribution';

/** The shop's languages (its URL locales), recorded with a checkout; zh-CN when the client gives none. */
export const SHOPPER_LOCALES = ['zh-CN', 'en', 'fr'] as const;
export type ShopperLocale = (typeof SHOPPER_LOCALES)[number];
export const DEFAULT_SHOPPER_LOCALE: ShopperLocale = 'zh-CN';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max).transform((s) => s.replace(/\s+/g, ' '));

export const recipientSchema = z.object({
  name: text(50),
  phone: z.string().trim().regex(/^1[3-9]\d{9}$/, 'must be a mainland China mobile number'),
  province: text(50),
  city: text(50),
  district: text(50),
  street: text(200),
  postalCode: z.string().trim().regex(/^\d{6}$/, 'must be 6 digits'),
});
export type Recipient = z.output<typeof recipientSchema>;

const person = z.object({ name: text(50), residentId: z.string().max(32) });

export const placeOrderSchema = z.object({
  cartId: z.string().uuid(),
  cartToken: z.string().max(100).nullish(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_\-:.]{8,128}$/, 'must be 8 to 128 letters, digits or - _ : .'),
  recipient: recipientSchema,
  orderer: person,
  payer: person,
  consentToIdUse: z.boolean(),
  acceptRiskNotice: z.boolean(),
  paymentMethod: z.enum(['CARD', 'ALIPAY', 'WECHAT_PAY']).nullish(),
  returnUrl: z
    .string()
    .max(2000)
    .url('must be an http or https URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL')
    .nullish(),
  // Where the shopper came from (attribution: ?src=shelf-<museum> on a shelf label's QR code, article-…, live-…, share-…, search-<term>).
  source: z
    .string()
    .max(400)
    .refine(isSourceMarker, 'must be shelf-, article-, live- or share- followed by lower-case letters, digits or dashes, or search / search-<term> with the term as the shop keeps it')
    .nullish(),
  // The coupon entered in the cart (libs/promotions); checked again here, under the checkout's locks.
  couponCode: z.string().trim().max(32).nullish(),
  // The shop's language (its URL locale): the shopper's return texts and notices are written in it.
  locale: z.enum(SHOPPER_LOCALES, { message: 'must be zh-CN, en or fr' }).nullish(),
}).superRefine((v, ctx) => {
  // Alipay sends the shopper back to a page of the shop: Stripe refuses the confirmation without one.
  if (v.paymentMethod === 'ALIPAY' && !v.returnUrl) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['returnUrl'], message: 'is required with ALIPAY' });
});

/** How the shopper pays: card through Stripe.js (the client secret), or a wallet the API confirms. */
export type PaymentMethodChoice = 'CARD' | 'ALIPAY' | 'WECHAT_PAY';

export interface CheckedCheckoutInput {
  cartId: string;
  cartToken: string | null;
  idempotencyKey: string;
  recipient: Recipient;
  ordererName: string;
  residentId: ResidentId;
  paymentMethod: PaymentMethodChoice | null;
  returnUrl: string | null;
  source: string | null;
  couponCode: string | null;
  locale: ShopperLocale;
}

/** The version of the consent and risk-notice texts the shopper accepted: see checkout-consent.ts (consentVersionFor). */

/** GB 11643-1999, as checkout checks it: INVALID_RESIDENT_ID naming the field and the problem. */
export function checkResidentId(raw: string, today: Date, field: string): ResidentId {
  const parsed = parseResidentId(raw, today);
  if (!parsed.ok) {
    throw new CustomsError(CustomsErrorCode.INVALID_RESIDENT_ID, `The resident ID number ${RESIDENT_ID_MESSAGES[parsed.problem]}`, { field, problem: parsed.problem });
  }
  return parsed.id;
}

/** The yearly-quota question: the real name (as on the orders) and the ID number, checked as checkout checks them. */
export function checkQuotaQuery(input: unknown, today: Date): { name: string; residentId: ResidentId } {
  const v = validate(person, input);
  return { name: v.name, residentId: checkResidentId(v.residentId, today, 'input.residentId') };
}

/**
 * Checks a checkout request before anything is read or written, in a fixed order so the
 * first problem a shopper can fix is the one reported: shape, consents, the orderer's
 * resident ID, then payer = orderer. The ID number never appears in an error.
 */
export function checkCheckoutInput(input: unknown, today: Date): CheckedCheckoutInput {
  const v = validate(placeOrderSchema, input);
  const missing = [
    ...(v.consentToIdUse ? [] : [{ path: 'input.consentToIdUse', message: 'separate consent to use and transfer the ID number to customs is required' }]),
    ...(v.acceptRiskNotice ? [] : [{ path: 'input.acceptRiskNotice', message: 'the cross-border risk notice must be accepted' }]),
  ];
  if (missing.length) throw new OrdersError(OrdersErrorCode.CONSENT_REQUIRED, 'Consent is required to check out', { fields: missing });

  const residentId = checkResidentId(v.orderer.residentId, today, 'input.orderer.residentId');
  const payerId = v.payer.residentId.trim().toUpperCase();
  const mismatched = [
    ...(v.payer.name === v.orderer.name ? [] : ['input.payer.name']),
    ...(payerId === residentId.value ? [] : ['input.payer.residentId']),
  ];
  if (mismatched.length) {
    throw new OrdersError(OrdersErrorCode.PAYER_MISMATCH, 'The payer must be the orderer (same real name and ID number)', { fields: mismatched });
  }
  return {
    cartId: v.cartId,
    cartToken: v.cartToken ?? null,
    idempotencyKey: v.idempotencyKey,
    recipient: v.recipient,
    ordererName: v.orderer.name,
    residentId,
    paymentMethod: v.paymentMethod ?? null,
    returnUrl: v.returnUrl ?? null,
    source: v.source ?? null,
    couponCode: v.couponCode ? v.couponCode.toUpperCase() : null,
    locale: v.locale ?? DEFAULT_SHOPPER_LOCALE,
  };
}

/**
 * What makes two placeOrder requests "the same": the cart, its contents, the identity (by
 * keyed hash, never the number) and the delivery details.
 */
export function checkoutFingerprint(args: {
  cartId: string;
  items: readonly { variantId: string; quantity: number }[];
  identityHash: string;
  ordererName: string;
  recipient: Recipient;
  couponCode?: string | null;
}): string {
  const items = [...args.items].map((i) => `${i.variantId}:${i.quantity}`).sort();
  const r = args.recipient;
  const canonical = JSON.stringify([args.cartId, items, args.identityHash, args.ordererName, [r.name, r.phone, r.province, r.city, r.district, r.street, r.postalCode], ...(args.couponCode ? [args.couponCode] : [])]);
  return createHash('sha256').update(canonical).digest('hex');
}
