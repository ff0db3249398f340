import { useLocaleState } from 'react-admin';
import { formatMoney } from '../data/money';

/** Minor units of a currency, in the console's locale. */
export const Money = ({ amount, currency }: { amount: number | null | undefined; currency: string }) => {
  const [locale] = useLocaleState();
  if (amount == null) return null;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(amount, currency, locale)}</span>;
};

