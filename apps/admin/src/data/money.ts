// Prices are integer cents on the wire and a decimal euro string in forms: no floats.
const EUROS = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/;

export function centsToEuros(cents: number | null | undefined): string {
  if (cents == null || !Number.isFinite(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12", "12.5", "12,50" → 1250; anything else → null. */
export function eurosToCents(text: string | number | null | undefined): number | null {
  if (text == null) return null;
  const m = EUROS.exec(String(text));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
}

export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}
