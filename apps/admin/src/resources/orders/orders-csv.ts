import { centsToEuros } from '../../data/money';
import type { OrderRecord } from './orders.data';

/** The columns of the orders file, in order. Amounts are decimal units of `currency` (CNY). */
export const ORDER_CSV_COLUMNS = [
  'number',
  'created_at',
  'status',
  'customer',
  'lines',
  'goods',
  'shipping',
  'insurance',
  'tax',
  'total',
  'currency',
  'customs_mode',
] as const;

const cell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  // Quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The orderer as a file may carry them: the first character of the name, and the ID number
 * as the API masks it. A file leaves the console; a shopper's full name need not.
 */
export function maskedCustomer(o: Pick<OrderRecord, 'orderer'>): string {
  const [first = '', ...rest] = [...o.orderer.name.trim()];
  const name = first + rest.map((ch) => (/\s/.test(ch) ? ch : '*')).join('');
  return `${name} ${o.orderer.residentIdMasked}`.trim();
}

/** "2 × 明信片套装 (PC-1); 1 × …" */
export function linesSummary(o: Pick<OrderRecord, 'lines'>): string {
  return (o.lines ?? []).map((l) => `${l.quantity} × ${l.name} (${l.sku})`).join('; ');
}

export function ordersToCsv(orders: OrderRecord[]): string {
  const rows = orders.map((o) => [
    o.number,
    o.createdAt,
    o.status,
    maskedCustomer(o),
    linesSummary(o),
    centsToEuros(o.goodsTotal),
    centsToEuros(o.shippingTotal),
    centsToEuros(o.insuranceTotal),
    centsToEuros(o.taxTotal),
    centsToEuros(o.total),
    o.currency,
    o.customsMode,
  ]);
  return [ORDER_CSV_COLUMNS as readonly string[], ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}
