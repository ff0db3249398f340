/** An amount in integer minor units (cents, fen) of an ISO 4217 currency. Never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount must be an integer, got ${amount}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Bad currency ${currency}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`Cannot add ${a.currency} and ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => addMoney(acc, m), money(0, currency));
}

/** Minor units per major unit; CNY, EUR, GBP, USD all use 2 decimals. */
export const MINOR_UNITS: Record<string, number> = { CNY: 100, EUR: 100, GBP: 100, USD: 100, JPY: 1 };
