import { Injectable } from '@nestjs/common';
import { ForbiddenError, ValidationError, isPlatformAdmin, type Actor, decodeCursor, pageSize, toPage, type Page } from '@vitrine/shared/kernel';
import { ownSeller } from './seller-access';
import { STATEMENT_CSV_HEADER, buildStatement, monthBounds, statementCsv, type CurrencyStatement } from '../domain/statement';
import { ENTRY_KINDS, isSellerAccount, type AccountKind, type EntryKind, type LineComponent, type OwnerType } from '../domain/ledger';
import { LedgerRepository, type BalanceRow, type SellerLineRow } from '../infrastructure/ledger.repository';
import { PayoutRepository } from '../infrastructure/payout.repository';

export interface Amount {
  amountMinor: number;
  currency: string;
}

export interface SellerBalance {
  sellerType: 'MUSEUM' | 'BRAND';
  sellerId: string;
  /** Owed on orders that can no longer be returned: what a payout may pay (negative: the seller owes the platform). */
  payable: Amount[];
  /** Owed on orders still within their return window. */
  pending: Amount[];
  /**
   * Transferred to the seller's connected account but not paid out to its bank: its bank payout
   * failed (payout.failed), the money is back on its Stripe balance (less what was reversed).
   * Not in the ledger (the money left the platform with the transfer).
   */
  notPaidOut?: Amount[];
}

export interface SellerStatement {
  sellerType: 'MUSEUM' | 'BRAND';
  sellerId: string;
  month: string;
  currencies: CurrencyStatement[];
  csv: string;
}

export interface PlatformLedger {
  sellers: SellerBalance[];
  /** Cross-border tax collected and owed to customs. */
  taxOwedToCustoms: Amount[];
  commissionRevenue: Amount[];
  /** Shoppers' money held at Stripe: paid less refunded, lost in disputes and fees. */
  stripeClearing: Amount[];
  stripeFees: Amount[];
  /** Paid by the platform for platform-wide promotions (debits of PLATFORM_PROMOTIONS). */
  platformPromotions: Amount[];
}

export interface SplitLine {
  eventKey: string;
  entryKind: EntryKind;
  occurredAt: Date;
  account: AccountKind;
  ownerType: OwnerType;
  ownerId: string | null;
  component: LineComponent;
  amountMinor: number;
  currency: string;
}

/**
 * Balances derived from the ledger. Credits are liabilities and revenue, so what is owed is
 * shown as the negated balance (a positive payable). A manager sees their museums' balances,
 * a brand its own; the operator sees every seller, the tax owed to customs and the commission.
 */
@Injectable()
export class SettlementQueriesService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly payouts: PayoutRepository,
  ) {}

  /** One seller's balance; a seller the caller may not see is NOT_FOUND. Without ids: the caller's own (a manager's single museum, a brand's). */
  async sellerBalance(actor: Actor, q: { museumId?: string | null; brandId?: string | null }): Promise<SellerBalance> {
    const seller = ownSeller(actor, q);
    const rows = await this.ledger.balances({ kinds: ['SELLER_PENDING', 'SELLER_PAYABLE'], owners: [{ ownerType: seller.sellerType, ownerId: seller.sellerId }] });
    const notPaidOut = await this.payouts.notPaidOut(seller);
    return { ...seller, payable: owed(rows.filter((r) => r.kind === 'SELLER_PAYABLE')), pending: owed(rows.filter((r) => r.kind === 'SELLER_PENDING')), notPaidOut };
  }

  /**
   * A seller's monthly statement (UTC month `YYYY-MM`, by when entries were written): opening,
   * movements, closing, what was deducted from its goods (commission, royalty paid), and its CSV.
   */
  async sellerStatement(actor: Actor, q: { museumId?: string | null; brandId?: string | null; month: string }): Promise<SellerStatement> {
    const bounds = monthBounds(q.month);
    if (!bounds) throw new ValidationError([{ path: 'month', message: 'must be a month as YYYY-MM' }]);
    const seller = ownSeller(actor, q);
    const owner = { ownerType: seller.sellerType, ownerId: seller.sellerId };
    const { movements, deductions } = await this.ledger.sellerMonth(owner, bounds.start, bounds.end);
    const currencies = buildStatement(movements, deductions);
    return { ...seller, month: q.month, currencies, csv: statementCsv({ ...seller, month: q.month }, currencies) };
  }

  /**
   * The month's statement of every seller with an account in the ledger (the operator's monthly
   * settlement run), each handed to `each` as it is ready, `parallel` at a time: a statement is
   * one aggregate query, mostly the database's time, so one after another left all but one core
   * idle (issue 21: 540 statements 8.9 s one by one). Statements arrive in no set order; the
   * process holds at most `parallel` of them. Answers how many were made.
   */
  async monthlyStatements(actor: Actor, month: string, each: (statement: SellerStatement) => Promise<void> | void, parallel = 3): Promise<number> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator runs every seller\'s statements');
    if (!monthBounds(month)) throw new ValidationError([{ path: 'month', message: 'must be a month as YYYY-MM' }]);
    const sellers = await this.ledger.sellers();
    let next = 0;
    const worker = async () => {
      while (next < sellers.length) {
        const s = sellers[next++]!;
        try {
          await each(await this.sellerStatement(actor, { ...(s.ownerType === 'MUSEUM' ? { museumId: s.ownerId } : { brandId: s.ownerId }), month }));
        } catch (error) {
          next = sellers.length; // the other workers take no further seller
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, sellers.length)) }, worker));
    return sellers.length;
  }

  /**
   * The operator's month-end file (issue 21): every seller's statement of the month as one CSV,
   * the statements' own columns with the header once, then each seller's rows as its statement
   * has them (so it reconciles to each statement and to the ledger as they do). Made by
   * `monthlyStatements`, `parallel` at a time, each seller's rows handed to `write` as soon as
   * its statement is ready: the process holds a few statements whatever the number of sellers.
   * Access and the month are checked before anything is written (FORBIDDEN, VALIDATION_FAILED).
   * Answers the number of sellers.
   */
  async monthlyStatementsCsv(actor: Actor, month: string, write: (chunk: string) => Promise<void> | void, parallel = 3): Promise<number> {
    let started = false;
    const sellers = await this.monthlyStatements(
      actor,
      month,
      async (statement) => {
        const rows = statement.csv.slice(STATEMENT_CSV_HEADER.length);
        if (started) return write(rows);
        started = true;
        await write(STATEMENT_CSV_HEADER + rows);
      },
      parallel,
    );
    if (!started) await write(STATEMENT_CSV_HEADER);
    return sellers;
  }

  async platformLedger(actor: Actor): Promise<PlatformLedger> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator sees the platform ledger');
    const [rows, notPaidOut] = await Promise.all([this.ledger.balances({}), this.payouts.notPaidOutAll()]);
    const sellers = new Map<string, SellerBalance>();
    for (const r of rows.filter((x) => isSellerAccount(x.kind) && x.ownerId)) {
      const k = `${r.ownerType}:${r.ownerId}`;
      const s = sellers.get(k) ?? { sellerType: r.ownerType as 'MUSEUM' | 'BRAND', sellerId: r.ownerId!, payable: [], pending: [] };
      (r.kind === 'SELLER_PAYABLE' ? s.payable : s.pending).push({ amountMinor: -r.balanceMinor, currency: r.currency });
      sellers.set(k, s);
    }
    for (const n of notPaidOut) {
      const s = sellers.get(`${n.sellerType}:${n.sellerId}`);
      if (s) (s.notPaidOut ??= []).push({ amountMinor: n.amountMinor, currency: n.currency });
    }
    const of = (kind: AccountKind, sign: 1 | -1) => rows.filter((r) => r.kind === kind).map((r) => ({ amountMinor: sign * r.balanceMinor, currency: r.currency }));
    return {
      sellers: [...sellers.values()],
      taxOwedToCustoms: of('TAX_PAYABLE', -1),
      commissionRevenue: of('PLATFORM_COMMISSION', -1),
      stripeClearing: of('STRIPE_CLEARING', 1),
      stripeFees: of('STRIPE_FEES', 1),
      platformPromotions: of('PLATFORM_PROMOTIONS', 1),
    };
  }

  /**
   * The ledger's balance check over every entry (the operator's): the event keys of entries
   * whose lines do not sum to zero in a currency. Empty unless the database's checks were
   * bypassed; a reconciliation's sanity check, not a request path.
   */
  async unbalancedEntries(actor: Actor): Promise<string[]> {
    if (!isPlatformAdmin(actor)) throw new ForbiddenError('Only the platform operator checks the ledger');
    return this.ledger.unbalancedEntries();
  }

  /**
   * A seller's ledger lines, newest first, in keyset pages; filtered by entry kind and by
   * when entries were written ([from, to)). Same tenancy as sellerBalance. The amount is as
   * the seller sees it: positive when owed to the seller more, negative when taken back.
   */
  async sellerLedgerLines(
    actor: Actor,
    q: { museumId?: string | null; brandId?: string | null; kind?: string | null; from?: Date | null; to?: Date | null; first?: number | null; after?: string | null },
  ): Promise<Page<SellerLineRow>> {
    const take = pageSize(q.first);
    const issues = [];
    if (q.kind && !(ENTRY_KINDS as readonly string[]).includes(q.kind)) issues.push({ path: 'kind', message: `must be one of ${ENTRY_KINDS.join(', ')}` });
    if (q.from && q.to && q.from >= q.to) issues.push({ path: 'to', message: 'must be after from' });
    const cursor = decodeCursor(q.after, 1);
    if (cursor && !/^[0-9]{1,18}$/.test(String(cursor[0]))) issues.push({ path: 'after', message: 'is not a valid cursor' });
    if (issues.length) throw new ValidationError(issues);
    const seller = ownSeller(actor, q);
    const { rows, total } = await this.ledger.sellerLines(
      { ownerType: seller.sellerType, ownerId: seller.sellerId },
      { kind: (q.kind as EntryKind | null) ?? null, from: q.from ?? null, to: q.to ?? null },
      cursor ? String(cursor[0]) : null,
      take + 1,
    );
    return toPage(
      rows.map((r) => ({ ...r, amountMinor: -r.amountMinor })),
      take,
      total,
      (r) => [r.id],
    );
  }

  /** The ledger lines of each order (its split and what reversed it), for callers that already checked the caller may see the order. */
  async splitsOf(orderIds: readonly string[]): Promise<Map<string, SplitLine[]>> {
    const lines = await this.ledger.orderLines(null, orderIds);
    const by = new Map<string, SplitLine[]>(orderIds.map((id) => [id, []]));
    for (const l of lines) {
      by.get(l.orderId!)?.push({ eventKey: l.eventKey, entryKind: l.kind, occurredAt: l.occurredAt, account: l.account.kind, ownerType: l.account.ownerType, ownerId: l.account.ownerId, component: l.component, amountMinor: l.amountMinor, currency: l.currency });
    }
    return by;
  }
}

function owed(rows: readonly BalanceRow[]): Amount[] {
  return rows.map((r) => ({ amountMinor: -r.balanceMinor, currency: r.currency }));
}
