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

// Building an Intl.NumberFormat costs far more than formatting with one: a list of prices
// reuses one per locale and currency.
const formats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format.format(amount / 100);
}

/** An exact decimal rate ("0.091000") as a percentage ("9.1 %"), by moving the point. */
export function decimalToPercent(rate: string | null | undefined): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(rate ?? '').trim());
  if (!m) return String(rate ?? '');
  const [, int = '0', frac = ''] = m;
  const padded = frac.padEnd(2, '0');
  const whole = `${int}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''} %`;
}

/** Basis points (1000) as a percentage text ("10"), exactly. */
export function bpsToPercent(bps: number | null | undefined): string {
  if (bps == null || !Number.isInteger(bps)) return '';
  return centsToEuros(bps).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}

/** "10", "12.5", "12,25" → basis points (1000, 1250, 1225); anything else → null. */
export const percentToBps = eurosToCents;

/** Minor units (fen, cents) as the major-unit number a form shows: 1250 → 12.5; none → ''. */
export function minorToMajor(minor: number | null | undefined): number | '' {
  return minor == null || !Number.isFinite(minor) ? '' : minor / 100;
}

/** A major-unit amount as typed ("12.5", "12,5", 12.5) in minor units, rounded: 1250; empty or not a number → null. */
export function majorToMinor(major: string | number | null | undefined): number | null {
  if (major == null || major === '') return null;
  const minor = Math.round(Number(String(major).replace(',', '.')) * 100);
  return Number.isFinite(minor) ? minor : null;
}
