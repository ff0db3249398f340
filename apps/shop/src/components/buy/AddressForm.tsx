'use client';
// Adds or edits a saved delivery address: checkout's recipient fields (the same province / city /
// district selects), the postcode optional, and whether it becomes the default. A refusal shows
// the API's code at the fields it names and keeps what was typed.
import Link from 'next/link';
import { useState } from 'react';
import { useKeptForm } from './use-kept-form';
import type { BuyDictionary } from '../../i18n/buy-types';
import type { AddressField, AddressFormState } from '../../lib/addresses/form';
import type { SavedAddress } from '../../lib/api/addresses';
import { RegionFields, type Region } from './RegionFields';
import { TextField } from './TextField';

export interface AddressFormProps {
  locale: string;
  t: BuyDictionary['addressBook'];
  checkout: BuyDictionary['checkout'];
  /** The shopper's messages for the API's codes (dict.errors). */
  errors: Record<string, string>;
  action: (prev: AddressFormState, formData: FormData) => Promise<AddressFormState>;
  /** The address edited; none to add one. */
  address?: SavedAddress;
  /** Ticked from the start (a first address is the default anyway). */
  defaultChecked: boolean;
  cancelHref: string;
}

export function AddressForm({ locale, t, checkout, errors, action, address, defaultChecked, cancelHref }: AddressFormProps) {
  const { state, pending, form } = useKeptForm(action, { fields: {}, formError: null });
  const [values, setValues] = useState({
    recipientName: address?.name ?? '',
    phone: address?.phone ?? '',
    street: address?.street ?? '',
    postalCode: address?.postalCode ?? '',
  });
  const [region, setRegion] = useState<Region>({ province: address?.province ?? '', city: address?.city ?? '', district: address?.district ?? '' });
  const [makeDefault, setMakeDefault] = useState(defaultChecked);
  // Fields changed since the last refusal no longer show its message.
  const [edited, setEdited] = useState<{ of: AddressFormState; fields: AddressField[] }>({ of: state, fields: [] });
  const editedNow = edited.of === state ? edited.fields : [];
  const touch = (...fields: AddressField[]) => setEdited((e) => ({ of: state, fields: [...(e.of === state ? e.fields : []), ...fields] }));

  const message = (field: AddressField): string | undefined => {
    const code = state.fields[field];
    if (!code || editedNow.includes(field)) return undefined;
    if (code === 'VALIDATION_FAILED') return field === 'phone' ? checkout.phoneInvalid : field === 'postalCode' ? checkout.postalInvalid : checkout.required;
    return errors[code] ?? errors['UNKNOWN'];
  };
  const text = (field: 'recipientName' | 'phone' | 'street' | 'postalCode', label: string, clean: (v: string) => string, extra: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <TextField
      field={field}
      label={label}
      value={values[field]}
      onChange={(v) => {
        touch(field);
        setValues((old) => ({ ...old, [field]: clean(v) }));
      }}
      error={message(field)}
      hint={hint}
      extra={extra}
    />
  );
  const same = (v: string) => v;
  const digits = (n: number) => (v: string) => v.replace(/[^\d]/g, '').slice(0, n);

  return (
    <form
      // Keeps what was entered after a refusal (useKeptForm).
      {...form}
      className="checkout-form address-form"
      noValidate
      data-testid="address-form"
    >
      <input type="hidden" name="locale" value={locale} />
      {address ? <input type="hidden" name="id" value={address.id} /> : null}
      {state.formError ? (
        <div className="notice error" role="alert" data-testid="address-refused">
          {/* Fields to fix, or the reason when the refusal names none (the cap, a lost session…). */}
          <p>{Object.keys(state.fields).length ? t.refused : (errors[state.formError] ?? errors['UNKNOWN'])}</p>
        </div>
      ) : null}
      <fieldset>
        <legend>{checkout.address}</legend>
        {text('recipientName', checkout.recipient, same, { autoComplete: 'shipping name', maxLength: 50 })}
        {text('phone', checkout.phone, digits(11), { type: 'tel', inputMode: 'numeric', autoComplete: 'tel-national', maxLength: 11 }, checkout.phoneHint)}
        <RegionFields
          t={checkout}
          value={region}
          onChange={(r) => {
            touch(...(['province', 'city', 'district'] as const).filter((k) => r[k] !== region[k]));
            setRegion(r);
          }}
          errors={{ province: message('province'), city: message('city'), district: message('district') }}
        />
        {text('street', checkout.street, same, { autoComplete: 'shipping street-address', maxLength: 200 })}
        {text('postalCode', t.postalOptional, digits(6), { inputMode: 'numeric', autoComplete: 'shipping postal-code', maxLength: 6 })}
        <label className="check">
          {/* The default stays the default until another one is made so (the API never leaves none). */}
          <input type="checkbox" name="isDefault" checked={makeDefault || Boolean(address?.isDefault)} disabled={Boolean(address?.isDefault)} onChange={(e) => setMakeDefault(e.target.checked)} data-testid="address-default" />
          <span>{t.makeDefault}</span>
        </label>
      </fieldset>
      <button type="submit" className="button wide" disabled={pending} data-testid="save-address">
        {pending ? t.saving : t.save}
      </button>
      <Link className="button secondary wide" href={cancelHref}>
        {t.cancel}
      </Link>
    </form>
  );
}
