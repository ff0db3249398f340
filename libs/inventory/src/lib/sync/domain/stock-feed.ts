import { parse } from 'csv-parse/sync';

/** One row of a warehouse stock feed: what the warehouse counted on its shelf. */
export interface FeedRow {
  /** CSV: the line in the file (the header is line 1). JSON: the item's position, from 1. */
  line: number;
  sku: string;
  /** The stock location's code at the museum (e.g. PARIS-1). */
  location: string;
  quantity: number;
}

export const RowProblem = {
  INVALID_ROW: 'INVALID_ROW',
  INVALID_QUANTITY: 'INVALID_QUANTITY',
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  UNKNOWN_LOCATION: 'UNKNOWN_LOCATION',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
  BELOW_RESERVED: 'BELOW_RESERVED',
} as const;
export type RowProblem = (typeof RowProblem)[keyof typeof RowProblem];

export interface RowError {
  line: number;
  sku: string | null;
  location: string | null;
  code: RowProblem;
  message: string;
}

export type FeedFormat = 'CSV' | 'JSON';

/** The whole document is unreadable (not CSV, not JSON, no usable header): nothing is applied. */
export class FeedFormatError extends Error {}

const MAX_QUANTITY = 10_000_000;
const SKU_KEYS = ['sku'];
const LOCATION_KEYS = ['location', 'location_code', 'locationcode', 'warehouse'];
const QUANTITY_KEYS = ['quantity', 'qty', 'on_hand', 'onhand', 'quantity_on_hand', 'quantityonhand'];

function pick(record: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const [k, v] of Object.entries(record)) if (keys.includes(k.trim().toLowerCase().replace(/[\s-]/g, '_'))) return v;
  return undefined;
}

/** Checks one record; a good one becomes a FeedRow, a bad one a RowError naming its line. */
export function readRow(record: Record<string, unknown>, line: number): FeedRow | RowError {
  const rawSku = pick(record, SKU_KEYS);
  const rawLocation = pick(record, LOCATION_KEYS);
  const rawQuantity = pick(record, QUANTITY_KEYS);
  const sku = typeof rawSku === 'string' || typeof rawSku === 'number' ? String(rawSku).trim() : '';
  const location = typeof rawLocation === 'string' || typeof rawLocation === 'number' ? String(rawLocation).trim() : '';
  if (!sku || sku.length > 64 || !location || location.length > 40) {
    return { line, sku: sku || null, location: location || null, code: RowProblem.INVALID_ROW, message: 'needs a SKU (up to 64 characters) and a location code (up to 40)' };
  }
  const text = typeof rawQuantity === 'number' ? String(rawQuantity) : typeof rawQuantity === 'string' ? rawQuantity.trim() : '';
  if (!/^\d+$/.test(text) || Number(text) > MAX_QUANTITY) {
    return { line, sku, location, code: RowProblem.INVALID_QUANTITY, message: `quantity "${text}" is not a whole number from 0 to ${MAX_QUANTITY}` };
  }
  return { line, sku, location, quantity: Number(text) };
}

export const isRowError = (r: FeedRow | RowError): r is RowError => 'code' in r;

/**
 * Reads a feed document. CSV needs a header with sku, location and quantity columns (a few
 * usual spellings accepted); JSON is an array of such objects, or `{ "items": [...] }`.
 * Bad rows come back as errors with their line; good rows still apply.
 */
export function parseStockFeed(format: FeedFormat, text: string): { rows: FeedRow[]; errors: RowError[] } {
  const rows: FeedRow[] = [];
  const errors: RowError[] = [];
  const take = (r: FeedRow | RowError) => (isRowError(r) ? errors.push(r) : rows.push(r));
  if (format === 'CSV') {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
    } catch (error) {
      throw new FeedFormatError(`not readable as CSV: ${(error as Error).message}`);
    }
    const header = records[0] ? Object.keys(records[0].record) : [];
    if (records.length && (pick(Object.fromEntries(header.map((h) => [h, 'x'])), SKU_KEYS) === undefined || pick(Object.fromEntries(header.map((h) => [h, 'x'])), QUANTITY_KEYS) === undefined)) {
      throw new FeedFormatError('the CSV header needs sku, location and quantity columns');
    }
    for (const { record, info } of records) take(readRow(record, info.lines));
    return { rows, errors };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedFormatError(`not readable as JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(doc) ? doc : typeof doc === 'object' && doc !== null && Array.isArray((doc as { items?: unknown }).items) ? (doc as { items: unknown[] }).items : null;
  if (!items) throw new FeedFormatError('JSON feeds are an array of { sku, location, quantity } or { "items": [...] }');
  items.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) errors.push({ line: i + 1, sku: null, location: null, code: RowProblem.INVALID_ROW, message: 'an item must be an object' });
    else take(readRow(item as Record<string, unknown>, i + 1));
  });
  return { rows, errors };
}
