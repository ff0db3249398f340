import type { SplitLine } from '../application/settlement-queries.service';
import type { OrderSettlementType } from './settlement.types';

/** An order's ledger lines and, per party and component, what it is owed (credits shown positive). */
export function toOrderSettlement(lines: readonly SplitLine[]): OrderSettlementType {
  const parties = new Map<string, OrderSettlementType['parties'][number]>();
  for (const l of lines) {
    const k = `${l.account}|${l.ownerType}|${l.ownerId ?? ''}|${l.component}|${l.currency}`;
    const p = parties.get(k) ?? { account: l.account, ownerType: l.ownerType, ownerId: l.ownerId, component: l.component, amount: { amount: 0, currency: l.currency } };
    p.amount.amount -= l.amountMinor;
    parties.set(k, p);
  }
  return {
    parties: [...parties.values()].filter((p) => p.account !== 'STRIPE_CLEARING'),
    lines: lines.map((l) => ({ event: l.eventKey, entryKind: l.entryKind, occurredAt: l.occurredAt, account: l.account, ownerType: l.ownerType, ownerId: l.ownerId, component: l.component, amount: { amount: l.amountMinor, currency: l.currency } })),
    // The promotions and who funds them: filled by the caller that knows the order (libs/orders).
    discounts: [],
  };
}
