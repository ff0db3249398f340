import type { AccountKind, EntryKind, LineComponent } from './ledger';
import { MINOR_UNITS } from '@vitrine/shared/kernel';

/** A seller's movements of one account, kind of entry and component in the period (owed: positive). */
export interface StatementMovement {
  account: AccountKind;
  entryKind: EntryKind;
  component: LineComponent;
  amountMinor: number;
  orders: number;
}

/**
 * What was taken from the seller's goods in the period before they reached its account, by kind
 * of entry: the platform's commission and, on a brand's co-branded sales, the museum's royalty
 * (positive: deducted; what a refund gives back, negative). Informative: the GOODS movements are
 * already net of them, so they are not part of opening + movements = closing.
 */
export interface StatementDeduction {
  entryKind: EntryKind;
  component: 'COMMISSION' | 'ROYALTY';
  amountMinor: number;
  orders: number;
}

export interface CurrencyStatement {
  currency: string;
  openingPendingMinor: number;
  openingPayableMinor: number;
  movements: StatementMovement[];
  closingPendingMinor: number;
  closingPayableMinor: number;
  deductions: StatementDeduction[];
}

/** The first instant of a month `YYYY-MM` (UTC) and of the next; null when malformed. */
export function monthBounds(month: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  return { start: new Date(Date.UTC(y, mo, 1)), end: new Date(Date.UTC(y, mo + 1, 1)) };
}

/**
 * A seller's statement per currency from its ledger sums: opening balances (everything written
 * before the month), the month's movements, and closing = opening + movements, so it
 * reconciles to the ledger by construction. Credits (what is owed) are shown positive.
 */
export function buildStatement(
  rows: readonly { account: AccountKind; entryKind: EntryKind; component: LineComponent; currency: string; beforeMinor: number; duringMinor: number; orders: number }[],
  deductions: readonly { entryKind: EntryKind; component: 'COMMISSION' | 'ROYALTY'; currency: string; amountMinor: number; orders: number }[] = [],
): CurrencyStatement[] {
  const by = new Map<string, CurrencyStatement>();
  const of = (currency: string) => by.get(currency) ?? { currency, openingPendingMinor: 0, openingPayableMinor: 0, movements: [], closingPendingMinor: 0, closingPayableMinor: 0, deductions: [] };
  for (const r of rows) {
    const s = of(r.currency);
    const pending = r.account === 'SELLER_PENDING';
    if (pending) s.openingPendingMinor -= r.beforeMinor;
    else s.openingPayableMinor -= r.beforeMinor;
    if (r.duringMinor !== 0) s.movements.push({ account: r.account, entryKind: r.entryKind, component: r.component, amountMinor: -r.duringMinor, orders: r.orders });
    by.set(r.currency, s);
  }
  for (const d of deductions) {
    if (d.amountMinor === 0) continue;
    const s = of(d.currency);
    s.deductions.push({ entryKind: d.entryKind, component: d.component, amountMinor: d.amountMinor, orders: d.orders });
    by.set(d.currency, s);
  }
  for (const s of by.values()) {
    s.closingPendingMinor = s.openingPendingMinor + s.movements.filter((m) => m.account === 'SELLER_PENDING').reduce((a, m) => a + m.amountMinor, 0);
    s.closingPayableMinor = s.openingPayableMinor + s.movements.filter((m) => m.account === 'SELLER_PAYABLE').reduce((a, m) => a + m.amountMinor, 0);
  }
  return [...by.values()];
}

/** The statement as CSV (RFC 4180, minor units, one row per movement plus opening and closing rows, then the DEDUCTED rows: commission and royalty already taken from the goods). */
/** The statement CSV's header line (every statement's first line; the operator's file of every seller's statements has it once). */
export const STATEMENT_CSV_HEADER = 'seller_type,seller_id,month,currency,row,account,entry_kind,component,orders,amount_minor\r\n';

export function statementCsv(seller: { sellerType: string; sellerId: string; month: string }, currencies: readonly CurrencyStatement[]): string {
  return STATEMENT_CSV_HEADER + statementCsvRows(seller, currencies);
}

/** A statement's CSV rows without the header. */
export function statementCsvRows(seller: { sellerType: string; sellerId: string; month: string }, currencies: readonly CurrencyStatement[]): string {
  const rows: string[][] = [];
  for (const c of currencies) {
    const row = (kind: string, account: string, entryKind: string, component: string, orders: number | '', amount: number) =>
      rows.push([seller.sellerType, seller.sellerId, seller.month, c.currency, kind, account, entryKind, component, String(orders), String(amount)]);
    row('OPENING', 'SELLER_PENDING', '', '', '', c.openingPendingMinor);
    row('OPENING', 'SELLER_PAYABLE', '', '', '', c.openingPayableMinor);
    for (const m of c.movements) row('MOVEMENT', m.account, m.entryKind, m.component, m.orders, m.amountMinor);
    row('CLOSING', 'SELLER_PENDING', '', '', '', c.closingPendingMinor);
    row('CLOSING', 'SELLER_PAYABLE', '', '', '', c.closingPayableMinor);
    // Informative, after the closing: already taken from the GOODS movements above.
    for (const d of c.deductions) row('DEDUCTED', d.component === 'COMMISSION' ? 'PLATFORM_COMMISSION' : 'MUSEUM_ROYALTY', d.entryKind, d.component, d.orders, d.amountMinor);
  }
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

function csvField(v: string): string {
  // Leading = + - @ would be read as formulas by spreadsheets.
  const safe = /^[=+\-@]/.test(v) && !/^-?\d+$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Minor units as an exact decimal string (12345 CNY → "123.45", -5 → "-0.05"); no floats. */
export function formatMinorUnits(amount: number, currency: string): string {
  const digits = Math.round(Math.log10(MINOR_UNITS[currency] ?? 100));
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount).toString().padStart(digits + 1, '0');
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}
