import { Injectable } from '@nestjs/common';
import { CatalogReadPort } from '@vitrine/catalog';
import DataLoader from 'dataloader';
import { Prisma, PrismaService, isUniqueViolation, type StockLocationKind, type StockMovementKind, type StockReservationStatus, type SqlTx, type Tx } from '@vitrine/shared/data-access';
import { ConflictError, isUuid } from '@vitrine/shared/kernel';
import type { LocationStock } from '../domain/fulfilment-plan';
import { outOfStock, type Shortage } from '../domain/inventory-error';

export interface StockLocationRecord {
  id: string;
  /** The owner: a museum, or a brand partner fulfilling its co-branded products (exactly one is set). */
  museumId: string | null;
  brandId: string | null;
  code: string;
  name: string;
  kind: StockLocationKind;
  priority: number;
  createdAt: Date;
}

export interface StockLevelRecord {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  updatedAt: Date;
}

export interface ReservationRow {
  ownerId: string;
  variantId: string;
  locationId: string;
  quantity: number;
}

export interface MovementRow {
  variantId: string;
  locationId: string;
  kind: StockMovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  note?: string | null;
}

export interface VariantLabel {
  variantId: string;
  sku: string;
  productId: string;
  nameFr: string;
  nameEn: string;
  nameZh: string;
}

export interface MovementRecord {
  id: bigint;
  variantId: string;
  locationId: string;
  kind: StockMovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  note: string | null;
  createdAt: Date;
}

export type LowStockRecord = StockLevelRecord & Omit<VariantLabel, 'variantId'> & { locationCode: string; museumId: string };

const locationSelect = { id: true, museumId: true, brandId: true, code: true, name: true, kind: true, priority: true, createdAt: true } as const;
const levelSelect = { variantId: true, locationId: true, onHand: true, reserved: true, updatedAt: true } as const;

const reservationJson = (r: ReservationRow & { expiresAt: Date | null }) => ({
  owner_id: r.ownerId,
  variant_id: r.variantId,
  location_id: r.locationId,
  quantity: r.quantity,
  expires_at: r.expiresAt,
});
const movementJson = (r: MovementRow) => ({
  variant_id: r.variantId,
  location_id: r.locationId,
  kind: r.kind,
  on_hand_delta: r.onHandDelta,
  reserved_delta: r.reservedDelta,
  reference: r.reference,
  note: r.note ?? null,
});

/** How long a variant read at zero available is answered sold out without a statement. */
export const SOLD_OUT_MARK_MS = 1_000;

/** One location's level of one variant (StockRepository.heldAnywhere): the location's owner is a museum or a brand partner. */
export interface VariantLocationRow {
  locationId: string;
  museumId: string | null;
  brandId: string | null;
  kind: StockLocationKind;
  priority: number;
  available: number;
}

/** SQLSTATE of a claim refused by stock_claims_apply (migration stock_claims_at_commit). */
const CLAIM_SHORT = 'VXOOS';
interface DriverCause {
  code?: string;
  originalCode?: string;
  detail?: string;
}

/**
 * What a claim refused for want of stock (the JSON DETAIL of stock_claims_apply), or null when
 * the error is anything else. Prisma hands a COMMIT's driver error over as its `cause`, a
 * statement's as `meta.driverAdapterError.cause`.
 */
export function claimShortages(error: unknown): Shortage[] | null {
  const e = error as { cause?: DriverCause; meta?: { driverAdapterError?: { cause?: DriverCause } } } | null;
  const cause = e?.cause ?? e?.meta?.driverAdapterError?.cause;
  if (!cause || (cause.originalCode ?? cause.code) !== CLAIM_SHORT) return null;
  try {
    const rows = JSON.parse(cause.detail ?? '[]') as Shortage[];
    return rows.map((r) => ({ variantId: r.variantId, requested: r.requested, available: r.available, lines: r.lines }));
  } catch {
    return [];
  }
}

/**
 * One claim's three writes (StockRepository.claim): the reservations, their RESERVE rows in the
 * ledger, and the claims in the order given (the locking order), each an INSERT of its own.
 * `when`: a condition of the enclosing statement for writing at all (none: always).
 */
function claimWrites(
  batchId: string,
  reservations: readonly (ReservationRow & { expiresAt: Date | null })[],
  movements: readonly MovementRow[],
  claims: readonly { variantId: string; locationId: string; quantity: number; refs: readonly string[] }[],
  when?: Prisma.Sql,
): [Prisma.Sql, Prisma.Sql, Prisma.Sql] {
  const only = when ? Prisma.sql` WHERE ${when}` : Prisma.empty;
  return [
    Prisma.sql`INSERT INTO stock_reservations (id, owner_id, variant_id, location_id, quantity, expires_at)
        SELECT gen_random_uuid(), r.owner_id, r.variant_id, r.location_id, r.quantity, r.expires_at
        FROM json_populate_recordset(NULL::stock_reservations, ${JSON.stringify(reservations.map(reservationJson))}::json) r${only}
        RETURNING 1`,
    Prisma.sql`INSERT INTO stock_movements (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference, note)
        SELECT r.variant_id, r.location_id, r.kind, r.on_hand_delta, r.reserved_delta, r.reference, r.note
        FROM json_populate_recordset(NULL::stock_movements, ${JSON.stringify(movements.map(movementJson))}::json) r${only}
        RETURNING 1`,
    Prisma.sql`INSERT INTO stock_claims (batch_id, variant_id, location_id, quantity, refs)
      SELECT ${batchId}::uuid, c.variant_id, c.location_id, c.quantity, c.refs
      FROM json_populate_recordset(NULL::stock_claims, ${JSON.stringify(
        claims.map((c) => ({ variant_id: c.variantId, location_id: c.locationId, quantity: c.quantity, refs: c.refs })),
      )}::json) WITH ORDINALITY AS c${only}
      ORDER BY c.ordinality`,
  ];
}

/** Data access for stock. Every write takes the caller's transaction; no rules live here. */
@Injectable()
export class StockRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A transaction whose commit a stock claim refused answers OUT_OF_STOCK. */
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.prisma.$transaction(fn, { maxWait: 10_000, timeout: 15_000 });
    } catch (error) {
      const shortages = claimShortages(error);
      throw shortages ? outOfStock(shortages) : error;
    }
  }

  /** Every location of these museums with the available units of these variants (one query, on every checkout: PrismaService.sql). */
  async availability(museumIds: readonly string[], variantIds: readonly string[]): Promise<(LocationStock & { museumId: string })[]> {
    if (!museumIds.length) return [];
    const rows = await this.prisma.sql.$queryRaw<{ id: string; museum_id: string; kind: StockLocationKind; priority: number; variant_id: string | null; available: number | null }[]>`
      SELECT l.id, l.museum_id, l.kind, l.priority, s.variant_id, s.on_hand - s.reserved AS available
      FROM stock_locations l
      LEFT JOIN stock_levels s ON s.location_id = l.id AND s.variant_id = ANY(${[...variantIds]}::uuid[])
      WHERE l.museum_id = ANY(${[...museumIds]}::uuid[])`;
    const byLocation = new Map<string, LocationStock & { museumId: string; available: Map<string, number> }>();
    for (const r of rows) {
      let loc = byLocation.get(r.id);
      if (!loc) {
        loc = { locationId: r.id, museumId: r.museum_id, kind: r.kind, priority: r.priority, available: new Map() };
        byLocation.set(r.id, loc);
      }
      if (r.variant_id) loc.available.set(r.variant_id, Number(r.available));
    }
    return [...byLocation.values()];
  }

  /**
   * Every checkout attempt asks this first, and a drop's sold-out answers are decided here:
   * requests asking at the same moment share one statement (batched per tick, never cached).
   */
  private readonly available = new DataLoader<string, number>(
    async (variantIds) => {
      const rows = await this.prisma.sql.$queryRaw<{ variant_id: string; available: bigint }[]>(Prisma.sql`
        SELECT variant_id, SUM(on_hand - reserved)::bigint AS available FROM stock_levels
        WHERE variant_id = ANY(${[...variantIds]}::uuid[]) GROUP BY variant_id`);
      const byId = new Map(rows.map((r) => [r.variant_id, Number(r.available)]));
      return variantIds.map((id) => byId.get(id) ?? 0);
    },
    { cache: false, maxBatchSize: 500 },
  );

  /**
   * Variants this process last read at zero available, and until when (ms) that answer stands
   * without asking again: a drop's late comers cost no statement. A unit given back (a release, a
   * new on-hand count) clears the mark in the process that writes it; elsewhere (another API
   * process, the worker's expiry or warehouse sync) it lapses within SOLD_OUT_MARK_MS. A stale
   * mark can only refuse (OUT_OF_STOCK, retryable), never sell: the reservation stays the referee.
   */
  private readonly soldOutUntil = new Map<string, number>();

  /** Available units per variant over every location (one query, shared with concurrent callers). */
  async availableAnywhere(variantIds: readonly string[]): Promise<Map<string, number>> {
    const ids = [...new Set(variantIds)].filter(isUuid);
    const now = Date.now();
    const counts = await Promise.all(ids.map((id) => ((this.soldOutUntil.get(id) ?? 0) > now ? 0 : this.available.load(id))));
    const until = Date.now() + SOLD_OUT_MARK_MS;
    if (this.soldOutUntil.size > 10_000) this.soldOutUntil.clear();
    ids.forEach((id, i) => {
      if (counts[i]! > 0) this.soldOutUntil.delete(id);
      else if ((this.soldOutUntil.get(id) ?? 0) <= now) this.soldOutUntil.set(id, until);
    });
    return new Map(ids.map((id, i) => [id, counts[i]!]));
  }

  /** Per variant, every location holding a level of it (museum's or brand's) with its available units; batched per tick like `available`. */
  private readonly held = new DataLoader<string, VariantLocationRow[]>(
    async (variantIds) => {
      const rows = await this.prisma.sql.$queryRaw<(VariantLocationRow & { variant_id: string })[]>(Prisma.sql`
        SELECT s.variant_id, l.id AS "locationId", l.museum_id AS "museumId", l.brand_id AS "brandId", l.kind, l.priority, s.on_hand - s.reserved AS available
        FROM stock_levels s JOIN stock_locations l ON l.id = s.location_id
        WHERE s.variant_id = ANY(${[...variantIds]}::uuid[])`);
      const byId = new Map<string, VariantLocationRow[]>();
      for (const r of rows) {
        const list = byId.get(r.variant_id) ?? [];
        list.push({ locationId: r.locationId, museumId: r.museumId, brandId: r.brandId, kind: r.kind, priority: r.priority, available: Number(r.available) });
        byId.set(r.variant_id, list);
      }
      return variantIds.map((id) => byId.get(id) ?? []);
    },
    { cache: false, maxBatchSize: 500 },
  );

  /**
   * The stock of these variants wherever it is held, per variant (one statement, shared with
   * concurrent callers): what `availableAnywhere` adds up and `availability` /
   * `brandAvailability` group per seller, read once for a checkout. A variant this process
   * marked sold out (SOLD_OUT_MARK_MS) is answered with no location and no statement.
   */
  async heldAnywhere(variantIds: readonly string[]): Promise<Map<string, VariantLocationRow[]>> {
    const ids = [...new Set(variantIds)].filter(isUuid);
    const now = Date.now();
    const lists = await Promise.all(ids.map((id) => ((this.soldOutUntil.get(id) ?? 0) > now ? [] : this.held.load(id))));
    return this.markedHeld(ids, lists, now);
  }

  /**
   * heldAnywhere read inside another context's statement (placeOrder's cart read): `sql(ids)` is a
   * scalar subquery over `ids` (an expression of type uuid[]) answering the same rows as one JSON
   * array, and `read(variantIds, value)` answers from it what heldAnywhere would for those ids,
   * sold-out marks included (a marked variant is answered with no location, whatever was read;
   * what was read marks and clears as heldAnywhere's own statement does).
   */
  heldAnywhereRider(): { sql: (ids: Prisma.Sql) => Prisma.Sql; read: (variantIds: readonly string[], value: unknown) => Map<string, VariantLocationRow[]> } {
    return {
      sql: (ids) => Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('v', s.variant_id, 'l', l.id, 'm', l.museum_id, 'b', l.brand_id, 'k', l.kind, 'p', l.priority, 'a', s.on_hand - s.reserved)), '[]')
        FROM stock_levels s JOIN stock_locations l ON l.id = s.location_id
        WHERE s.variant_id = ANY(${ids}))`,
      read: (variantIds, value) => {
        const ids = [...new Set(variantIds)].filter(isUuid);
        const now = Date.now();
        const rows = (typeof value === 'string' ? JSON.parse(value) : value) as { v: string; l: string; m: string | null; b: string | null; k: StockLocationKind; p: number; a: number }[] | null;
        const byId = new Map<string, VariantLocationRow[]>();
        for (const r of rows ?? []) {
          const list = byId.get(r.v) ?? [];
          list.push({ locationId: r.l, museumId: r.m, brandId: r.b, kind: r.k, priority: r.p, available: Number(r.a) });
          byId.set(r.v, list);
        }
        return this.markedHeld(ids, ids.map((id) => ((this.soldOutUntil.get(id) ?? 0) > now ? [] : (byId.get(id) ?? []))), now);
      },
    };
  }

  /** heldAnywhere's answer from each id's rows (none for an id marked sold out), marking those read at zero and clearing the rest. */
  private markedHeld(ids: readonly string[], lists: readonly VariantLocationRow[][], now: number): Map<string, VariantLocationRow[]> {
    const until = Date.now() + SOLD_OUT_MARK_MS;
    if (this.soldOutUntil.size > 10_000) this.soldOutUntil.clear();
    ids.forEach((id, i) => {
      const total = lists[i]!.reduce((a, r) => a + r.available, 0);
      if (total > 0) this.soldOutUntil.delete(id);
      else if ((this.soldOutUntil.get(id) ?? 0) <= now) this.soldOutUntil.set(id, until);
    });
    return new Map(ids.map((id, i) => [id, lists[i]!]));
  }

  /**
   * One reserve call in one statement: its reservations, their RESERVE rows in the ledger, and
   * one claim per level in the order given (the locking order). The trigger stock_claims_apply
   * moves the levels when the transaction commits (`atCommit`: no stock row is locked before
   * COMMIT), or at the end of this statement, answering OUT_OF_STOCK then.
   */
  async claim(
    tx: SqlTx,
    batch: { batchId: string; atCommit: boolean },
    reservations: readonly (ReservationRow & { expiresAt: Date | null })[],
    movements: readonly MovementRow[],
    claims: readonly { variantId: string; locationId: string; quantity: number; refs: readonly string[] }[],
  ): Promise<void> {
    if (!claims.length) return;
    // The trigger is deferred by default; a transaction that asked for it at once keeps it so.
    if (!batch.atCommit) await tx.$executeRaw`SET CONSTRAINTS stock_claims_apply IMMEDIATE`;
    const [r, m, c] = claimWrites(batch.batchId, reservations, movements, claims);
    const written = tx.$executeRaw`WITH r AS (${r}), m AS (${m}) ${c}`;
    try {
      await written;
    } catch (error) {
      const shortages = claimShortages(error);
      throw shortages ? outOfStock(shortages) : error;
    }
  }

  /**
   * claim with `atCommit`, written by another context's statement (placeOrder's orders insert, one
   * round trip less): three data-modifying CTEs, named stock_reserved, stock_moved and
   * stock_claimed, for the caller's WITH list, each writing only when `when` (a condition of the
   * caller's statement) holds. The levels move when the transaction commits (trigger
   * stock_claims_apply), as with claim's `atCommit`: the caller maps a refused COMMIT with
   * outOfStockAtCommit.
   */
  claimSql(
    batchId: string,
    reservations: readonly (ReservationRow & { expiresAt: Date | null })[],
    movements: readonly MovementRow[],
    claims: readonly { variantId: string; locationId: string; quantity: number; refs: readonly string[] }[],
    when: Prisma.Sql,
  ): Prisma.Sql | null {
    if (!claims.length) return null;
    const [r, m, c] = claimWrites(batchId, reservations, movements, claims, when);
    return Prisma.sql`stock_reserved AS (${r}), stock_moved AS (${m}), stock_claimed AS (${c} RETURNING 1)`;
  }

  async unreserve(tx: SqlTx, locationId: string, variantId: string, quantity: number): Promise<void> {
    this.soldOutUntil.delete(variantId);
    await tx.$executeRaw`
      UPDATE stock_levels SET reserved = reserved - ${quantity}, updated_at = now()
      WHERE variant_id = ${variantId}::uuid AND location_id = ${locationId}::uuid`;
  }

  /** Reserved units leave the warehouse: on hand and reserved both go down by `quantity`. */
  async shipReserved(tx: SqlTx, locationId: string, variantId: string, quantity: number): Promise<void> {
    await tx.$executeRaw`
      UPDATE stock_levels SET on_hand = on_hand - ${quantity}, reserved = reserved - ${quantity}, updated_at = now()
      WHERE variant_id = ${variantId}::uuid AND location_id = ${locationId}::uuid`;
  }

  async insertReservations(tx: SqlTx, rows: readonly (ReservationRow & { expiresAt: Date | null })[]): Promise<void> {
    if (!rows.length) return;
    await tx.$executeRaw`
      INSERT INTO stock_reservations (id, owner_id, variant_id, location_id, quantity, expires_at)
      SELECT gen_random_uuid(), r.owner_id, r.variant_id, r.location_id, r.quantity, r.expires_at
      FROM json_populate_recordset(NULL::stock_reservations, ${JSON.stringify(rows.map(reservationJson))}::json) r`;
  }

  /**
   * Moves an owner's reservations from one status to another and returns what moved. The
   * row locks make a concurrent second call see the new status and move nothing.
   */
  async moveReservations(tx: SqlTx, ownerIds: readonly string[], from: readonly StockReservationStatus[], to: StockReservationStatus): Promise<ReservationRow[]> {
    if (!ownerIds.length) return [];
    return tx.$queryRaw<ReservationRow[]>`
      UPDATE stock_reservations
      SET status = ${to}::"StockReservationStatus", updated_at = now(), expires_at = NULL
      WHERE owner_id = ANY(${[...ownerIds]}::uuid[]) AND status::text = ANY(${[...from]}::text[])
      RETURNING owner_id AS "ownerId", variant_id AS "variantId", location_id AS "locationId", quantity`;
  }

  async countReservations(tx: SqlTx, ownerIds: readonly string[], status: StockReservationStatus): Promise<number> {
    if (!ownerIds.length) return 0;
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM stock_reservations
      WHERE owner_id = ANY(${[...ownerIds]}::uuid[]) AND status = ${status}::"StockReservationStatus"`;
    return row?.n ?? 0;
  }

  async insertMovements(tx: SqlTx, rows: readonly MovementRow[]): Promise<void> {
    if (!rows.length) return;
    await tx.$executeRaw`
      INSERT INTO stock_movements (variant_id, location_id, kind, on_hand_delta, reserved_delta, reference, note)
      SELECT r.variant_id, r.location_id, r.kind, r.on_hand_delta, r.reserved_delta, r.reference, r.note
      FROM json_populate_recordset(NULL::stock_movements, ${JSON.stringify(rows.map(movementJson))}::json) r`;
  }

  /** Sets on hand, creating the level if needed; returns the level before and after (row locked). */
  async setOnHand(tx: Tx, locationId: string, variantId: string, onHand: (current: StockLevelRecord) => number): Promise<{ before: StockLevelRecord; after: StockLevelRecord }> {
    this.soldOutUntil.delete(variantId);
    await tx.$executeRaw`
      INSERT INTO stock_levels (variant_id, location_id) VALUES (${variantId}::uuid, ${locationId}::uuid)
      ON CONFLICT (variant_id, location_id) DO NOTHING`;
    const [before] = await tx.$queryRaw<StockLevelRecord[]>`
      SELECT variant_id AS "variantId", location_id AS "locationId", on_hand AS "onHand", reserved, updated_at AS "updatedAt"
      FROM stock_levels WHERE variant_id = ${variantId}::uuid AND location_id = ${locationId}::uuid FOR UPDATE`;
    const after = await tx.stockLevel.update({
      where: { variantId_locationId: { variantId, locationId } },
      data: { onHand: onHand(before), updatedAt: new Date() },
      select: levelSelect,
    });
    return { before, after };
  }

  async createLocation(data: { museumId: string; code: string; name: string; kind: StockLocationKind; priority: number }): Promise<StockLocationRecord> {
    try {
      return await this.prisma.stockLocation.create({ data, select: locationSelect });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('This museum already has a location with this code', { field: 'input.code' });
      throw e;
    }
  }

  findLocation(id: string): Promise<StockLocationRecord | null> {
    return this.prisma.stockLocation.findUnique({ where: { id }, select: locationSelect });
  }

  locationsOf(museumIds: readonly string[]): Promise<StockLocationRecord[]> {
    return this.prisma.stockLocation.findMany({ where: { museumId: { in: [...museumIds] } }, orderBy: [{ priority: 'asc' }, { id: 'asc' }], select: locationSelect });
  }

  async levelsAt(locationId: string, take: number, afterVariantId?: string): Promise<{ rows: StockLevelRecord[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.prisma.stockLevel.findMany({
        where: { locationId, ...(afterVariantId ? { variantId: { gt: afterVariantId } } : {}) },
        orderBy: { variantId: 'asc' },
        take: take + 1,
        select: levelSelect,
      }),
      this.prisma.stockLevel.count({ where: { locationId } }),
    ]);
    return { rows, total };
  }

  /** The museum whose product this variant is (the catalogue's table, read only here), or null. */
  async variantMuseum(variantId: string): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ museum_id: string }[]>`
      SELECT p.museum_id FROM ${CatalogReadPort.variants} v JOIN ${CatalogReadPort.products} p ON p.id = v.product_id WHERE v.id = ${variantId}::uuid`;
    return rows[0]?.museum_id ?? null;
  }

  /**
   * Read model for the console: each variant's SKU and product name, read from the
   * catalogue's tables (as the warehouse sync does) in one query for a page of levels.
   */
  async variantLabels(variantIds: readonly string[]): Promise<VariantLabel[]> {
    if (!variantIds.length) return [];
    return this.prisma.$queryRaw<VariantLabel[]>`
      SELECT v.id AS "variantId", v.sku, p.id AS "productId", p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh"
      FROM ${CatalogReadPort.variants} v JOIN ${CatalogReadPort.products} p ON p.id = v.product_id
      WHERE v.id = ANY(${[...variantIds]}::uuid[])`;
  }

  /** One variant's ledger at one location, newest first (index variant, location, id). */
  async movements(variantId: string, locationId: string, take: number, beforeId: bigint | null): Promise<{ rows: MovementRecord[]; total: number }> {
    const where = { variantId, locationId };
    const [rows, total] = await Promise.all([
      this.prisma.stockMovement.findMany({
        where: { ...where, ...(beforeId !== null ? { id: { lt: beforeId } } : {}) },
        orderBy: { id: 'desc' },
        take: take + 1,
        select: { id: true, variantId: true, locationId: true, kind: true, onHandDelta: true, reservedDelta: true, reference: true, note: true, createdAt: true },
      }),
      this.prisma.stockMovement.count({ where }),
    ]);
    return { rows, total };
  }

  /**
   * Levels whose available units are below a threshold, lowest first (museums' locations only:
   * a brand partner's own stock is not a museum's), with SKU, product
   * name and location code, and how many there are (one aggregate query each).
   */
  async lowStock(museumIds: readonly string[] | 'ALL', threshold: number, take: number): Promise<{ rows: LowStockRecord[]; total: number }> {
    const all = museumIds === 'ALL';
    const ids = all ? [] : [...museumIds];
    const [rows, counted] = await Promise.all([
      this.prisma.$queryRaw<LowStockRecord[]>`
        SELECT s.variant_id AS "variantId", s.location_id AS "locationId", s.on_hand AS "onHand", s.reserved, s.updated_at AS "updatedAt",
               l.code AS "locationCode", l.museum_id AS "museumId", v.sku, p.id AS "productId", p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh"
        FROM stock_levels s
        JOIN stock_locations l ON l.id = s.location_id
        JOIN ${CatalogReadPort.variants} v ON v.id = s.variant_id
        JOIN ${CatalogReadPort.products} p ON p.id = v.product_id
        WHERE l.museum_id IS NOT NULL AND (${all} OR l.museum_id = ANY(${ids}::uuid[])) AND s.on_hand - s.reserved < ${threshold}
        ORDER BY s.on_hand - s.reserved, v.sku, l.code
        LIMIT ${take}`,
      this.prisma.$queryRaw<{ total: bigint }[]>`
        SELECT count(*)::bigint AS total FROM stock_levels s JOIN stock_locations l ON l.id = s.location_id
        WHERE l.museum_id IS NOT NULL AND (${all} OR l.museum_id = ANY(${ids}::uuid[])) AND s.on_hand - s.reserved < ${threshold}`,
    ]);
    return { rows, total: Number(counted[0]?.total ?? 0) };
  }

  levelsOf(variantIds: readonly string[]): Promise<StockLevelRecord[]> {
    return this.prisma.stockLevel.findMany({ where: { variantId: { in: [...variantIds] } }, select: levelSelect });
  }
}
