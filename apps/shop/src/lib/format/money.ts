// Prices come from the API as integer minor units with an ISO currency; they are formatted
// without ever becoming floating-point numbers (Intl formats the exact decimal string).
import { INTL_LOCALE, type ShopLocale } from '../../i18n/locales';

/** Minor units per major unit for the currencies the shop shows. */
const MINOR_DIGITS: Record<string, number> = { CNY: 2, EUR: 2, GBP: 2, USD: 2, JPY: 0 };

export interface MoneyValue {
  amount: number;
  currency: string;
}

/** `12850` → `"128.50"` (exact, any size within safe integers). */
export function minorToDecimalString(amount: number, currency: string): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer of minor units, got ${amount}`);
  const digits = MINOR_DIGITS[currency] ?? 2;
  const negative = amount < 0;
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? text.slice(-digits) : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: ShopLocale, currency: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = MINOR_DIGITS[currency] ?? 2;
    f = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency,
      // zh-CN shoppers read ¥; elsewhere CN¥ / CNY keeps it apart from the yen.
      currencyDisplay: 'symbol',
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A price for shoppers: `¥128.00` (zh-CN), `CN¥128.00` (en), `128,00 CNY` (fr). With `whole`,
 * round amounts drop their zeros (`¥128`), as price tags do.
 */
export function formatMoney(money: MoneyValue, locale: ShopLocale, options: { whole?: boolean } = {}): string {
  const decimal = minorToDecimalString(money.amount, money.currency);
  const whole = Boolean(options.whole) && /\.0+$/.test(decimal);
  // Intl.NumberFormat formats decimal strings exactly (no float conversion).
  return formatter(locale, money.currency, whole).format(decimal as unknown as number);
}

/** CNY minor units from a shopper's typed yuan (`"128"`, `"128.5"`); null when not a price. */
export function parseCnyInput(text: string | undefined | null): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text ?? '');
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
