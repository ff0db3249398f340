'use client';
// The checkout form: orderer, phone, address, the two consents with their texts, the payment
// method. Controlled fields (a refusal keeps what was typed); the API's refusal shows at the
// fields it names (VALIDATION_FAILED fields, INVALID_RESIDENT_ID, CONSENT_REQUIRED …).
import Link from 'next/link';
import { useState } from 'react';
import { useKeptForm } from './use-kept-form';
import type { BuyDictionary } from '../../i18n/buy-types';
import type { CheckoutField, CheckoutFormState, PaymentMethod } from '../../lib/checkout/form';
import { RegionFields, type Region } from './RegionFields';
import { ResidentIdField } from './ResidentIdField';
import { TextField } from './TextField';
import type { SavedAddress } from '../../lib/api/addresses';
import type { IdUseConsent } from '../../lib/api/buy';

export interface CheckoutFormProps {
  locale: string;
  t: BuyDictionary['checkout'];
  /** The shopper's messages for the API's codes (dict.errors). */
  errors: Record<string, string>;
  action: (prev: CheckoutFormState, formData: FormData) => Promise<CheckoutFormState>;
  /** Paying again after a decline: the placed checkout and the details it was placed with. */
  retry?: {
    checkoutId: string;
    name: string;
    recipient: {
      name: string;
      phone: string;
      province: string;
      city: string;
      district: string;
      street: string;
      postalCode: string;
    };
  };
  submitLabel: string;
  /** The ID-use consent as the API serves it (checkoutConsent): the retention it states is the one in force. */
  consent: IdUseConsent;
  /**
   * The signed-in shopper's saved orderer identities checkout can use, newest first: the first is
   * preselected (masked, still changeable), and its yearly quota with this cart shows beside the choice.
   */
  saved?: SavedOrderer[];
  /**
   * The signed-in shopper's saved delivery addresses, the default first: the form starts filled
   * with it, and a picker switches among them or to a new address.
   */
  addresses?: CheckoutAddress[];
  /** Signed in and under the address book's cap: a new address may be saved with the order (`saveAddress`). */
  offerSave?: boolean;
  /** The address book's texts (picker, save box). */
  book?: BuyDictionary['addressBook'];
  /** The account's address book (the picker links to it). */
  manageHref?: string;
}

/** A saved delivery address as checkout offers it, with one line naming it in the picker. */
export type CheckoutAddress = Omit<SavedAddress, 'isDefault'> & { label: string };

/** A saved orderer identity as checkout offers it, its texts already in the shopper's language. */
export interface SavedOrderer {
  id: string;
  name: string;
  /** `王芳（110***********002X）` */
  label: string;
  /** What is left of the yearly quota for it. */
  quota: string | null;
  /** What this cart would leave, or that it does not fit. */
  cart: string | null;
  over: boolean;
}

function Submit({ label, busy, pending }: { label: string; busy: string; pending: boolean }) {
  return (
    <button type="submit" className="button wide" disabled={pending} data-testid="place-order">
      {pending ? busy : label}
    </button>
  );
}

export function CheckoutForm({ locale, t, errors, action, retry, submitLabel, consent: idUse, saved = [], addresses = [], offerSave = false, book, manageHref }: CheckoutFormProps) {
  const { state, pending, form } = useKeptForm(action, { fields: {}, formError: null });
  // The newest saved identity, preselected ('' = typing another orderer's name and number).
  const [savedId, setSavedId] = useState(retry ? '' : (saved[0]?.id ?? ''));
  const chosen = saved.find((s) => s.id === savedId) ?? null;
  const [name, setName] = useState(retry?.name ?? '');
  const [residentId, setResidentId] = useState('');
  // The default saved address, prefilled ('' = a new address typed here).
  const start = retry ? undefined : addresses[0];
  const [addressId, setAddressId] = useState(start?.id ?? '');
  const [recipientName, setRecipientName] = useState(retry?.recipient.name ?? start?.name ?? '');
  const [phone, setPhone] = useState(retry?.recipient.phone ?? start?.phone ?? '');
  const [region, setRegion] = useState<Region>({
    province: retry?.recipient.province ?? start?.province ?? '',
    city: retry?.recipient.city ?? start?.city ?? '',
    district: retry?.recipient.district ?? start?.district ?? '',
  });
  const [street, setStreet] = useState(retry?.recipient.street ?? start?.street ?? '');
  const [postalCode, setPostalCode] = useState(retry?.recipient.postalCode ?? start?.postalCode ?? '');
  const [saveAddress, setSaveAddress] = useState(false);
  /** Fills the address fields from a saved address (none: empties them for a new one). */
  const pickAddress = (a: CheckoutAddress | undefined) => {
    touch('recipientName', 'phone', 'province', 'city', 'district', 'street', 'postalCode');
    setAddressId(a?.id ?? '');
    setRecipientName(a?.name ?? '');
    setPhone(a?.phone ?? '');
    setRegion({ province: a?.province ?? '', city: a?.city ?? '', district: a?.district ?? '' });
    setStreet(a?.street ?? '');
    setPostalCode(a?.postalCode ?? '');
  };
  const [consent, setConsent] = useState(Boolean(retry));
  const [risk, setRisk] = useState(Boolean(retry));
  const [method, setMethod] = useState<PaymentMethod>('ALIPAY');
  // Fields changed since the last refusal no longer show its message.
  const [edited, setEdited] = useState<{ of: CheckoutFormState; fields: CheckoutField[] }>({
    of: state,
    fields: [],
  });
  const editedNow = edited.of === state ? edited.fields : [];
  const touch = (...fields: CheckoutField[]) =>
    setEdited((e) => ({ of: state, fields: [...(e.of === state ? e.fields : []), ...fields] }));

  /** The message for a field's code: field-specific for the form's own checks and VALIDATION_FAILED. */
  const message = (field: CheckoutField): string | undefined => {
    const code = state.fields[field];
    if (!code || editedNow.includes(field)) return undefined;
    if (code.startsWith('ID_'))
      return t[
        (
          {
            ID_FORMAT: 'idFormat',
            ID_AREA_CODE: 'idArea',
            ID_BIRTH_DATE: 'idBirthDate',
            ID_CHECK_CHARACTER: 'idCheckCharacter',
          } as const
        )[code as 'ID_FORMAT'] ?? 'idFormat'
      ];
    if (code === 'VALIDATION_FAILED')
      return field === 'phone' ? t.phoneInvalid : field === 'postalCode' ? t.postalInvalid : t.required;
    return errors[code] ?? errors['UNKNOWN'];
  };
  const text = (
    field: CheckoutField,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: React.InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string,
  ) => (
    <TextField
      field={field}
      label={label}
      value={value}
      onChange={(v) => {
        touch(field);
        set(v);
      }}
      error={message(field)}
      hint={hint}
      extra={extra}
    />
  );
  const consentBox = (
    field: 'consentToIdUse' | 'acceptRiskNotice',
    title: string,
    body: string,
    label: string,
    checked: boolean,
    set: (v: boolean) => void,
    version?: string,
  ) => {
    const error = message(field);
    return (
      <fieldset className={`consent${error ? ' invalid' : ''}`} data-consent-version={version}>
        <legend>{title}</legend>
        <p className="consent-text" id={`${field}-text`}>
          {body}
        </p>
        <label className="check">
          <input
            type="checkbox"
            name={field}
            checked={checked}
            onChange={(e) => {
              touch(field);
              set(e.target.checked);
            }}
            aria-describedby={`${field}-text`}
            data-testid={field}
          />
          <span>{label}</span>
        </label>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  };

  return (
    <form
      // Keeps what was entered after a refusal (useKeptForm).
      {...form}
      className="checkout-form"
      noValidate
    >
      <input type="hidden" name="locale" value={locale} />
      {retry ? (
        <>
          <input type="hidden" name="retryCheckoutId" value={retry.checkoutId} />
        </>
      ) : null}
      {state.formError ? (
        <div className="notice error" role="alert" data-testid="checkout-refused">
          <p>{t.refused}</p>
          <p>
            {Object.keys(state.fields).length ? t.fixFields : (errors[state.formError] ?? errors['UNKNOWN'])}
          </p>
        </div>
      ) : null}

      <fieldset>
        <legend>{t.orderer}</legend>
        <p className="hint">{t.ordererNote}</p>
        {saved.length && !retry ? (
          <div className="saved-identities" role="radiogroup" aria-label={t.orderer} data-testid="saved-identities">
            {saved.map((s) => (
              <label key={s.id} className="method">
                <input
                  type="radio"
                  name="savedIdentityChoice"
                  value={s.id}
                  checked={savedId === s.id}
                  onChange={() => {
                    touch('residentId', 'name');
                    setSavedId(s.id);
                  }}
                  data-testid={`saved-identity-${s.id}`}
                />
                <span>{s.label}</span>
              </label>
            ))}
            <label className="method">
              <input
                type="radio"
                name="savedIdentityChoice"
                value=""
                checked={savedId === ''}
                onChange={() => {
                  touch('residentId', 'name');
                  setSavedId('');
                }}
                data-testid="saved-identity-other"
              />
              <span>{t.otherIdentity}</span>
            </label>
          </div>
        ) : null}
        {chosen ? (
          <>
            <input type="hidden" name="savedIdentityId" value={chosen.id} />
            <input type="hidden" name="name" value={chosen.name} />
            <p className="hint">{t.savedIdentityNote}</p>
            {message('residentId') ? (
              <p className="field-error" role="alert" data-testid="error-residentId">
                {message('residentId')}
              </p>
            ) : null}
            {chosen.quota ? (
              <div className={`identity-quota limit${chosen.over ? ' over' : ''}`} data-testid="checkout-quota">
                <p data-testid="checkout-quota-remaining">{chosen.quota}</p>
                {chosen.cart ? (
                  <p className={chosen.over ? 'line-problem' : 'limit-left'} role={chosen.over ? 'alert' : undefined} data-testid={chosen.over ? 'checkout-quota-over' : 'checkout-quota-after'}>
                    {chosen.cart}
                  </p>
                ) : null}
              </div>
            ) : null}
          </>
        ) : (
          <>
            {text('name', t.realName, name, setName, {
              autoComplete: 'name',
              maxLength: 50,
              readOnly: Boolean(retry),
            })}
            <ResidentIdField
              t={t}
              value={residentId}
              onChange={(v) => {
                touch('residentId');
                setResidentId(v);
              }}
              serverError={message('residentId')}
            />
          </>
        )}
      </fieldset>

      {retry ? (
        <>
          {(['recipientName', 'phone', 'province', 'city', 'district', 'street', 'postalCode'] as const).map(
            (k) => (
              <input
                key={k}
                type="hidden"
                name={k}
                value={k === 'recipientName' ? retry.recipient.name : retry.recipient[k]}
              />
            ),
          )}
          <input type="hidden" name="consentToIdUse" value="on" />
          <input type="hidden" name="acceptRiskNotice" value="on" />
        </>
      ) : (
        <>
          <fieldset>
            <legend>{t.address}</legend>
            {addresses.length && book ? (
              <div className="saved-addresses" role="radiogroup" aria-label={book.picker} data-testid="saved-addresses">
                {addresses.map((a) => (
                  <label key={a.id} className="method">
                    <input type="radio" name="savedAddressChoice" value={a.id} checked={addressId === a.id} onChange={() => pickAddress(a)} data-testid={`saved-address-${a.id}`} />
                    <span>{a.label}</span>
                  </label>
                ))}
                <label className="method">
                  <input type="radio" name="savedAddressChoice" value="" checked={addressId === ''} onChange={() => pickAddress(undefined)} data-testid="saved-address-new" />
                  <span>{book.newAddress}</span>
                </label>
              </div>
            ) : null}
            {addresses.length && book && manageHref ? (
              <Link href={manageHref} data-testid="manage-addresses">
                {book.manage}
              </Link>
            ) : null}
            {text('recipientName', t.recipient, recipientName, setRecipientName, {
              autoComplete: 'shipping name',
              maxLength: 50,
            })}
            {text(
              'phone',
              t.phone,
              phone,
              (v) => setPhone(v.replace(/[^\d]/g, '').slice(0, 11)),
              { type: 'tel', inputMode: 'numeric', autoComplete: 'tel-national', maxLength: 11 },
              t.phoneHint,
            )}
            <RegionFields
              t={t}
              value={region}
              onChange={(r) => {
                touch(...(['province', 'city', 'district'] as const).filter((k) => r[k] !== region[k]));
                setRegion(r);
              }}
              errors={{ province: message('province'), city: message('city'), district: message('district') }}
            />
            {text('street', t.street, street, setStreet, {
              autoComplete: 'shipping street-address',
              maxLength: 200,
            })}
            {text(
              'postalCode',
              t.postalCode,
              postalCode,
              (v) => setPostalCode(v.replace(/[^\d]/g, '').slice(0, 6)),
              { inputMode: 'numeric', autoComplete: 'shipping postal-code', maxLength: 6 },
            )}
            {offerSave && book && addressId === '' ? (
              <label className="check">
                <input type="checkbox" name="saveAddress" checked={saveAddress} onChange={(e) => setSaveAddress(e.target.checked)} data-testid="save-address-box" />
                <span>{book.saveToBook}</span>
              </label>
            ) : null}
          </fieldset>
          {consentBox('consentToIdUse', idUse.title, idUse.text, idUse.label, consent, setConsent, idUse.version)}
          {consentBox('acceptRiskNotice', t.riskTitle, t.riskText, t.riskLabel, risk, setRisk)}
        </>
      )}

      <fieldset className="payment-methods">
        <legend>{t.payment}</legend>
        {(
          [
            ['ALIPAY', t.alipay],
            ['WECHAT_PAY', t.wechatPay],
            ['CARD', t.card],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="method">
            <input
              type="radio"
              name="paymentMethod"
              value={value}
              checked={method === value}
              onChange={() => setMethod(value)}
              data-testid={`method-${value}`}
            />
            <span>{label}</span>
          </label>
        ))}
        {message('paymentMethod') ? (
          <p className="field-error" role="alert">
            {message('paymentMethod')}
          </p>
        ) : null}
      </fieldset>
      <Submit label={submitLabel} busy={t.placing} pending={pending} />
    </form>
  );
}
