import { RowProblem, type FeedRow, type RowError } from './stock-feed';

export interface LevelNow {
  onHand: number;
  reserved: number;
}

export interface StockChange {
  line: number;
  variantId: string;
  locationId: string;
  before: number;
  after: number;
}

export interface Resolved extends FeedRow {
  variantId: string;
  locationId: string;
}

/**
 * Matches feed rows to the museum's variants (by SKU) and locations (by code). A SKU or a
 * location the museum does not have, and a second row for the same SKU and location, are
 * errors with their line.
 */
export function resolveRows(rows: readonly FeedRow[], variants: ReadonlyMap<string, string>, locations: ReadonlyMap<string, string>): { resolved: Resolved[]; errors: RowError[] } {
  const resolved: Resolved[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const variantId = variants.get(r.sku);
    const locationId = locations.get(r.location);
    const at = { line: r.line, sku: r.sku, location: r.location };
    if (!variantId) errors.push({ ...at, code: RowProblem.UNKNOWN_SKU, message: `no product variant with SKU ${r.sku} at this museum` });
    else if (!locationId) errors.push({ ...at, code: RowProblem.UNKNOWN_LOCATION, message: `no stock location with code ${r.location} at this museum` });
    else {
      const key = `${variantId}:${locationId}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ ...at, code: RowProblem.DUPLICATE_ROW, message: `SKU ${r.sku} at ${r.location} already given on line ${first}` });
      else {
        seen.set(key, r.line);
        resolved.push({ ...r, variantId, locationId });
      }
    }
  }
  return { resolved, errors };
}

/**
 * What the counted quantities change, against the levels as they are now (locked by the
 * caller). On hand becomes the count; units reserved for open orders are still on the
 * shelf, so a count below them cannot be right and is refused for that row.
 */
export function reconcile(rows: readonly Resolved[], levels: ReadonlyMap<string, LevelNow>): { changes: StockChange[]; unchanged: number; errors: RowError[] } {
  const changes: StockChange[] = [];
  const errors: RowError[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const level = levels.get(`${r.variantId}:${r.locationId}`) ?? { onHand: 0, reserved: 0 };
    if (r.quantity < level.reserved) {
      errors.push({ line: r.line, sku: r.sku, location: r.location, code: RowProblem.BELOW_RESERVED, message: `${r.quantity} on hand is below the ${level.reserved} units reserved for open orders` });
    } else if (r.quantity === level.onHand) {
      unchanged++;
    } else {
      changes.push({ line: r.line, variantId: r.variantId, locationId: r.locationId, before: level.onHand, after: r.quantity });
    }
  }
  return { changes, unchanged, errors };
}
