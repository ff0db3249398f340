import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { accountCode, type AccountKind, type AccountRef, type EntryKind, type JournalEntryDraft, type LineComponent, type OwnerType } from '../domain/ledger';
import type { OrderLedgerLine } from '../domain/reversal';
import { SettledSalesSource } from '../ports/settled-sales.source';

export interface BalanceRow {
  kind: AccountKind;
  ownerType: OwnerType;
  ownerId: string | null;
  currency: string;
  /** Debit positive, credit negative, as the lines carry them. */
  balanceMinor: number;
}

export interface DeductionRow {
  entryKind: EntryKind;
  component: 'COMMISSION' | 'ROYALTY';
  currency: string;
  amountMinor: number;
  orders: number;
}

export interface MovementRow {
  account: AccountKind;
  entryKind: EntryKind;
  component: LineComponent;
  currency: string;
  beforeMinor: number;
  duringMinor: number;
  orders: number;
}

export interface SplitLineRow {
  eventKey: string;
  entryKind: EntryKind;
  occurredAt: Date;
  orderId: string;
  kind: AccountKind;
  ownerType: OwnerType;
  ownerId: string | null;
  component: LineComponent;
  amountMinor: number;
  currency: string;
}

export interface SellerLineRow {
  id: string;
  eventKey: string;
  entryKind: EntryKind;
  occurredAt: Date;
  createdAt: Date;
  orderId: string | null;
  orderNumber: string | null;
  account: AccountKind;
  component: LineComponent;
  amountMinor: number;
  currency: string;
}

/** The journal: accounts, entries and their lines. Plain data access; the rules are in domain/. */
@Injectable()
export class LedgerRepository {
  /** Account code → id of accounts known to exist (see accountIds). */
  private readonly knownAccounts = new Map<string, string>();

  constructor(
    private readonly prisma: PrismaService,
    /** Orders' numbers, through the relations libs/orders binds. */
    private readonly sales: SettledSalesSource,
  ) {}

  /**
   * Writes an entry and its lines once: false (nothing written) when an entry of this event
   * exists. Concurrent writers of one event queue on the unique key; the loser writes nothing.
   * The lines' balance is checked again by the database at COMMIT.
   */
  async insertEntry(tx: SqlTx, e: JournalEntryDraft): Promise<boolean> {
    const ids = await this.accountIds(tx, e.lines.map((l) => l.account));
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO settlement_journal_entries (id, event_key, kind, checkout_id, occurred_at)
      VALUES (${timeOrderedUuids(1)[0]!}::uuid, ${e.eventKey}, ${e.kind}, ${e.checkoutId}::uuid, ${e.occurredAt})
      ON CONFLICT (event_key) DO NOTHING RETURNING id::text`;
    if (!rows.length) return false;
    const col = <T>(f: (l: JournalEntryDraft['lines'][number]) => T) => e.lines.map(f);
    await tx.$executeRaw`
      INSERT INTO settlement_journal_lines (entry_id, account_id, order_id, component, amount_minor, currency)
      SELECT ${rows[0]!.id}::uuid, a, o, c, m, cur
        FROM unnest(${col((l) => ids.get(accountCode(l.account))!)}::uuid[], ${col((l) => l.orderId)}::uuid[], ${col((l) => l.component)}::text[],
                    ${col((l) => l.amountMinor)}::bigint[], ${col((l) => l.currency)}::char(3)[]) AS x(a, o, c, m, cur)`;
    return true;
  }

  /**
   * Writes many entries and their lines in one statement, each once: answers the event keys
   * written (an entry whose event is in the ledger already is skipped with its lines, as
   * `insertEntry` skips it). Lines keep the order of `entries` and of their lines. The database
   * checks the statement's lines again (their entries, accounts and balance: ADR 0028).
   */
  async insertEntries(tx: SqlTx, entries: readonly JournalEntryDraft[]): Promise<Set<string>> {
    if (!entries.length) return new Set();
    if (new Set(entries.map((e) => e.eventKey)).size !== entries.length) throw new Error('insertEntries: an event key appears twice in one batch');
    // Each line's account code once (a batch holds hundreds of thousands of lines), then the accounts' ids.
    const codes: string[] = [];
    const accounts = new Map<string, AccountRef>();
    for (const e of entries) {
      for (const l of e.lines) {
        const code = accountCode(l.account);
        codes.push(code);
        if (!accounts.has(code)) accounts.set(code, l.account);
      }
    }
    const ids = await this.accountIds(tx, [...accounts.values()]);
    // Ids in time order (UUID version 7), made here: a batch's entries and their lines go to the
    // right-hand pages of the entries' key and the lines' entry index instead of random pages
    // of indexes larger than the buffer cache, and the lines find their entry by id.
    const entryIds = timeOrderedUuids(entries.length);
    const lineEntry: string[] = [];
    const lineAccount: string[] = [];
    const lineOrder: (string | null)[] = [];
    const lineComponent: string[] = [];
    const lineAmount: number[] = [];
    const lineCurrency: string[] = [];
    let n = 0;
    entries.forEach((e, i) => {
      const entryId = entryIds[i]!;
      for (const l of e.lines) {
        lineEntry.push(entryId);
        lineAccount.push(ids.get(codes[n++]!)!);
        lineOrder.push(l.orderId);
        lineComponent.push(l.component);
        lineAmount.push(l.amountMinor);
        lineCurrency.push(l.currency);
      }
    });
    const rows = await tx.$queryRaw<{ k: string }[]>`
      WITH e AS (
        INSERT INTO settlement_journal_entries (id, event_key, kind, checkout_id, occurred_at)
        SELECT id, k, kind, c, at
          FROM unnest(${entryIds}::uuid[], ${entries.map((e) => e.eventKey)}::text[], ${entries.map((e) => e.kind)}::text[], ${entries.map((e) => e.checkoutId)}::uuid[],
                      ${entries.map((e) => e.occurredAt.toISOString())}::timestamp(3)[]) WITH ORDINALITY AS x(id, k, kind, c, at, i)
         ORDER BY i
        ON CONFLICT (event_key) DO NOTHING
        RETURNING id, event_key),
      l AS (
        INSERT INTO settlement_journal_lines (entry_id, account_id, order_id, component, amount_minor, currency)
        SELECT x.e, x.a, x.o, x.c, x.m, x.cur
          FROM unnest(${lineEntry}::uuid[], ${lineAccount}::uuid[], ${lineOrder}::uuid[], ${lineComponent}::text[], ${lineAmount}::bigint[], ${lineCurrency}::char(3)[])
               WITH ORDINALITY AS x(e, a, o, c, m, cur, i)
         WHERE x.e IN (SELECT id FROM e)
         ORDER BY x.i)
      SELECT event_key AS k FROM e`;
    return new Set(rows.map((r) => r.k));
  }

  async entryExists(tx: SqlTx, eventKeys: readonly string[]): Promise<Set<string>> {
    if (!eventKeys.length) return new Set();
    const rows = await tx.$queryRaw<{ k: string }[]>`SELECT event_key AS k FROM settlement_journal_entries WHERE event_key = ANY(${[...eventKeys]}::text[])`;
    return new Set(rows.map((r) => r.k));
  }

  /** One entry's lines with their accounts, and its checkout (null: no such entry). */
  async entryWithAccounts(eventKey: string): Promise<{ checkoutId: string | null; lines: JournalEntryDraft['lines'] } | null> {
    const rows = await this.prisma.$queryRaw<{ checkoutId: string | null; kind: AccountKind; ownerType: OwnerType; ownerId: string | null; component: LineComponent; orderId: string | null; amountMinor: number; currency: string }[]>`
      SELECT e.checkout_id::text AS "checkoutId", a.kind, a.owner_type AS "ownerType", a.owner_id::text AS "ownerId", l.component, l.order_id::text AS "orderId", l.amount_minor::float8 AS "amountMinor", l.currency
        FROM settlement_journal_entries e
        JOIN settlement_journal_lines l ON l.entry_id = e.id
        JOIN settlement_accounts a ON a.id = l.account_id
       WHERE e.event_key = ${eventKey}
       ORDER BY l.id`;
    if (!rows.length) return null;
    return {
      checkoutId: rows[0]!.checkoutId,
      lines: rows.map((r) => ({ account: { kind: r.kind, ownerType: r.ownerType, ownerId: r.ownerId }, component: r.component, orderId: r.orderId, amountMinor: Number(r.amountMinor), currency: r.currency.trim() })),
    };
  }

  /** When each of these entries was written (the ones that exist). */
  async entryTimes(tx: SqlTx, eventKeys: readonly string[]): Promise<Map<string, Date>> {
    if (!eventKeys.length) return new Map();
    const rows = await tx.$queryRaw<{ k: string; at: Date }[]>`SELECT event_key AS k, created_at AS at FROM settlement_journal_entries WHERE event_key = ANY(${[...eventKeys]}::text[])`;
    return new Map(rows.map((r) => [r.k, r.at]));
  }

  /** Every ledger line of these orders, with the kind of its entry. */
  async orderLines(tx: SqlTx | null, orderIds: readonly string[]): Promise<(OrderLedgerLine & { eventKey: string; occurredAt: Date })[]> {
    if (!orderIds.length) return [];
    const rows = await (tx ?? this.prisma).$queryRaw<SplitLineRow[]>`
      SELECT e.event_key AS "eventKey", e.kind AS "entryKind", e.occurred_at AS "occurredAt", l.order_id::text AS "orderId",
             a.kind, a.owner_type AS "ownerType", a.owner_id::text AS "ownerId", l.component, l.amount_minor::float8 AS "amountMinor", l.currency
        FROM settlement_journal_lines l
        JOIN settlement_journal_entries e ON e.id = l.entry_id
        JOIN settlement_accounts a ON a.id = l.account_id
       WHERE l.order_id = ANY(${[...orderIds]}::uuid[])
       ORDER BY e.occurred_at, e.created_at, l.id`;
    return rows.map((r) => ({
      eventKey: r.eventKey,
      occurredAt: r.occurredAt,
      kind: r.entryKind,
      account: { kind: r.kind, ownerType: r.ownerType, ownerId: r.ownerId },
      component: r.component,
      orderId: r.orderId,
      amountMinor: Number(r.amountMinor),
      currency: r.currency.trim(),
    }));
  }

  /** Lines of one entry per order (the clearing lines of a refund, to take back exactly what it posted). */
  async entryLines(tx: SqlTx, eventKey: string): Promise<{ orderId: string | null; component: LineComponent; amountMinor: number; currency: string }[]> {
    const rows = await tx.$queryRaw<{ orderId: string | null; component: LineComponent; amountMinor: number; currency: string }[]>`
      SELECT l.order_id::text AS "orderId", l.component, l.amount_minor::float8 AS "amountMinor", l.currency
        FROM settlement_journal_lines l JOIN settlement_journal_entries e ON e.id = l.entry_id
       WHERE e.event_key = ${eventKey}`;
    return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), currency: r.currency.trim() }));
  }

  /** Balances derived from the lines, per account and currency; filtered by account kind and owners. */
  async balances(filter: { kinds?: readonly AccountKind[]; owners?: readonly { ownerType: OwnerType; ownerId: string }[] }): Promise<BalanceRow[]> {
    const kinds = filter.kinds ? [...filter.kinds] : null;
    const ownerKeys = filter.owners ? filter.owners.map((o) => `${o.ownerType}:${o.ownerId}`) : null;
    const rows = await this.prisma.$queryRaw<BalanceRow[]>`
      SELECT a.kind, a.owner_type AS "ownerType", a.owner_id::text AS "ownerId", l.currency, sum(l.amount_minor)::float8 AS "balanceMinor"
        FROM settlement_accounts a
        JOIN settlement_journal_lines l ON l.account_id = a.id
       WHERE (${kinds}::text[] IS NULL OR a.kind = ANY(${kinds}::text[]))
         AND (${ownerKeys}::text[] IS NULL OR (a.owner_type || ':' || a.owner_id::text) = ANY(${ownerKeys}::text[]))
       GROUP BY a.kind, a.owner_type, a.owner_id, l.currency
       ORDER BY a.kind, a.owner_type, a.owner_id, l.currency`;
    return rows.map((r) => ({ ...r, currency: r.currency.trim(), balanceMinor: Number(r.balanceMinor) }));
  }

  /** Every seller with an account in the ledger (pending or payable), by owner type and id. */
  async sellers(): Promise<{ ownerType: 'MUSEUM' | 'BRAND'; ownerId: string }[]> {
    return this.prisma.$queryRaw<{ ownerType: 'MUSEUM' | 'BRAND'; ownerId: string }[]>`
      SELECT DISTINCT owner_type AS "ownerType", owner_id::text AS "ownerId" FROM settlement_accounts
       WHERE kind IN ('SELLER_PENDING', 'SELLER_PAYABLE') AND owner_type IN ('MUSEUM', 'BRAND') AND owner_id IS NOT NULL
       ORDER BY 1, 2`;
  }

  /**
   * A seller's statement sums in one pass over its lines written before `end`: per account, kind
   * of entry, component and currency, what was written before `start` and during [start, end)
   * (`movements`); and what was taken from its goods during the month before they reached it
   * (`deductions`, the statement's DEDUCTED rows, positive when deducted): the platform's
   * COMMISSION lines and the other sellers' ROYALTY lines of each order whose entry credits this
   * seller GOODS. An order's entry credits goods to the one party that fulfils it (the checkout
   * makes an order per fulfiller), so each commission and royalty is one seller's deduction. The
   * seller's lines are read once (materialized): a second walk of them for the deductions cost as
   * much as the movements (issue 21, 540 statements of the bench's ledger: 7.5-9 s against 8-10 s).
   */
  async sellerMonth(owner: { ownerType: OwnerType; ownerId: string }, start: Date, end: Date): Promise<{ movements: MovementRow[]; deductions: DeductionRow[] }> {
    const rows = await this.prisma.$queryRaw<(MovementRow & { row: 'MOVEMENT' | 'DEDUCTED' })[]>`
      WITH acc AS (
        SELECT id, kind FROM settlement_accounts
         WHERE owner_type = ${owner.ownerType} AND owner_id = ${owner.ownerId}::uuid AND kind IN ('SELLER_PENDING', 'SELLER_PAYABLE')
      ), sl AS MATERIALIZED (
        SELECT acc.kind AS account, e.kind AS entry_kind, l.component, l.currency, l.amount_minor, l.order_id, l.entry_id, e.created_at >= ${start} AS during
          FROM acc
          JOIN settlement_journal_lines l ON l.account_id = acc.id
          JOIN settlement_journal_entries e ON e.id = l.entry_id
         WHERE e.created_at < ${end}
      ), mine AS (
        SELECT DISTINCT entry_id, order_id, entry_kind FROM sl
         WHERE during AND component = 'GOODS' AND order_id IS NOT NULL AND entry_kind <> 'ORDER_PAYABLE'
      )
      SELECT 'MOVEMENT' AS row, account, entry_kind AS "entryKind", component, currency,
             coalesce(sum(amount_minor) FILTER (WHERE NOT during), 0)::float8 AS "beforeMinor",
             coalesce(sum(amount_minor) FILTER (WHERE during), 0)::float8 AS "duringMinor",
             count(DISTINCT order_id) FILTER (WHERE during)::int AS orders
        FROM sl
       GROUP BY account, entry_kind, component, currency
      UNION ALL
      SELECT 'DEDUCTED', NULL, m.entry_kind, l.component, l.currency, 0, (-sum(l.amount_minor))::float8, count(DISTINCT l.order_id)::int
        FROM mine m
        JOIN settlement_journal_lines l ON l.entry_id = m.entry_id AND l.order_id = m.order_id
        JOIN settlement_accounts a ON a.id = l.account_id
       WHERE (l.component = 'COMMISSION' AND a.kind = 'PLATFORM_COMMISSION')
          OR (l.component = 'ROYALTY' AND l.account_id NOT IN (SELECT id FROM acc))
       GROUP BY m.entry_kind, l.component, l.currency
       ORDER BY 1 DESC, 5, 2, 3, 4`;
    const movements: MovementRow[] = [];
    const deductions: DeductionRow[] = [];
    for (const r of rows) {
      const currency = r.currency.trim();
      if (r.row === 'MOVEMENT') movements.push({ account: r.account, entryKind: r.entryKind, component: r.component, currency, beforeMinor: Number(r.beforeMinor), duringMinor: Number(r.duringMinor), orders: r.orders });
      else deductions.push({ entryKind: r.entryKind, component: r.component as DeductionRow['component'], currency, amountMinor: Number(r.duringMinor), orders: r.orders });
    }
    return { movements, deductions };
  }


  /**
   * A seller's ledger lines (both its accounts), newest first, paged by the line id (keyset:
   * `id < after`), optionally of one entry kind and written within [from, to). With its total
   * under the same filter.
   */
  async sellerLines(
    owner: { ownerType: OwnerType; ownerId: string },
    f: { kind: EntryKind | null; from: Date | null; to: Date | null },
    afterId: string | null,
    take: number,
  ): Promise<{ rows: SellerLineRow[]; total: number }> {
    const accounts = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM settlement_accounts WHERE owner_type = ${owner.ownerType} AND owner_id = ${owner.ownerId}::uuid AND kind IN ('SELLER_PENDING', 'SELLER_PAYABLE')`;
    if (!accounts.length) return { rows: [], total: 0 };
    const ids = accounts.map((a) => a.id);
    const [rows, count] = await Promise.all([
      // One ordered scan of (account_id, id) per account, merged: a deep page costs what the first does.
      this.prisma.$queryRaw<SellerLineRow[]>`
        SELECT x.id::text, x."eventKey", x."entryKind", x."occurredAt", x."createdAt", x.order_id::text AS "orderId", o.number AS "orderNumber",
               a.kind AS account, x.component, x.amount_minor::float8 AS "amountMinor", x.currency
          FROM unnest(${ids}::uuid[]) AS acc(id)
          CROSS JOIN LATERAL (
            SELECT l.id, l.account_id, l.order_id, l.component, l.amount_minor, l.currency,
                   e.event_key AS "eventKey", e.kind AS "entryKind", e.occurred_at AS "occurredAt", e.created_at AS "createdAt"
              FROM settlement_journal_lines l
              JOIN settlement_journal_entries e ON e.id = l.entry_id
             WHERE l.account_id = acc.id
               AND (${afterId}::bigint IS NULL OR l.id < ${afterId}::bigint)
               AND (${f.kind}::text IS NULL OR e.kind = ${f.kind}::text)
               AND (${f.from}::timestamp IS NULL OR e.created_at >= ${f.from}::timestamp)
               AND (${f.to}::timestamp IS NULL OR e.created_at < ${f.to}::timestamp)
             ORDER BY l.id DESC
             LIMIT ${take}) x
          JOIN settlement_accounts a ON a.id = x.account_id
          LEFT JOIN ${this.sales.orders} o ON o.id = x.order_id
         ORDER BY x.id DESC
         LIMIT ${take}`,
      this.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n
          FROM settlement_journal_lines l JOIN settlement_journal_entries e ON e.id = l.entry_id
         WHERE l.account_id = ANY(${ids}::uuid[])
           AND (${f.kind}::text IS NULL OR e.kind = ${f.kind}::text)
           AND (${f.from}::timestamp IS NULL OR e.created_at >= ${f.from}::timestamp)
           AND (${f.to}::timestamp IS NULL OR e.created_at < ${f.to}::timestamp)`,
    ]);
    return { rows: rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), currency: r.currency.trim() })), total: count[0]?.n ?? 0 };
  }

  /**
   * The tax owed to customs per currency (positive: owed), read in the caller's transaction
   * after taking the transaction-scoped lock every tax remittance takes, so two remittances at
   * once never both spend the same owed tax (the second reads what the first left).
   */
  async taxOwedLocked(tx: SqlTx): Promise<Map<string, number>> {
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('settlement:tax-remittance'))) x`;
    const rows = await tx.$queryRaw<{ currency: string; owed: number }[]>`
      SELECT l.currency, (-sum(l.amount_minor))::float8 AS owed
        FROM settlement_accounts a JOIN settlement_journal_lines l ON l.account_id = a.id
       WHERE a.kind = 'TAX_PAYABLE' AND a.owner_type = 'PLATFORM'
       GROUP BY l.currency`;
    return new Map(rows.map((r) => [r.currency.trim(), Number(r.owed)]));
  }

  /** One currency's balances in the caller's transaction (a payout's amount, under the seller's lock). */
  async balancesIn(tx: SqlTx, filter: { kinds: readonly AccountKind[]; owners: readonly { ownerType: OwnerType; ownerId: string }[] }, currency: string): Promise<BalanceRow[]> {
    const ownerKeys = filter.owners.map((o) => `${o.ownerType}:${o.ownerId}`);
    const rows = await tx.$queryRaw<BalanceRow[]>`
      SELECT a.kind, a.owner_type AS "ownerType", a.owner_id::text AS "ownerId", l.currency, sum(l.amount_minor)::float8 AS "balanceMinor"
        FROM settlement_accounts a JOIN settlement_journal_lines l ON l.account_id = a.id
       WHERE a.kind = ANY(${[...filter.kinds]}::text[]) AND (a.owner_type || ':' || a.owner_id::text) = ANY(${ownerKeys}::text[]) AND l.currency = ${currency}
       GROUP BY a.kind, a.owner_type, a.owner_id, l.currency`;
    return rows.map((r) => ({ ...r, currency: r.currency.trim(), balanceMinor: Number(r.balanceMinor) }));
  }

  /**
   * Entries whose lines do not sum to zero in a currency (none, unless the database's checks
   * were bypassed), by event key (a line whose entry is missing: `entry:<id>`). Reads every
   * line once, in entry order from the (entry_id, currency, amount_minor) index: an index-only
   * scan summed group by group, no sort, no hash, no join but for the entries found (20.8 s
   * joined to the entries and hashed by event key on 4.0 M lines, issue 21). Memory for a hash
   * aggregate, should the planner prefer one (pages written since the last vacuum are read
   * from the table): the transaction's own work_mem.
   */
  async unbalancedEntries(): Promise<string[]> {
    return this.prisma.sqlTransaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
      const rows = await tx.$queryRaw<{ k: string }[]>`
        SELECT coalesce((SELECT e.event_key FROM settlement_journal_entries e WHERE e.id = x.entry_id), 'entry:' || x.entry_id) AS k
          FROM (SELECT entry_id FROM settlement_journal_lines GROUP BY entry_id, currency HAVING sum(amount_minor) <> 0) x
         GROUP BY x.entry_id ORDER BY 1`;
      return rows.map((r) => r.k);
    });
  }

  /**
   * Account ids by code, creating missing accounts. Ids of accounts that existed before this
   * transaction (committed: a concurrent creator's insert was waited for) are remembered in the
   * process — an account is never deleted once it has lines (FK RESTRICT, append-only lines) —
   * so a warm process writes an entry without these two statements. Ids this transaction
   * created are not remembered: it may still roll back.
   */
  private async accountIds(tx: SqlTx, refs: readonly AccountRef[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const missing: AccountRef[] = [];
    const seen = new Set<string>();
    for (const r of refs) {
      const code = accountCode(r);
      if (seen.has(code)) continue;
      seen.add(code);
      const id = this.knownAccounts.get(code);
      if (id) out.set(code, id);
      else missing.push(r);
    }
    if (!missing.length) return out;
    const codes = missing.map(accountCode);
    const created = await tx.$queryRaw<{ code: string }[]>`
      INSERT INTO settlement_accounts (id, code, kind, owner_type, owner_id)
      SELECT gen_random_uuid(), c, k, t, o FROM unnest(${codes}::text[], ${missing.map((r) => r.kind)}::text[], ${missing.map((r) => r.ownerType)}::text[], ${missing.map((r) => r.ownerId)}::uuid[]) AS x(c, k, t, o)
      ORDER BY c
      ON CONFLICT (code) DO NOTHING
      RETURNING code`;
    const fresh = new Set(created.map((r) => r.code));
    const rows = await tx.$queryRaw<{ id: string; code: string }[]>`SELECT id::text, code FROM settlement_accounts WHERE code = ANY(${codes}::text[])`;
    if (this.knownAccounts.size > 100_000) this.knownAccounts.clear();
    for (const r of rows) {
      out.set(r.code, r.id);
      if (!fresh.has(r.code)) this.knownAccounts.set(r.code, r.id);
    }
    return out;
  }
}

/**
 * `n` UUIDs of version 7 (RFC 9562): the time in milliseconds, then random bits, so ids made
 * together sort together (and after earlier ones).
 */
export function timeOrderedUuids(n: number, now = Date.now()): string[] {
  const random = randomBytes(16 * n);
  const out: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const b = random.subarray(16 * i, 16 * i + 16);
    b.writeUIntBE(now, 0, 6);
    b[6] = (b[6]! & 0x0f) | 0x70;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    out[i] = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return out;
}
