import type { FieldIssue } from '@vitrine/shared/kernel';
import { assertBalanced, platform, type JournalEntryDraft } from './ledger';
import { SettlementErrorCode } from './settlement-error';

/** The customs payment's reference as the operator records it: the event key of its entry. */
const REFERENCE = /^[A-Za-z0-9_.:/-]{1,64}$/;
const ISO_CURRENCY = /^[A-Z]{3}$/;

export interface TaxRemittance {
  /** Customs' (or the bank's) reference of the payment: one remittance per reference. */
  reference: string;
  amountMinor: number;
  currency: string;
}

/** What is malformed in a remittance (VALIDATION_FAILED), before anything is read. */
export function remittanceInputProblems(r: TaxRemittance): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!REFERENCE.test(r.reference)) issues.push({ path: 'reference', message: 'must be 1 to 64 letters, digits or _ . : / -' });
  if (!Number.isSafeInteger(r.amountMinor) || r.amountMinor <= 0) issues.push({ path: 'amount', message: 'must be a positive whole number of minor units' });
  if (!ISO_CURRENCY.test(r.currency)) issues.push({ path: 'currency', message: 'must be an ISO 4217 code in capitals' });
  return issues;
}

/**
 * Whether the platform may remit this to customs, given the tax owed per currency the ledger
 * has collected tax in (positive: owed): a currency no tax was ever collected in is
 * CURRENCY_MISMATCH, more than is owed (nothing left, too) REMITTANCE_EXCEEDS_OWED; either would
 * leave a negative liability. Null: it may.
 */
export function remittanceRefusal(r: TaxRemittance, owedByCurrency: ReadonlyMap<string, number>): { code: SettlementErrorCode; owedMinor: number } | null {
  if (!owedByCurrency.has(r.currency)) return { code: SettlementErrorCode.CURRENCY_MISMATCH, owedMinor: 0 };
  const owed = owedByCurrency.get(r.currency)!;
  if (r.amountMinor > owed) return { code: SettlementErrorCode.REMITTANCE_EXCEEDS_OWED, owedMinor: Math.max(owed, 0) };
  return null;
}

/**
 * The platform paid customs the cross-border tax it collected as withholding agent: the
 * liability goes down (TAX_PAYABLE debited) and the platform's money with it (STRIPE_CLEARING
 * credited: the ledger's one account for the platform's funds, as seller payouts credit it;
 * ADR 0031). Once per reference.
 */
export function taxRemittanceEntry(r: TaxRemittance, at: Date): JournalEntryDraft {
  const e: JournalEntryDraft = {
    eventKey: `tax-remittance:${r.reference}`,
    kind: 'TAX_REMITTANCE',
    checkoutId: null,
    occurredAt: at,
    lines: [
      { account: platform('TAX_PAYABLE'), component: 'TAX', orderId: null, amountMinor: r.amountMinor, currency: r.currency },
      { account: platform('STRIPE_CLEARING'), component: 'TAX', orderId: null, amountMinor: -r.amountMinor, currency: r.currency },
    ],
  };
  assertBalanced(e);
  return e;
}
