// The checkout form's fields and how API refusals map onto them (no next/* imports: unit-testable).

export const CHECKOUT_FIELDS = ['name', 'residentId', 'phone', 'recipientName', 'province', 'city', 'district', 'street', 'postalCode', 'consentToIdUse', 'acceptRiskNotice', 'paymentMethod'] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type PaymentMethod = 'ALIPAY' | 'WECHAT_PAY' | 'CARD';

/** What the form shows after a refusal: a message code per field (an API code or a local one) and one for the form. */
export interface CheckoutFormState {
  fields: Partial<Record<CheckoutField, string>>;
  formError: string | null;
}

/** placeOrder's input paths (VALIDATION_FAILED fields, extensions.field) → the form's fields. */
const PATHS: Record<string, CheckoutField> = {
  'input.orderer.name': 'name',
  'input.payer.name': 'name',
  'input.orderer.residentId': 'residentId',
  'input.payer.residentId': 'residentId',
  // A saved identity stands where the ID number would be typed.
  'input.orderer.savedIdentityId': 'residentId',
  'input.payer.savedIdentityId': 'residentId',
  'input.recipient.phone': 'phone',
  'input.recipient.name': 'recipientName',
  'input.recipient.province': 'province',
  'input.recipient.city': 'city',
  'input.recipient.district': 'district',
  'input.recipient.street': 'street',
  'input.recipient.postalCode': 'postalCode',
  'input.consentToIdUse': 'consentToIdUse',
  'input.acceptRiskNotice': 'acceptRiskNotice',
  'input.paymentMethod': 'paymentMethod',
  'input.returnUrl': 'paymentMethod',
};

export interface ApiRefusal {
  extensions?: { code?: unknown; field?: unknown; fields?: unknown; problem?: unknown };
}

/** The fields an API refusal concerns, each with the refusal's code; the code alone when it names no field. */
export function refusalToState(error: ApiRefusal | undefined): CheckoutFormState {
  const code = typeof error?.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
  const ext = error?.extensions ?? {};
  const paths: string[] = [];
  if (typeof ext.field === 'string') paths.push(ext.field);
  if (Array.isArray(ext.fields)) for (const f of ext.fields) paths.push(typeof f === 'string' ? f : String((f as { path?: unknown }).path ?? ''));
  const fields: CheckoutFormState['fields'] = {};
  for (const p of paths) {
    const field = PATHS[p];
    if (field) fields[field] = code === 'INVALID_RESIDENT_ID' && typeof ext.problem === 'string' ? `ID_${ext.problem}` : code;
  }
  // The resident ID's refusals and the quota concern the ID number even when the API names no field.
  if (!Object.keys(fields).length && (code === 'INVALID_RESIDENT_ID' || code === 'ANNUAL_LIMIT_EXCEEDED')) fields.residentId = code;
  return { fields, formError: code };
}
