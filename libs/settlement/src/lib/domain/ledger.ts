import { SettlementError, SettlementErrorCode } from './settlement-error';

/**
 * The settlement ledger's vocabulary. Amounts are integer minor units with an ISO currency;
 * a line is a debit when positive, a credit when negative, so every entry sums to zero per
 * currency. Liabilities (what sellers and customs are owed) and revenue carry credit (negative)
 * balances; Stripe clearing (the money held at Stripe) and fees carry debit balances.
 */
export const AccountKind = {
  /**
   * What the platform owes a museum or a brand (goods net of commission, royalties, freight)
   * for orders that may still be returned: not yet payable.
   */
  SELLER_PENDING: 'SELLER_PENDING',
  /** What the platform owes a museum or a brand and may pay out: orders past their return window. */
  SELLER_PAYABLE: 'SELLER_PAYABLE',
  /** The platform's commission revenue. */
  PLATFORM_COMMISSION: 'PLATFORM_COMMISSION',
  /** Cross-border tax collected as withholding agent, owed to customs until remitted. */
  TAX_PAYABLE: 'TAX_PAYABLE',
  /** Money the shoppers paid that sits at Stripe (the charge, less refunds, lost disputes and fees). */
  STRIPE_CLEARING: 'STRIPE_CLEARING',
  /** Stripe's processing fees, an expense of the platform. */
  STRIPE_FEES: 'STRIPE_FEES',
  /** Platform-wide promotions (跨店满减) the platform funds: an expense; the sellers are credited as if undiscounted (ADR 0019). */
  PLATFORM_PROMOTIONS: 'PLATFORM_PROMOTIONS',
} as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

export type OwnerType = 'MUSEUM' | 'BRAND' | 'PLATFORM';

export interface AccountRef {
  kind: AccountKind;
  ownerType: OwnerType;
  /** The museum or brand id; null for the platform's accounts. */
  ownerId: string | null;
}

/** What a line stands for, for the order's split and statements. */
export type LineComponent = 'PAYMENT' | 'GOODS' | 'COMMISSION' | 'ROYALTY' | 'FREIGHT' | 'TAX' | 'FEE' | 'PAYOUT' | 'PROMOTION';

export const ENTRY_KINDS = ['ORDER_PAID', 'REFUND', 'REFUND_FAILED', 'DISPUTE_LOST', 'DISPUTE_FEE', 'ORDER_PAYABLE', 'FEE', 'PAYOUT', 'TRANSFER_REVERSAL', 'TAX_REMITTANCE'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface EntryLine {
  account: AccountRef;
  component: LineComponent;
  orderId: string | null;
  amountMinor: number;
  currency: string;
}

export interface JournalEntryDraft {
  /** The causing event, unique: an entry is written once per event. */
  eventKey: string;
  kind: EntryKind;
  checkoutId: string | null;
  occurredAt: Date;
  lines: EntryLine[];
}

export const platform = (kind: Exclude<AccountKind, 'SELLER_PAYABLE' | 'SELLER_PENDING'>): AccountRef => ({ kind, ownerType: 'PLATFORM', ownerId: null });
export const sellerPending = (ownerType: 'MUSEUM' | 'BRAND', ownerId: string): AccountRef => ({ kind: AccountKind.SELLER_PENDING, ownerType, ownerId });
export const sellerPayable = (ownerType: 'MUSEUM' | 'BRAND', ownerId: string): AccountRef => ({ kind: AccountKind.SELLER_PAYABLE, ownerType, ownerId });
export const isSellerAccount = (kind: AccountKind): boolean => kind === AccountKind.SELLER_PENDING || kind === AccountKind.SELLER_PAYABLE;

/** The account's stable code, unique in `settlement_accounts`. */
export function accountCode(a: AccountRef): string {
  return a.ownerId ? `${a.kind}:${a.ownerType}:${a.ownerId}` : `${a.kind}:${a.ownerType}`;
}

/** Sums per currency; zero sums are left out. */
export function sumsByCurrency(lines: readonly Pick<EntryLine, 'amountMinor' | 'currency'>[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const l of lines) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.amountMinor);
  for (const [c, s] of sums) if (s === 0) sums.delete(c);
  return sums;
}

/** Refuses an entry that is empty, holds a non-integer or non-ISO amount, or does not sum to zero per currency. */
export function assertBalanced(entry: Pick<JournalEntryDraft, 'eventKey' | 'lines'>): void {
  const bad = entry.lines.find((l) => !Number.isSafeInteger(l.amountMinor) || !/^[A-Z]{3}$/.test(l.currency));
  if (bad) throw new SettlementError(SettlementErrorCode.UNBALANCED_ENTRY, `Entry ${entry.eventKey}: ${bad.amountMinor} ${bad.currency} is not an integer amount in an ISO currency`);
  const off = sumsByCurrency(entry.lines);
  if (off.size) {
    throw new SettlementError(SettlementErrorCode.UNBALANCED_ENTRY, `Entry ${entry.eventKey} does not balance: ${[...off].map(([c, s]) => `${s} ${c}`).join(', ')}`);
  }
}

/** Merges lines of one account, component, order and currency (as `lineKey` tells them apart), in the order each first appears, and drops zero lines. */
export function compact(lines: readonly EntryLine[]): EntryLine[] {
  if (lines.length > COMPACT_SCAN_MAX) {
    const merged = new Map<string, EntryLine>();
    for (const l of lines) {
      const k = lineKey(l);
      const m = merged.get(k);
      if (m) m.amountMinor += l.amountMinor;
      else merged.set(k, { ...l, account: { ...l.account } });
    }
    return [...merged.values()].filter((l) => l.amountMinor !== 0);
  }
  // An entry's lines are few (a dozen for an order): comparing their fields costs less than a
  // key string per line, which a million-line posting paid for in time and garbage (issue 21).
  const merged: EntryLine[] = [];
  for (const l of lines) {
    const m = merged.find((x) => sameLine(x, l));
    if (m) m.amountMinor += l.amountMinor;
    else merged.push({ ...l, account: { ...l.account } });
  }
  return merged.filter((l) => l.amountMinor !== 0);
}

/** Past this many lines `compact` keys them in a map rather than comparing each with those merged so far. */
const COMPACT_SCAN_MAX = 32;

/** Whether two lines have one `lineKey`: the same account (its code), component, order and currency. */
function sameLine(a: Pick<EntryLine, 'account' | 'component' | 'orderId' | 'currency'>, b: Pick<EntryLine, 'account' | 'component' | 'orderId' | 'currency'>): boolean {
  return (
    a.component === b.component &&
    (a.orderId ?? '') === (b.orderId ?? '') &&
    a.currency === b.currency &&
    a.account.kind === b.account.kind &&
    a.account.ownerType === b.account.ownerType &&
    (a.account.ownerId || null) === (b.account.ownerId || null)
  );
}

export function lineKey(l: Pick<EntryLine, 'account' | 'component' | 'orderId' | 'currency'>): string {
  return `${accountCode(l.account)}|${l.component}|${l.orderId ?? ''}|${l.currency}`;
}
