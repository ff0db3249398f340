'use client';
// The orderer's resident ID number, checked as they type with the API's rule (GB 11643-1999:
// format, area code, birth date, check character). The server's answer, when there is one,
// is shown in the same place.
import { useState } from 'react';
import { fill } from '../../i18n/dictionary';
import type { BuyDictionary } from '../../i18n/buy-types';
import { normaliseResidentIdInput, residentIdProblem, type ResidentIdProblem } from '../../lib/checkout/resident-id';

const PROBLEM_TEXT: Record<ResidentIdProblem, keyof BuyDictionary['checkout']> = {
  FORMAT: 'idFormat',
  AREA_CODE: 'idArea',
  BIRTH_DATE: 'idBirthDate',
  CHECK_CHARACTER: 'idCheckCharacter',
};

export function ResidentIdField({ t, serverError, value, onChange }: { t: BuyDictionary['checkout']; serverError?: string | null; value: string; onChange: (v: string) => void }) {
  const [touched, setTouched] = useState(false);
  const problem = value.length === 18 || (touched && value.length > 0) ? residentIdProblem(value, new Date()) : null;
  const live = value.length === 0 ? null : problem ? t[PROBLEM_TEXT[problem]] : value.length === 18 ? t.idOk : fill(t.idProgress, { count: value.length });
  const error = problem ? t[PROBLEM_TEXT[problem]] : serverError;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor="residentId">{t.residentId}</label>
      <input
        id="residentId"
        name="residentId"
        value={value}
        onChange={(e) => onChange(normaliseResidentIdInput(e.target.value))}
        onBlur={() => setTouched(true)}
        inputMode="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={18}
        aria-invalid={error ? true : undefined}
        aria-describedby="residentId-hint residentId-status"
        data-testid="resident-id"
      />
      <p id="residentId-hint" className="hint">
        {t.residentIdHint}
      </p>
      <p id="residentId-status" className={error ? 'field-error' : 'hint ok'} role={error ? 'alert' : 'status'} aria-live="polite" data-testid="resident-id-status">
        {error ?? live ?? ''}
      </p>
    </div>
  );
}
