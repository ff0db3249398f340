'use client';
// "Request a return": a stepper per line (0 … what can still be returned), the reason, optional
// photos (uploaded files, and links) and a comment. Controlled (a refusal keeps what was chosen); the API's refusal
// shows at the fields it names in the shopper's language.
import { useState } from 'react';
import { useKeptForm } from './use-kept-form';
import type { ReturnsDictionary } from '../../i18n/returns-types';
import { EMPTY_RETURN_STATE, MAX_PHOTO_FILE_BYTES, MAX_PHOTO_FILES, PHOTO_FILE_TYPES, RETURN_REASONS, type ReturnFormState } from '../../lib/returns/form';

export interface ReturnFormProps {
  locale: string;
  orderId: string;
  lines: { id: string; name: string; max: number }[];
  t: ReturnsDictionary;
  /** The shopper's messages for the API's codes (dict.errors). */
  errors: Record<string, string>;
  action: (prev: ReturnFormState, formData: FormData) => Promise<ReturnFormState>;
}

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));

export function ReturnForm({ locale, orderId, lines, t, errors, action }: ReturnFormProps) {
  const { state, pending, form } = useKeptForm(action, EMPTY_RETURN_STATE);
  const [qty, setQty] = useState<Record<string, number>>(() => Object.fromEntries(lines.map((l) => [l.id, 0])));
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState('');
  const [note, setNote] = useState('');
  const message = (code: string | undefined) => (code ? ((t.local as Record<string, string>)[code] ?? errors[code] ?? errors['UNKNOWN'] ?? code) : null);
  const fieldCodes = Object.values(state.fields);
  // A form-level message only when no field shows it.
  const formMessage = state.formError && !fieldCodes.length ? message(state.formError) : null;
  const step = (id: string, max: number, by: number) => setQty((q) => ({ ...q, [id]: Math.min(max, Math.max(0, (q[id] ?? 0) + by)) }));
  return (
    <form
      // Keeps what was entered after a refusal (useKeptForm).
      {...form}
      className="return-form"
      data-testid="return-form"
      noValidate
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="orderId" value={orderId} />
      <p className="hint">{t.intro}</p>
      {formMessage ? (
        <p className="notice error" role="alert" data-testid="return-error">
          {formMessage}
        </p>
      ) : null}
      <fieldset className={state.fields['lines'] ? 'invalid' : undefined} aria-describedby={state.fields['lines'] ? 'return-lines-error' : undefined}>
        <legend>{t.linesLegend}</legend>
        {lines.map((l) => {
          const err = state.fields[`line:${l.id}`];
          const n = qty[l.id] ?? 0;
          return (
            <div key={l.id} className="return-line" data-testid={`return-line-${l.id}`}>
              <span className="return-line-name" id={`rl-${l.id}`}>
                {fill(t.lineMax, { name: l.name, max: l.max })}
              </span>
              <div className="qty" role="group" aria-label={fill(t.quantityOf, { name: l.name })}>
                <button type="button" className="button qty-button" aria-label={`${t.less}: ${l.name}`} disabled={n <= 0} onClick={() => step(l.id, l.max, -1)}>
                  −
                </button>
                <output aria-live="polite" data-testid={`return-qty-${l.id}`}>
                  {n}
                </output>
                <button type="button" className="button qty-button" aria-label={`${t.more}: ${l.name}`} disabled={n >= l.max} onClick={() => step(l.id, l.max, 1)}>
                  +
                </button>
              </div>
              <input type="hidden" name={`qty:${l.id}`} value={n} />
              {err ? (
                <p className="field-error" role="alert">
                  {message(err)}
                </p>
              ) : null}
            </div>
          );
        })}
        {state.fields['lines'] ? (
          <p className="field-error" role="alert" id="return-lines-error" data-testid="return-lines-error">
            {message(state.fields['lines'])}
          </p>
        ) : null}
      </fieldset>
      <div className={`field${state.fields['reason'] ? ' invalid' : ''}`}>
        <label htmlFor="return-reason">{t.reason}</label>
        <select id="return-reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={state.fields['reason'] ? true : undefined} aria-describedby="return-reason-hint">
          <option value="">{t.reasonChoose}</option>
          {RETURN_REASONS.map((r) => (
            <option key={r} value={r}>
              {t.reasons[r]}
            </option>
          ))}
        </select>
        <p className="hint" id="return-reason-hint">
          {t.reasonHint}
        </p>
        {state.fields['reason'] ? (
          <p className="field-error" role="alert">
            {message(state.fields['reason'])}
          </p>
        ) : null}
      </div>
      <div className={`field${state.fields['photos'] ? ' invalid' : ''}`}>
        <label htmlFor="return-photos">{t.photos}</label>
        <textarea id="return-photos" name="photoUrls" rows={3} inputMode="url" value={photos} onChange={(e) => setPhotos(e.target.value)} aria-invalid={state.fields['photos'] ? true : undefined} aria-describedby="return-photos-hint" />
        <p className="hint" id="return-photos-hint">
          {t.photosHint}
        </p>
        {state.fields['photos'] ? (
          <p className="field-error" role="alert" data-testid="return-photos-error">
            {message(state.fields['photos'])}
          </p>
        ) : null}
      </div>
      <div className={`field${state.fields['photoFiles'] ? ' invalid' : ''}`}>
        <label htmlFor="return-photo-files">{t.photoFiles}</label>
        <input
          id="return-photo-files"
          name="photoFiles"
          type="file"
          accept={PHOTO_FILE_TYPES}
          multiple
          aria-invalid={state.fields['photoFiles'] ? true : undefined}
          aria-describedby="return-photo-files-hint"
          data-testid="return-photo-files"
        />
        <p className="hint" id="return-photo-files-hint">
          {fill(t.photoFilesHint, { types: 'JPEG / PNG / WebP', max: MAX_PHOTO_FILES, size: `${Math.round(MAX_PHOTO_FILE_BYTES / 1_048_576)} MB` })}
        </p>
        {state.fields['photoFiles'] ? (
          <p className="field-error" role="alert" data-testid="return-photo-files-error">
            {message(state.fields['photoFiles'])}
          </p>
        ) : null}
      </div>
      <div className={`field${state.fields['note'] ? ' invalid' : ''}`}>
        <label htmlFor="return-note">{t.note}</label>
        <textarea id="return-note" name="note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        {state.fields['note'] ? (
          <p className="field-error" role="alert">
            {message(state.fields['note'])}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button wide" disabled={pending} data-testid="request-return">
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
