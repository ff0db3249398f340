// A labelled text input of the shop's forms (checkout, the address book): its hint, and the
// message of a refusal at the field, both named by aria-describedby.
import type { InputHTMLAttributes } from 'react';

export interface TextFieldProps {
  /** The input's id and name (the API's field, as the form's state names it). */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The refusal's message at this field, if any. */
  error?: string;
  hint?: string;
  extra?: InputHTMLAttributes<HTMLInputElement>;
}

export function TextField({ field, label, value, onChange, error, hint, extra = {} }: TextFieldProps) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={field}>{label}</label>
      <input
        id={field}
        name={field}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined}
        {...extra}
      />
      {hint ? (
        <p id={`${field}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${field}-error`} className="field-error" role="alert" data-testid={`error-${field}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
