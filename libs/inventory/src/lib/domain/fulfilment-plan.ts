import type { Shortage } from './inventory-error';

export type StockLocationKind = 'EU_WAREHOUSE' | 'BONDED_WAREHOUSE_CN';
export type CustomsMode = '9610' | '1210';

/** Where goods ship from decides the customs route: direct mail from the EU, or bonded stock in China. */
export function customsModeOf(kind: StockLocationKind): CustomsMode {
  switch (kind) {
    case 'EU_WAREHOUSE':
      return '9610';
    case 'BONDED_WAREHOUSE_CN':
      return '1210';
  }
}

export interface DemandLine {
  /** The caller's reference (a cart line id), echoed in shortages. */
  ref: string;
  variantId: string;
  quantity: number;
}

export interface Demand {
  variantId: string;
  quantity: number;
  refs: string[];
}

/**
 * One entry per variant with the quantities of all its lines added up (two lines of one
 * variant compete for the same units), sorted by variant id: the fixed order in which
 * stock rows are locked, so concurrent reservations cannot deadlock.
 */
export function aggregateDemand(lines: readonly DemandLine[]): Demand[] {
  const byVariant = new Map<string, Demand>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) throw new RangeError('quantity must be a positive integer');
    const d = byVariant.get(l.variantId);
    if (d) {
      d.quantity += l.quantity;
      d.refs.push(l.ref);
    } else byVariant.set(l.variantId, { variantId: l.variantId, quantity: l.quantity, refs: [l.ref] });
  }
  return [...byVariant.values()].sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

export interface LocationStock {
  locationId: string;
  kind: StockLocationKind;
  priority: number;
  /** Available units (on hand − reserved) per variant id. */
  available: ReadonlyMap<string, number>;
}

export type FulfilmentPlan =
  | { ok: true; locationId: string; kind: StockLocationKind; customsMode: CustomsMode }
  | { ok: false; shortages: Shortage[] };

/**
 * An order ships from one location: the first, by priority then id, that can cover every
 * line. When none can, the shortages are reported against the location that covers most.
 */
export function planFulfilment(demand: readonly Demand[], locations: readonly LocationStock[]): FulfilmentPlan {
  const ordered = [...locations].sort((a, b) => a.priority - b.priority || (a.locationId < b.locationId ? -1 : 1));
  let best: { shortages: Shortage[]; missing: number } | null = null;
  for (const loc of ordered) {
    const shortages = demand
      .filter((d) => (loc.available.get(d.variantId) ?? 0) < d.quantity)
      .map((d) => ({ variantId: d.variantId, requested: d.quantity, available: Math.max(0, loc.available.get(d.variantId) ?? 0), lines: d.refs }));
    if (shortages.length === 0) return { ok: true, locationId: loc.locationId, kind: loc.kind, customsMode: customsModeOf(loc.kind) };
    const missing = shortages.reduce((a, s) => a + s.requested - s.available, 0);
    if (!best || missing < best.missing) best = { shortages, missing };
  }
  return {
    ok: false,
    shortages: best?.shortages ?? demand.map((d) => ({ variantId: d.variantId, requested: d.quantity, available: 0, lines: d.refs })),
  };
}

export interface Shipment {
  locationId: string;
  kind: StockLocationKind;
  customsMode: CustomsMode;
  /** The variants (aggregated demand) this location ships, in demand order. */
  variantIds: string[];
}

/** ok: every variant has a location; otherwise the variants no location covers are `shortages`. */
export interface ShipmentPlan {
  ok: boolean;
  shipments: Shipment[];
  shortages: Shortage[];
}

/**
 * The parcels one fulfiller's lines ship in (each parcel is an order of its own, with the
 * customs mode of its location: an EU warehouse 9610, a bonded warehouse 1210):
 * 1. One location covering every line: that one parcel (planFulfilment: priority, then id).
 * 2. Otherwise the lines are split, greedily: the location that covers the most of the
 *    still unassigned variants takes them all; a tie goes to a bonded warehouse (faster and
 *    cheaper to the shopper), then by priority, then id; repeat. So an item stocked in both
 *    Paris and Ningbo travels with the larger group of the seller's other items, and with
 *    the bonded parcel when the groups are even.
 * A variant is never split across locations: it ships whole from one location or is short
 * (reported with the most any single location has).
 */
export function planShipments(demand: readonly Demand[], locations: readonly LocationStock[]): ShipmentPlan {
  const single = planFulfilment(demand, locations);
  if (single.ok) {
    return { ok: true, shortages: [], shipments: [{ locationId: single.locationId, kind: single.kind, customsMode: single.customsMode, variantIds: demand.map((d) => d.variantId) }] };
  }
  const ordered = [...locations].sort((a, b) => a.priority - b.priority || (a.locationId < b.locationId ? -1 : 1));
  const covers = (loc: LocationStock, d: Demand) => (loc.available.get(d.variantId) ?? 0) >= d.quantity;
  let left = [...demand];
  const shipments: Shipment[] = [];
  for (;;) {
    let best: { loc: LocationStock; covered: Demand[] } | null = null;
    for (const loc of ordered) {
      const covered = left.filter((d) => covers(loc, d));
      if (!covered.length) continue;
      const bondedOverEu = best && covered.length === best.covered.length && loc.kind === 'BONDED_WAREHOUSE_CN' && best.loc.kind !== 'BONDED_WAREHOUSE_CN';
      if (!best || covered.length > best.covered.length || bondedOverEu) best = { loc, covered };
    }
    if (!best) break;
    const taken = new Set(best.covered.map((d) => d.variantId));
    shipments.push({ locationId: best.loc.locationId, kind: best.loc.kind, customsMode: customsModeOf(best.loc.kind), variantIds: best.covered.map((d) => d.variantId) });
    left = left.filter((d) => !taken.has(d.variantId));
  }
  const shortages = left.map((d) => {
    const most = Math.max(0, ...locations.map((l) => l.available.get(d.variantId) ?? 0));
    return { variantId: d.variantId, requested: d.quantity, available: most, lines: d.refs };
  });
  return { ok: shortages.length === 0, shipments, shortages };
}
