// The address form's fields and how the API's refusals map onto them (no next/* imports: unit-testable).

export const ADDRESS_FIELDS = ['recipientName', 'phone', 'province', 'city', 'district', 'street', 'postalCode'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** How many addresses the API keeps for a shopper (its ADDRESS_LIMIT_REACHED cap). */
export const MAX_ADDRESSES = 20;

export interface AddressFormState {
  /** The API's code per field it named (VALIDATION_FAILED …). */
  fields: Partial<Record<AddressField, string>>;
  /** The refusal's code (null before any). */
  formError: string | null;
}

/** saveAddress's input paths → the form's fields (the form names the recipient `recipientName`, as checkout does). */
const PATHS: Record<string, AddressField> = {
  'input.name': 'recipientName',
  'input.phone': 'phone',
  'input.province': 'province',
  'input.city': 'city',
  'input.district': 'district',
  'input.street': 'street',
  'input.postalCode': 'postalCode',
};

export interface ApiRefusal {
  extensions?: { code?: unknown; fields?: unknown };
}

export function addressRefusal(error: ApiRefusal | undefined): AddressFormState {
  const code = typeof error?.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN';
  const fields: AddressFormState['fields'] = {};
  const listed = error?.extensions?.fields;
  if (Array.isArray(listed)) {
    for (const f of listed) {
      const field = PATHS[String((f as { path?: unknown })?.path ?? '')];
      if (field) fields[field] = code;
    }
  }
  return { fields, formError: code };
}

/** The saveAddress input from the form's values (the postcode left out when blank: it is optional). */
export function addressInput(get: (name: string) => string): Record<string, unknown> {
  const id = get('id');
  const postalCode = get('postalCode');
  return {
    ...(id ? { id } : {}),
    name: get('recipientName'),
    phone: get('phone'),
    province: get('province'),
    city: get('city'),
    district: get('district'),
    street: get('street'),
    postalCode: postalCode || null,
    isDefault: get('isDefault') === 'on',
  };
}

/** A mobile number as a list shows it: `138****8000`. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}

/** One line naming an address: `北京市 市辖区 朝阳区 建国路 88 号`. */
export function addressLine(a: { province: string; city: string; district: string; street: string }): string {
  return [a.province, a.city, a.district, a.street].filter(Boolean).join(' ');
}
