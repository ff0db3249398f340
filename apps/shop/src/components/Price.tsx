import { fill, type Dictionary } from '../i18n/dictionary';
import type { ShopLocale } from '../i18n/locales';
import { formatMoney, type MoneyValue } from '../lib/format/money';

export function Price({ money, locale, dict, from = false, className = 'price' }: { money: MoneyValue; locale: ShopLocale; dict: Dictionary; from?: boolean; className?: string }) {
  const text = formatMoney(money, locale);
  return <span className={className}>{from ? fill(dict.common.from, { price: text }) : text}</span>;
}
