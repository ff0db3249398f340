import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import { IdentityReadPort } from '@vitrine/identity';
import { InventoryReadPort } from '@vitrine/inventory';
import { PrismaService, type SqlTx, type Tx } from '@vitrine/shared/data-access';
import type { DropMode, DropStatus, EntryStatus } from '../domain/allocation';
import type { DropNoticeKind } from '../domain/drop-notice-texts';

export interface DropRecord {
  id: string;
  museumId: string;
  variantId: string;
  productId: string;
  mode: DropMode;
  status: DropStatus;
  startsAt: Date;
  registrationClosesAt: Date | null;
  editionSize: number;
  perIdentityLimit: number;
  payWindowSeconds: number;
  seedHash: string | null;
  /** Revealed only once drawn (null before, whatever is stored). */
  seed: string | null;
  drawnAt: Date | null;
  shuffledAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
}

export interface EntryRecord {
  id: string;
  dropId: string;
  userId: string;
  identityHash: string;
  status: EntryStatus;
  position: number | null;
  joinedAt: Date;
  admittedAt: Date | null;
  turnEndsAt: Date | null;
  checkoutId: string | null;
  voidedAt: Date | null;
  voidReason: string | null;
}

/** An entry as the operator sees it, with signals of duplicates and bots. */
export interface EntryWithSignals extends EntryRecord {
  accountEmail: string;
  accountCreatedAt: Date;
  /** Entries of this drop from the same client address (this one included). */
  sameAddressEntries: number;
  /** Entries of this drop whose checkout ships to the same street address (this one included; 0 without a checkout). */
  sameShippingAddressEntries: number;
}

/** A drop's row as its page's stream reads it. */
export interface DropStreamReading {
  id: string;
  mode: DropMode;
  status: DropStatus;
  startsAt: Date;
  registrationClosesAt: Date | null;
  editionSize: number;
  claimedUnits: number;
  seedHash: string | null;
  seed: string | null;
  drawnAt: Date | null;
  endedAt: Date | null;
  /** Entries by status. */
  counts: Partial<Record<EntryStatus, number>>;
  paidUnits: number;
  drawCount: number;
  /** Moves when any entry's status, place or turn does (what counts alone miss: two entries trading places). */
  entriesHash: string;
}

export interface DropListFilter {
  status?: DropStatus | null;
  mode?: DropMode | null;
  startsFrom?: Date | null;
  startsBefore?: Date | null;
}

export interface NewDrop {
  museumId: string;
  variantId: string;
  mode: DropMode;
  startsAt: Date;
  registrationClosesAt: Date | null;
  editionSize: number;
  perIdentityLimit: number;
  payWindowSeconds: number;
  seed: string | null;
  seedHash: string | null;
  createdByUserId: string;
}

const DROP_COLUMNS = `d.id::text AS id, d.museum_id::text AS "museumId", d.variant_id::text AS "variantId", v.product_id::text AS "productId",
  d.mode, d.status, d.starts_at AS "startsAt", d.registration_closes_at AS "registrationClosesAt", d.edition_size AS "editionSize",
  d.per_identity_limit AS "perIdentityLimit", d.pay_window_seconds AS "payWindowSeconds", d.seed_hash AS "seedHash",
  CASE WHEN d.drawn_at IS NULL THEN NULL ELSE d.seed END AS seed, d.drawn_at AS "drawnAt", d.shuffled_at AS "shuffledAt", d.ended_at AS "endedAt", d.created_at AS "createdAt"`;
const ENTRY_COLUMNS = `e.id::text AS id, e.drop_id::text AS "dropId", e.user_id::text AS "userId", e.identity_hash AS "identityHash", e.status, e.position,
  e.joined_at AS "joinedAt", e.admitted_at AS "admittedAt", e.turn_ends_at AS "turnEndsAt", e.checkout_id::text AS "checkoutId", e.voided_at AS "voidedAt", e.void_reason AS "voidReason"`;

/** Drops, their entries and notice subscriptions: plain data access, no rules. */
@Injectable()
export class DropsRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 20_000, timeout: 20_000 });
  }

  async variantMuseum(variantId: string): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ museumId: string }[]>`SELECT v.museum_id::text AS "museumId" FROM ${CatalogReadPort.variants} v WHERE v.id = ${variantId}::uuid`;
    return rows[0]?.museumId ?? null;
  }

  async unfinishedDropOf(tx: SqlTx, variantId: string): Promise<string | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM drops WHERE variant_id = ${variantId}::uuid AND status NOT IN ('ENDED', 'CANCELLED') FOR UPDATE`;
    return rows[0]?.id ?? null;
  }

  async insert(tx: SqlTx, d: NewDrop): Promise<string> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO drops (id, museum_id, variant_id, mode, starts_at, registration_closes_at, edition_size, per_identity_limit, pay_window_seconds, seed, seed_hash, created_by_user_id)
      VALUES (gen_random_uuid(), ${d.museumId}::uuid, ${d.variantId}::uuid, ${d.mode}, ${d.startsAt}, ${d.registrationClosesAt}, ${d.editionSize}, ${d.perIdentityLimit}, ${d.payWindowSeconds},
              ${d.seed}, ${d.seedHash}, ${d.createdByUserId}::uuid)
      RETURNING id::text`;
    return rows[0]!.id;
  }

  async find(id: string, tx: Tx | PrismaService = this.prisma): Promise<DropRecord | null> {
    const rows = await tx.$queryRawUnsafe<DropRecord[]>(`SELECT ${DROP_COLUMNS} FROM drops d JOIN ${CatalogReadPort.variants.text} v ON v.id = d.variant_id WHERE d.id = $1::uuid`, id);
    return rows[0] ?? null;
  }

  /** Drops of these museums ('ALL' for an operator), filtered, latest start first, after a (startsAt, id) keyset cursor. */
  async list(museumIds: readonly string[] | 'ALL', f: DropListFilter, take: number, after: [string, string] | null): Promise<{ rows: DropRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (museumIds !== 'ALL') add((n) => `d.museum_id = ANY(${n}::uuid[])`, [...museumIds]);
    if (f.status) add((n) => `d.status = ${n}`, f.status);
    if (f.mode) add((n) => `d.mode = ${n}`, f.mode);
    if (f.startsFrom) add((n) => `d.starts_at >= ${n}`, f.startsFrom);
    if (f.startsBefore) add((n) => `d.starts_at < ${n}`, f.startsBefore);
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    if (after) {
      params.push(new Date(after[0]), after[1]);
      where.push(`(d.starts_at, d.id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(take + 1);
    const [rows, count] = await Promise.all([
      this.prisma.$queryRawUnsafe<DropRecord[]>(
        `SELECT ${DROP_COLUMNS} FROM drops d JOIN ${CatalogReadPort.variants.text} v ON v.id = d.variant_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY d.starts_at DESC, d.id DESC LIMIT $${params.length}`,
        ...params,
      ),
      this.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM drops d ${filtered}`, ...countParams),
    ]);
    return { rows, total: count[0]!.n };
  }

  /** Drops shoppers can see (not cancelled) of a product. */
  ofProduct(productId: string): Promise<DropRecord[]> {
    return this.prisma.$queryRawUnsafe<DropRecord[]>(
      `SELECT ${DROP_COLUMNS} FROM drops d JOIN ${CatalogReadPort.variants.text} v ON v.id = d.variant_id WHERE v.product_id = $1::uuid AND d.status <> 'CANCELLED' ORDER BY d.starts_at DESC LIMIT 10`,
      productId,
    );
  }

  /** Variants with a drop that has not ended: the checkout gate's list. */
  async unfinishedDrops(): Promise<{ dropId: string; variantId: string }[]> {
    return this.prisma.sql.$queryRaw<{ dropId: string; variantId: string }[]>`
      SELECT id::text AS "dropId", variant_id::text AS "variantId" FROM drops WHERE status NOT IN ('ENDED', 'CANCELLED')`;
  }

  /** Units of the variant for sale now across its stock levels. */
  async variantAvailable(variantId: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT COALESCE(sum(GREATEST(l.on_hand - l.reserved, 0)), 0)::int AS n FROM ${InventoryReadPort.levels} l WHERE l.variant_id = ${variantId}::uuid`;
    return rows[0]!.n;
  }

  /** Changes a drop still SCHEDULED whose start has not come (false when it has meanwhile). */
  async change(
    tx: SqlTx,
    id: string,
    c: { startsAt: Date; registrationClosesAt: Date | null; editionSize: number; perIdentityLimit: number; payWindowSeconds: number },
    now: Date,
  ): Promise<boolean> {
    const n = await tx.$executeRaw`
      UPDATE drops SET starts_at = ${c.startsAt}, registration_closes_at = ${c.registrationClosesAt}, edition_size = ${c.editionSize},
             per_identity_limit = ${c.perIdentityLimit}, pay_window_seconds = ${c.payWindowSeconds}, updated_at = ${now}
      WHERE id = ${id}::uuid AND status = 'SCHEDULED' AND starts_at > ${now}`;
    return n === 1;
  }

  /**
   * A cancelled drop's entries: those waiting or holding a turn are CANCELLED; a checked-out
   * one keeps its checkout, whose turn is ended now (the tick's overdueCheckouts cancels it if
   * the API could not). Answers the entrants to tell, and the checkouts to cancel.
   */
  async cancelEntries(tx: SqlTx, dropId: string, now: Date): Promise<{ userIds: string[]; checkoutIds: string[] }> {
    const closed = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE drop_entries SET status = 'CANCELLED', turn_ends_at = NULL WHERE drop_id = ${dropId}::uuid AND status IN ('WAITING', 'ADMITTED')
      RETURNING user_id::text AS "userId"`;
    const open = await tx.$queryRaw<{ userId: string; checkoutId: string }[]>`
      UPDATE drop_entries e SET turn_ends_at = LEAST(e.turn_ends_at, ${now})
      WHERE e.drop_id = ${dropId}::uuid AND e.status = 'CHECKED_OUT'
        AND EXISTS (SELECT 1 FROM orders o WHERE o.checkout_id = e.checkout_id AND o.status = 'PENDING_PAYMENT')
      RETURNING e.user_id::text AS "userId", e.checkout_id::text AS "checkoutId"`;
    return { userIds: [...closed, ...open].map((r) => r.userId), checkoutIds: open.map((r) => r.checkoutId) };
  }

  // ---- entries

  /** Locks the drop row (entries of one drop are taken one at a time) and takes a queue place when turns have begun. */
  async lockForEntry(tx: SqlTx, dropId: string): Promise<{ mode: DropMode; status: DropStatus; position: number | null } | null> {
    const rows = await tx.$queryRaw<{ mode: DropMode; status: DropStatus; position: number | null }[]>`
      UPDATE drops SET next_position = next_position + CASE WHEN status = 'ALLOCATING' AND mode = 'QUEUE' THEN 1 ELSE 0 END
      WHERE id = ${dropId}::uuid
      RETURNING mode, status, CASE WHEN status = 'ALLOCATING' AND mode = 'QUEUE' THEN next_position ELSE NULL END AS position`;
    return rows[0] ?? null;
  }

  async clash(tx: SqlTx, dropId: string, userId: string, identityHash: string): Promise<'ACCOUNT' | 'IDENTITY' | null> {
    const rows = await tx.$queryRaw<{ mine: boolean }[]>`
      SELECT user_id = ${userId}::uuid AS mine FROM drop_entries WHERE drop_id = ${dropId}::uuid AND (user_id = ${userId}::uuid OR identity_hash = ${identityHash})`;
    if (!rows.length) return null;
    return rows.some((r) => r.mine) ? 'ACCOUNT' : 'IDENTITY';
  }

  async insertEntry(tx: SqlTx, e: { dropId: string; userId: string; identityHash: string; position: number | null; clientIp: string | null }): Promise<string> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO drop_entries (id, drop_id, user_id, identity_hash, position, client_ip)
      VALUES (gen_random_uuid(), ${e.dropId}::uuid, ${e.userId}::uuid, ${e.identityHash}, ${e.position}, ${e.clientIp}) RETURNING id::text`;
    return rows[0]!.id;
  }

  async entryOf(dropId: string, userId: string): Promise<EntryRecord | null> {
    const rows = await this.prisma.sql.$queryRaw<EntryRecord[]>`
      SELECT e.id::text AS id, e.drop_id::text AS "dropId", e.user_id::text AS "userId", e.identity_hash AS "identityHash", e.status, e.position,
             e.joined_at AS "joinedAt", e.admitted_at AS "admittedAt", e.turn_ends_at AS "turnEndsAt", e.checkout_id::text AS "checkoutId", e.voided_at AS "voidedAt", e.void_reason AS "voidReason"
      FROM drop_entries e WHERE e.drop_id = ${dropId}::uuid AND e.user_id = ${userId}::uuid`;
    return rows[0] ?? null;
  }

  async entry(id: string): Promise<EntryRecord | null> {
    const rows = await this.prisma.$queryRawUnsafe<EntryRecord[]>(`SELECT ${ENTRY_COLUMNS} FROM drop_entries e WHERE e.id = $1::uuid`, id);
    return rows[0] ?? null;
  }

  /** Shoppers still waiting ahead of this place. */
  async waitingAhead(dropId: string, position: number): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM drop_entries WHERE drop_id = ${dropId}::uuid AND status = 'WAITING' AND position < ${position}`;
    return rows[0]!.n;
  }

  entriesWithSignals(dropId: string, take: number, offset: number, status: string | null): Promise<EntryWithSignals[]> {
    return this.prisma.$queryRawUnsafe<EntryWithSignals[]>(
      `WITH ship AS (
         SELECT DISTINCT ON (o.checkout_id) o.checkout_id, lower(concat_ws('|', o.province, o.city, o.district, o.street)) AS addr
         FROM orders o JOIN drop_entries x ON x.checkout_id = o.checkout_id WHERE x.drop_id = $1::uuid),
       e2 AS (
         SELECT e.*, s.addr,
           count(*) OVER (PARTITION BY e.client_ip)::int AS same_ip,
           CASE WHEN s.addr IS NULL THEN 0 ELSE count(*) OVER (PARTITION BY s.addr)::int END AS same_addr
         FROM drop_entries e LEFT JOIN ship s ON s.checkout_id = e.checkout_id WHERE e.drop_id = $1::uuid)
       SELECT ${ENTRY_COLUMNS}, u.email AS "accountEmail", u.created_at AS "accountCreatedAt",
              CASE WHEN e.client_ip IS NULL THEN 1 ELSE e.same_ip END AS "sameAddressEntries", e.same_addr AS "sameShippingAddressEntries"
       FROM e2 e JOIN ${IdentityReadPort.users.text} u ON u.id = e.user_id
       WHERE ($4::text IS NULL OR e.status = $4::text)
       ORDER BY e.position NULLS LAST, e.joined_at, e.id LIMIT $2 OFFSET $3`,
      dropId,
      take,
      offset,
      status,
    );
  }

  /** The registration list the draw ran on (entry ids only), and the draw's ranks. */
  drawnList(dropId: string): Promise<{ id: string; position: number | null }[]> {
    return this.prisma.$queryRaw<{ id: string; position: number | null }[]>`
      SELECT id::text, position FROM drop_entries WHERE drop_id = ${dropId}::uuid AND drawn ORDER BY id`;
  }

  async voidEntry(tx: SqlTx, entryId: string, reason: string, now: Date): Promise<boolean> {
    const n = await tx.$executeRaw`
      UPDATE drop_entries SET status = 'VOIDED', voided_at = ${now}, void_reason = ${reason}, turn_ends_at = NULL
      WHERE id = ${entryId}::uuid AND status IN ('WAITING', 'ADMITTED')`;
    return n === 1;
  }

  // ---- the drop page's stream

  /** The drop as its page's stream shows it, with the entries' counts by status (what the stream's watch compares). */
  async streamReading(dropId: string): Promise<DropStreamReading | null> {
    const rows = await this.prisma.sql.$queryRaw<DropStreamReading[]>`
      SELECT d.id::text AS id, d.mode, d.status, d.starts_at AS "startsAt", d.registration_closes_at AS "registrationClosesAt", d.edition_size AS "editionSize",
             d.claimed_units AS "claimedUnits", d.seed_hash AS "seedHash", CASE WHEN d.drawn_at IS NULL THEN NULL ELSE d.seed END AS seed,
             d.drawn_at AS "drawnAt", d.ended_at AS "endedAt",
             COALESCE((SELECT jsonb_object_agg(c.status, c.n) FROM (SELECT status, count(*)::int AS n FROM drop_entries WHERE drop_id = d.id GROUP BY status) c), '{}'::jsonb) AS counts,
             (SELECT COALESCE(sum(claimed_units), 0)::int FROM drop_entries WHERE drop_id = d.id AND status = 'PAID') AS "paidUnits",
             (SELECT count(*)::int FROM drop_entries WHERE drop_id = d.id AND drawn) AS "drawCount",
             (SELECT COALESCE(sum(hashtext(concat_ws('|', id, status, position, turn_ends_at))), 0)::text FROM drop_entries WHERE drop_id = d.id) AS "entriesHash"
      FROM drops d WHERE d.id = ${dropId}::uuid`;
    return rows[0] ?? null;
  }

  /** These shoppers' entries in the drop, with their place among those still waiting (one pass over the waiting entries). */
  streamEntries(dropId: string, userIds: readonly string[]): Promise<(EntryRecord & { placeInQueue: number | null })[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.prisma.sql.$queryRaw`
      WITH waiting AS (
        SELECT id, row_number() OVER (ORDER BY position)::int AS place FROM drop_entries
        WHERE drop_id = ${dropId}::uuid AND status = 'WAITING' AND position IS NOT NULL)
      SELECT e.id::text AS id, e.drop_id::text AS "dropId", e.user_id::text AS "userId", e.identity_hash AS "identityHash", e.status, e.position,
             e.joined_at AS "joinedAt", e.admitted_at AS "admittedAt", e.turn_ends_at AS "turnEndsAt", e.checkout_id::text AS "checkoutId",
             e.voided_at AS "voidedAt", e.void_reason AS "voidReason", w.place AS "placeInQueue"
      FROM drop_entries e LEFT JOIN waiting w ON w.id = e.id
      WHERE e.drop_id = ${dropId}::uuid AND e.user_id = ANY(${[...userIds]}::uuid[])`;
  }

  // ---- the checkout gate

  /**
   * Inside the checkout's transaction, after its identity row is locked and its orders written:
   * uses the entry's turn (once), then locks the drop row and counts what is sold or held of the
   * edition, and this identity's share, from the orders themselves (cancelled ones excluded).
   */
  async claimTurn(tx: SqlTx, entryId: string, checkoutId: string, quantity: number, now: Date): Promise<boolean> {
    // Its units are added to the drop at COMMIT by the deferred trigger drop_entries_claim (VXDSO without room).
    const n = await tx.$executeRaw`
      UPDATE drop_entries SET status = 'CHECKED_OUT', checkout_id = ${checkoutId}::uuid, claimed_units = ${quantity}
      WHERE id = ${entryId}::uuid AND status = 'ADMITTED' AND turn_ends_at > ${now}`;
    return n === 1;
  }

  /**
   * The units of this drop ordered under this identity, this checkout's included: those of the
   * checkout of its one entry (unique per drop and identity hash, one index read) that is not
   * cancelled; the identity's row is locked by the checkout.
   */
  async identityUnits(tx: SqlTx, dropId: string, variantId: string, identityHash: string): Promise<number> {
    const rows = await tx.$queryRaw<{ mine: number }[]>`
      SELECT COALESCE(sum(l.quantity), 0)::int AS mine
      FROM drop_entries e JOIN orders o ON o.checkout_id = e.checkout_id JOIN order_lines l ON l.order_id = o.id AND l.variant_id = ${variantId}::uuid
      WHERE e.drop_id = ${dropId}::uuid AND e.identity_hash = ${identityHash} AND o.status <> 'CANCELLED'`;
    return rows[0]!.mine;
  }

  // ---- allocation (the worker)

  async dueDrops(now: Date): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM drops WHERE status IN ('SCHEDULED', 'REGISTRATION', 'ALLOCATING') AND starts_at <= ${now} ORDER BY starts_at LIMIT 100`;
    return rows.map((r) => r.id);
  }

  async lockDrop(tx: Tx, id: string): Promise<(DropRecord & { storedSeed: string | null }) | null> {
    const rows = await tx.$queryRawUnsafe<(DropRecord & { storedSeed: string | null })[]>(
      `SELECT ${DROP_COLUMNS}, d.seed AS "storedSeed" FROM drops d JOIN ${CatalogReadPort.variants.text} v ON v.id = d.variant_id WHERE d.id = $1::uuid FOR UPDATE OF d`,
      id,
    );
    return rows[0] ?? null;
  }

  async setStatus(tx: SqlTx, id: string, status: DropStatus, now: Date): Promise<void> {
    await tx.$executeRaw`UPDATE drops SET status = ${status}, updated_at = ${now}, ended_at = CASE WHEN ${status} IN ('ENDED', 'CANCELLED') THEN ${now} ELSE ended_at END WHERE id = ${id}::uuid`;
  }

  async waitingUnplaced(tx: SqlTx, dropId: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM drop_entries WHERE drop_id = ${dropId}::uuid AND status = 'WAITING' AND position IS NULL ORDER BY id`;
    return rows.map((r) => r.id);
  }

  /** Gives places 1..n in the given order and moves the drop's next place after them. */
  async place(tx: SqlTx, dropId: string, orderedIds: readonly string[], now: Date, kind: 'shuffle' | 'draw', seedRevealed: boolean): Promise<void> {
    if (orderedIds.length) {
      await tx.$executeRaw`
        UPDATE drop_entries e SET position = x.pos, drawn = ${kind === 'draw'}
        FROM unnest(${[...orderedIds]}::uuid[]) WITH ORDINALITY AS x(id, pos) WHERE e.id = x.id`;
    }
    if (kind === 'shuffle') await tx.$executeRaw`UPDATE drops SET shuffled_at = ${now}, next_position = ${orderedIds.length} WHERE id = ${dropId}::uuid`;
    else await tx.$executeRaw`UPDATE drops SET drawn_at = ${seedRevealed ? now : null}, next_position = ${orderedIds.length} WHERE id = ${dropId}::uuid`;
  }

  /** Checked-out entries and what became of their checkout: its drop line's orders' statuses. */
  async checkedOut(tx: SqlTx, dropId: string): Promise<{ id: string; userId: string; checkoutId: string; turnEndsAt: Date; statuses: string[] }[]> {
    return tx.$queryRaw`
      SELECT e.id::text, e.user_id::text AS "userId", e.checkout_id::text AS "checkoutId", e.turn_ends_at AS "turnEndsAt",
             COALESCE(array_agg(o.status::text) FILTER (WHERE o.id IS NOT NULL), '{}') AS statuses
      FROM drop_entries e LEFT JOIN orders o ON o.checkout_id = e.checkout_id
      WHERE e.drop_id = ${dropId}::uuid AND e.status = 'CHECKED_OUT' GROUP BY e.id`;
  }

  /**
   * Ends checked-out turns whose checkout lapsed (EXPIRED) or was withdrawn (ADMITTED again):
   * their units go back to the edition, once (the entry's status changes in the same statement).
   */
  async releaseClaims(tx: SqlTx, ids: readonly string[], to: 'EXPIRED' | 'ADMITTED'): Promise<void> {
    if (!ids.length) return;
    await tx.$executeRaw`
      WITH old AS (SELECT id, drop_id, claimed_units FROM drop_entries WHERE id = ANY(${[...ids]}::uuid[]) AND status = 'CHECKED_OUT' FOR UPDATE),
      upd AS (
        UPDATE drop_entries d SET status = ${to}, claimed_units = 0, checkout_id = CASE WHEN ${to} = 'ADMITTED' THEN NULL ELSE d.checkout_id END
        FROM old WHERE d.id = old.id RETURNING old.drop_id, old.claimed_units)
      UPDATE drops SET claimed_units = drops.claimed_units - s.q FROM (SELECT drop_id, sum(claimed_units)::int AS q FROM upd GROUP BY drop_id) s WHERE drops.id = s.drop_id`;
  }

  async setEntryStatus(tx: SqlTx, ids: readonly string[], from: EntryStatus, to: EntryStatus): Promise<number> {
    if (!ids.length) return 0;
    return tx.$executeRaw`UPDATE drop_entries SET status = ${to} WHERE id = ANY(${[...ids]}::uuid[]) AND status = ${from}`;
  }

  async expireTurns(tx: SqlTx, dropId: string, now: Date): Promise<{ id: string; userId: string }[]> {
    return tx.$queryRaw`
      UPDATE drop_entries SET status = 'EXPIRED' WHERE drop_id = ${dropId}::uuid AND status = 'ADMITTED' AND turn_ends_at <= ${now}
      RETURNING id::text, user_id::text AS "userId"`;
  }

  async counts(tx: SqlTx, dropId: string, variantId: string): Promise<{ claimed: number; paid: number; openTurns: number; waiting: number; pendingCheckouts: number }> {
    const rows = await tx.$queryRaw<{ claimed: number; paid: number; openTurns: number; waiting: number; pendingCheckouts: number }[]>`
      SELECT
        (SELECT COALESCE(sum(l.quantity), 0)::int FROM drop_entries e JOIN orders o ON o.checkout_id = e.checkout_id JOIN order_lines l ON l.order_id = o.id AND l.variant_id = ${variantId}::uuid
           WHERE e.drop_id = ${dropId}::uuid AND o.status <> 'CANCELLED') AS claimed,
        (SELECT COALESCE(sum(l.quantity), 0)::int FROM drop_entries e JOIN orders o ON o.checkout_id = e.checkout_id JOIN order_lines l ON l.order_id = o.id AND l.variant_id = ${variantId}::uuid
           WHERE e.drop_id = ${dropId}::uuid AND o.status NOT IN ('CANCELLED', 'PENDING_PAYMENT')) AS paid,
        (SELECT count(*)::int FROM drop_entries WHERE drop_id = ${dropId}::uuid AND status = 'ADMITTED') AS "openTurns",
        (SELECT count(*)::int FROM drop_entries WHERE drop_id = ${dropId}::uuid AND status = 'WAITING') AS waiting,
        (SELECT count(*)::int FROM drop_entries WHERE drop_id = ${dropId}::uuid AND status = 'CHECKED_OUT') AS "pendingCheckouts"`;
    return rows[0]!;
  }

  async admitNext(tx: SqlTx, dropId: string, n: number, now: Date, turnEndsAt: Date): Promise<{ id: string; userId: string }[]> {
    if (n <= 0) return [];
    return tx.$queryRaw`
      UPDATE drop_entries SET status = 'ADMITTED', admitted_at = ${now}, turn_ends_at = ${turnEndsAt}
      WHERE id IN (SELECT id FROM drop_entries WHERE drop_id = ${dropId}::uuid AND status = 'WAITING' AND position IS NOT NULL ORDER BY position LIMIT ${n})
      RETURNING id::text, user_id::text AS "userId"`;
  }

  async closeWaiting(tx: SqlTx, dropId: string): Promise<{ id: string; userId: string }[]> {
    return tx.$queryRaw`
      UPDATE drop_entries SET status = 'NOT_SELECTED', turn_ends_at = NULL WHERE drop_id = ${dropId}::uuid AND status IN ('WAITING', 'ADMITTED') RETURNING id::text, user_id::text AS "userId"`;
  }

  /** Checkouts of entries whose turn is over but whose orders still wait for payment. */
  async overdueCheckouts(now: Date): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ checkoutId: string }[]>`
      SELECT DISTINCT e.checkout_id::text AS "checkoutId" FROM drop_entries e JOIN orders o ON o.checkout_id = e.checkout_id
      WHERE e.status = 'CHECKED_OUT' AND e.turn_ends_at <= ${now} AND o.status = 'PENDING_PAYMENT' LIMIT 200`;
    return rows.map((r) => r.checkoutId);
  }

  // ---- notices

  /** One notice to each user, as its code and parameters (drop-notice-texts writes it in the reader's language). */
  async notify(tx: SqlTx, users: readonly string[], n: { kind: DropNoticeKind; params?: Record<string, unknown>; dropId?: string | null; variantId?: string | null; orderId?: string | null }): Promise<void> {
    if (!users.length) return;
    await tx.$executeRaw`
      INSERT INTO shopper_notices (user_id, order_id, drop_id, variant_id, kind, message, params)
      SELECT u, ${n.orderId ?? null}::uuid, ${n.dropId ?? null}::uuid, ${n.variantId ?? null}::uuid, ${n.kind}, '', ${JSON.stringify(n.params ?? {})}::jsonb FROM unnest(${[...users]}::uuid[]) AS u`;
  }

  async subscribe(userId: string, kind: string, targetId: string): Promise<{ id: string; createdAt: Date; notifiedAt: Date | null }> {
    const rows = await this.prisma.$queryRaw<{ id: string; createdAt: Date; notifiedAt: Date | null }[]>`
      INSERT INTO notice_subscriptions (id, user_id, kind, target_id) VALUES (gen_random_uuid(), ${userId}::uuid, ${kind}, ${targetId}::uuid)
      ON CONFLICT (user_id, kind, target_id) DO UPDATE SET notified_at = NULL
      RETURNING id::text, created_at AS "createdAt", notified_at AS "notifiedAt"`;
    return rows[0]!;
  }

  async variantExists(variantId: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ ok: boolean }[]>`
      SELECT true AS ok FROM ${CatalogReadPort.variants} v JOIN ${CatalogReadPort.products} p ON p.id = v.product_id WHERE v.id = ${variantId}::uuid AND p.status = 'PUBLISHED'`;
    return rows.length > 0;
  }

  /** Claims the drop's "opens" subscriptions (once each) and answers their shoppers. */
  async takeDropSubscribers(tx: SqlTx, dropId: string, now: Date): Promise<string[]> {
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE notice_subscriptions SET notified_at = ${now} WHERE kind = 'DROP_OPENS' AND target_id = ${dropId}::uuid AND notified_at IS NULL RETURNING user_id::text AS "userId"`;
    return rows.map((r) => r.userId);
  }

  /** Everyone who asked to be told when the drop opens, told already or not (a cancelled drop tells them all); none is told of its opening after. */
  async takeAllDropFollowers(tx: SqlTx, dropId: string, now: Date): Promise<string[]> {
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE notice_subscriptions SET notified_at = COALESCE(notified_at, ${now}) WHERE kind = 'DROP_OPENS' AND target_id = ${dropId}::uuid RETURNING user_id::text AS "userId"`;
    return rows.map((r) => r.userId);
  }

  /** Claims the back-in-stock subscriptions of variants that have units for sale again. */
  async takeRestocked(tx: SqlTx, now: Date): Promise<{ userId: string; variantId: string }[]> {
    return tx.$queryRaw`
      UPDATE notice_subscriptions s SET notified_at = ${now}
      WHERE s.kind = 'BACK_IN_STOCK' AND s.notified_at IS NULL
        AND EXISTS (SELECT 1 FROM ${InventoryReadPort.levels} l WHERE l.variant_id = s.target_id AND l.on_hand - l.reserved > 0)
        AND NOT EXISTS (SELECT 1 FROM drops d WHERE d.variant_id = s.target_id AND d.status NOT IN ('ENDED', 'CANCELLED'))
      RETURNING s.user_id::text AS "userId", s.target_id::text AS "variantId"`;
  }
}
