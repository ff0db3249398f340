import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma, SqlTx, StockReservationStatus } from '@vitrine/shared/data-access';
import { aggregateDemand, planFulfilment, planShipments, type DemandLine, type FulfilmentPlan, type LocationStock, type ShipmentPlan } from '../domain/fulfilment-plan';
import { outOfStock, type InventoryError, type Shortage } from '../domain/inventory-error';
import { BrandStockRepository } from '../infrastructure/brand-stock.repository';
import { StockRepository, claimShortages, type MovementRow, type ReservationRow, type VariantLocationRow } from '../infrastructure/stock.repository';

/** Stock of some variants wherever it is held (StockService.heldForCheckout). */
export type HeldStock = ReadonlyMap<string, readonly VariantLocationRow[]>;

export interface ReserveCommand {
  /** Who holds the units: an order id. */
  ownerId: string;
  locationId: string;
  lines: readonly DemandLine[];
  /** When an unpaid hold lapses (null: until released). */
  expiresAt: Date | null;
}

/**
 * OUT_OF_STOCK naming every short line when `error` is a commit that a reservation's claim
 * refused (StockService.reserve with `atCommit`); null for any other error.
 */
export function outOfStockAtCommit(error: unknown): InventoryError | null {
  const shortages = claimShortages(error);
  return shortages ? outOfStock(shortages) : null;
}

/** The lines no location could serve with all its units together, from the stock of their variants wherever it is held. */
function shortOf(demand: ReturnType<typeof aggregateDemand>, held: HeldStock): { shortages: Shortage[]; held: HeldStock } {
  const total = (id: string) => (held.get(id) ?? []).reduce((a, r) => a + r.available, 0);
  const shortages = demand
    .filter((d) => total(d.variantId) < d.quantity)
    .map((d) => ({ variantId: d.variantId, requested: d.quantity, available: Math.max(0, total(d.variantId)), lines: d.refs }));
  return { shortages, held };
}

/** Sorted by (location, variant): the one order in which stock rows are ever locked. */
function byStockRow(a: { locationId: string; variantId: string }, b: { locationId: string; variantId: string }): number {
  return a.locationId === b.locationId ? (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0) : a.locationId < b.locationId ? -1 : 1;
}

/** What reserve writes for these commands: reservations and ledger rows per line, one claim per stock row in the one locking order. */
function claimRows(list: readonly ReserveCommand[]) {
  const rows = list.flatMap((cmd) => aggregateDemand(cmd.lines).map((d) => ({ cmd, d })));
  const perRow = new Map<string, { locationId: string; variantId: string; quantity: number; refs: string[] }>();
  for (const { cmd, d } of rows) {
    const key = `${cmd.locationId}:${d.variantId}`;
    const r = perRow.get(key);
    if (r) {
      r.quantity += d.quantity;
      r.refs.push(...d.refs);
    } else perRow.set(key, { locationId: cmd.locationId, variantId: d.variantId, quantity: d.quantity, refs: [...d.refs] });
  }
  return {
    reservations: rows.map(({ cmd, d }) => ({ ownerId: cmd.ownerId, variantId: d.variantId, locationId: cmd.locationId, quantity: d.quantity, expiresAt: cmd.expiresAt })),
    movements: rows.map(({ cmd, d }) => ({ variantId: d.variantId, locationId: cmd.locationId, kind: 'RESERVE' as const, onHandDelta: 0, reservedDelta: d.quantity, reference: cmd.ownerId })),
    claims: [...perRow.values()].sort(byStockRow),
  };
}

/** Reservations added up per stock row, in the one locking order. */
function perStockRow(rows: readonly ReservationRow[]): ReservationRow[] {
  const perRow = new Map<string, ReservationRow>();
  for (const r of rows) {
    const key = `${r.locationId}:${r.variantId}`;
    const row = perRow.get(key);
    if (row) row.quantity += r.quantity;
    else perRow.set(key, { ...r });
  }
  return [...perRow.values()].sort(byStockRow);
}

/**
 * Stock that is never oversold: the database decides each reservation with a conditional
 * update (`on_hand - reserved >= qty`), CHECK constraints forbid negative figures, rows are
 * locked in one fixed order, and every change writes the movement ledger in the same
 * transaction as the level.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly stock: StockRepository,
    private readonly brandStock: BrandStockRepository,
  ) {}

  /** Locations of each museum with the available units of these variants. */
  async availability(museumIds: readonly string[], variantIds: readonly string[]): Promise<Map<string, LocationStock[]>> {
    const rows = await this.stock.availability(museumIds, variantIds);
    const byMuseum = new Map<string, LocationStock[]>(museumIds.map((id) => [id, []]));
    for (const r of rows) byMuseum.get(r.museumId)?.push(r);
    return byMuseum;
  }

  /** Locations of each brand partner (its own stock for co-branded products) with the available units of these variants. */
  async brandAvailability(brandIds: readonly string[], variantIds: readonly string[]): Promise<Map<string, LocationStock[]>> {
    const rows = await this.brandStock.availability(brandIds, variantIds);
    const byBrand = new Map<string, LocationStock[]>(brandIds.map((id) => [id, []]));
    for (const r of rows) byBrand.get(r.brandId)?.push(r);
    return byBrand;
  }

  /**
   * Lines that no location could serve even with all its units together: a sold-out answer
   * in one query, before anything else is read (a drop's late comers). Read only; reserve
   * stays the referee.
   */
  async soldOut(lines: readonly DemandLine[]): Promise<Shortage[]> {
    const demand = aggregateDemand(lines);
    const available = await this.stock.availableAnywhere(demand.map((d) => d.variantId));
    return demand
      .filter((d) => (available.get(d.variantId) ?? 0) < d.quantity)
      .map((d) => ({ variantId: d.variantId, requested: d.quantity, available: Math.max(0, available.get(d.variantId) ?? 0), lines: d.refs }));
  }

  /**
   * soldOut and the stock `availability` / `brandAvailability` read, for a checkout, in one
   * statement (shared with concurrent callers): the lines no location could serve, and the stock
   * of their variants wherever it is held, to group per seller with `heldBy`. Read only.
   */
  async heldForCheckout(lines: readonly DemandLine[]): Promise<{ shortages: Shortage[]; held: HeldStock }> {
    const demand = aggregateDemand(lines);
    return shortOf(demand, await this.stock.heldAnywhere(demand.map((d) => d.variantId)));
  }

  /**
   * heldForCheckout read inside another context's statement (placeOrder reads it with its cart, one
   * round trip for both): `sql(ids)` is a scalar subquery over `ids` (an expression of type uuid[]:
   * the caller's variant ids), and `read(lines, value)` answers from the value it read what
   * heldForCheckout(lines) would, this process's sold-out marks included. Read only, no lock, as
   * heldForCheckout: the reservation stays the referee.
   */
  heldForCheckoutRider(): { sql: (ids: Prisma.Sql) => Prisma.Sql; read: (lines: readonly DemandLine[], value: unknown) => { shortages: Shortage[]; held: HeldStock } } {
    const rider = this.stock.heldAnywhereRider();
    return {
      sql: rider.sql,
      read: (lines, value) => {
        const demand = aggregateDemand(lines);
        return shortOf(demand, rider.read(demand.map((d) => d.variantId), value));
      },
    };
  }

  /**
   * From `heldForCheckout`'s stock: each museum's (or brand partner's) locations holding some of
   * these variants, as `availability` / `brandAvailability` answer them, less the owner's
   * locations holding none of them (they can serve no line: planShipments never picks them).
   */
  heldBy(held: HeldStock, owner: 'museum' | 'brand', ownerIds: readonly string[], variantIds: readonly string[]): Map<string, LocationStock[]> {
    const out = new Map<string, LocationStock[]>(ownerIds.map((id) => [id, []]));
    const byLocation = new Map<string, LocationStock & { available: Map<string, number> }>();
    for (const variantId of new Set(variantIds)) {
      for (const r of held.get(variantId) ?? []) {
        const ownerId = owner === 'museum' ? r.museumId : r.brandId;
        const list = ownerId ? out.get(ownerId) : undefined;
        if (!list) continue;
        let loc = byLocation.get(r.locationId);
        if (!loc) {
          loc = { locationId: r.locationId, kind: r.kind, priority: r.priority, available: new Map() };
          byLocation.set(r.locationId, loc);
          list.push(loc);
        }
        loc.available.set(variantId, r.available);
      }
    }
    return out;
  }

  /** Where one seller's lines would ship from, or what is short (read only, no lock). */
  plan(lines: readonly DemandLine[], locations: readonly LocationStock[]): FulfilmentPlan {
    return planFulfilment(aggregateDemand(lines), locations);
  }

  /** The parcels (one location, one customs mode each) one fulfiller's lines ship in, or what is short (read only). */
  planShipments(lines: readonly DemandLine[], locations: readonly LocationStock[]): ShipmentPlan {
    return planShipments(aggregateDemand(lines), locations);
  }

  /**
   * Reserves every line of every command (one per owner, each at its location) inside the
   * caller's transaction, or answers OUT_OF_STOCK naming every short line (the transaction then
   * rolls back whole, so nothing is held). Lines of one variant are added up. Writes the
   * reservations, their ledger rows and one claim per stock row in (location, variant) order, in
   * one statement; the claims take the units with the conditional update (trigger
   * stock_claims_apply), at once by default.
   *
   * `atCommit`: the levels move only when the transaction COMMITs (docs/adr/0006), so the stock
   * rows — the hottest rows of a drop — are locked only while PostgreSQL commits, never across
   * a round trip. The caller then reserves last, neither releases nor ships these units in the
   * same transaction, and its commit may fail for want of stock: run the transaction through
   * StockRepository.transaction or map its error with `outOfStockAtCommit`.
   */
  async reserve(tx: SqlTx, commands: ReserveCommand | readonly ReserveCommand[], options: { atCommit?: boolean } = {}): Promise<void> {
    const { reservations, movements, claims } = claimRows(Array.isArray(commands) ? (commands as readonly ReserveCommand[]) : [commands as ReserveCommand]);
    await this.stock.claim(tx, { batchId: randomUUID(), atCommit: options.atCommit ?? false }, reservations, movements, claims);
  }

  /**
   * reserve with `atCommit`, written inside another context's statement (placeOrder's orders
   * insert, one round trip less): data-modifying CTEs for the caller's WITH list (null when there
   * is nothing to reserve), writing only when `when` (a condition of the caller's statement, such as
   * "the checkout was inserted") holds. The same rows as reserve, the same claims in the one locking
   * order; the levels move when the transaction COMMITs, whose refusal the caller maps with
   * `outOfStockAtCommit`. The caller reserves nothing else, and releases or ships none of these
   * units, in the same transaction.
   */
  reserveSql(commands: readonly ReserveCommand[], when: Prisma.Sql): Prisma.Sql | null {
    const { reservations, movements, claims } = claimRows(commands);
    return this.stock.claimSql(randomUUID(), reservations, movements, claims, when);
  }

  /** Unpaid holds back to available (expiry, failed or cancelled payment). Safe to call twice. */
  releaseHeld(tx: SqlTx, ownerIds: readonly string[], note: string): Promise<number> {
    return this.release(tx, ownerIds, ['HELD'], note);
  }

  /** Every unshipped unit of these owners back to available (a refund before shipping). */
  releaseAll(tx: SqlTx, ownerIds: readonly string[], note: string): Promise<number> {
    return this.release(tx, ownerIds, ['HELD', 'COMMITTED'], note);
  }

  /**
   * A paid hold becomes a commitment that no expiry releases. Returns how many reservations
   * moved, and whether the owners still hold everything they reserved (false when a hold
   * had already been released).
   */
  async commit(tx: SqlTx, ownerIds: readonly string[]): Promise<{ committed: number; allHeld: boolean }> {
    const moved = await this.stock.moveReservations(tx, ownerIds, ['HELD'], 'COMMITTED');
    await this.stock.insertMovements(tx, moved.map((r) => this.movement(r, 'COMMIT', 0)));
    return { committed: moved.length, allHeld: (await this.stock.countReservations(tx, ownerIds, 'RELEASED')) === 0 };
  }

  /**
   * The parcels of these owners left the warehouse: their committed units become a SHIP
   * movement (on hand and reserved both down) and the reservations FULFILLED. The move is
   * conditional on COMMITTED, so a replay, a retry or a concurrent call ships nothing twice.
   * Returns the units shipped by this call.
   */
  async ship(tx: SqlTx, ownerIds: readonly string[], note: string): Promise<number> {
    const moved = await this.stock.moveReservations(tx, ownerIds, ['COMMITTED'], 'FULFILLED');
    for (const r of perStockRow(moved)) await this.stock.shipReserved(tx, r.locationId, r.variantId, r.quantity);
    await this.stock.insertMovements(tx, moved.map((r) => ({ ...this.movement(r, 'SHIP', -r.quantity), onHandDelta: -r.quantity, note })));
    return moved.reduce((a, r) => a + r.quantity, 0);
  }

  private async release(tx: SqlTx, ownerIds: readonly string[], from: StockReservationStatus[], note: string): Promise<number> {
    const moved = await this.stock.moveReservations(tx, ownerIds, from, 'RELEASED');
    for (const r of perStockRow(moved)) await this.stock.unreserve(tx, r.locationId, r.variantId, r.quantity);
    await this.stock.insertMovements(tx, moved.map((r) => ({ ...this.movement(r, 'RELEASE', -r.quantity), note })));
    return moved.reduce((a, r) => a + r.quantity, 0);
  }

  private movement(r: ReservationRow, kind: MovementRow['kind'], reservedDelta: number): MovementRow {
    return { variantId: r.variantId, locationId: r.locationId, kind, onHandDelta: 0, reservedDelta, reference: r.ownerId };
  }
}
