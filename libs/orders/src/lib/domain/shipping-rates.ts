import { z } from 'zod';

export type CustomsMode = '9610' | '1210';

/**
 * Shipping per seller order, CNY fen, by parcel weight: the first bracket whose maxGrams
 * covers the weight, and above the last bracket its fee plus `perExtraKgMinor` for each
 * started kilogram. Direct mail from the EU (9610) costs more than domestic delivery from
 * a bonded warehouse (1210).
 */
export interface ShippingTable {
  brackets: { maxGrams: number; feeMinor: number }[];
  perExtraKgMinor: number;
}
export type ShippingRates = Record<CustomsMode, ShippingTable>;

export const DEFAULT_SHIPPING_RATES: ShippingRates = {
  '9610': {
    brackets: [
      { maxGrams: 500, feeMinor: 6_000 },
      { maxGrams: 1_000, feeMinor: 8_500 },
      { maxGrams: 2_000, feeMinor: 12_000 },
    ],
    perExtraKgMinor: 4_000,
  },
  '1210': {
    brackets: [{ maxGrams: 1_000, feeMinor: 1_000 }],
    perExtraKgMinor: 500,
  },
};

const tableSchema = z.object({
  brackets: z.array(z.object({ maxGrams: z.number().int().positive(), feeMinor: z.number().int().min(0) })).min(1),
  perExtraKgMinor: z.number().int().min(0),
});
const ratesSchema = z.object({ '9610': tableSchema, '1210': tableSchema });

/** SHIPPING_RATES_JSON overrides the whole table. */
export function shippingRatesFromEnv(env: NodeJS.ProcessEnv = process.env): ShippingRates {
  const raw = env['SHIPPING_RATES_JSON'];
  const rates = raw ? ratesSchema.parse(JSON.parse(raw)) : DEFAULT_SHIPPING_RATES;
  for (const t of Object.values(rates)) t.brackets.sort((a, b) => a.maxGrams - b.maxGrams);
  return rates;
}

export function shippingFee(mode: CustomsMode, weightGrams: number, rates: ShippingRates): number {
  if (!Number.isSafeInteger(weightGrams) || weightGrams < 0) throw new RangeError('weight must be a non-negative integer');
  const table = rates[mode];
  const bracket = table.brackets.find((b) => weightGrams <= b.maxGrams);
  if (bracket) return bracket.feeMinor;
  const last = table.brackets[table.brackets.length - 1];
  return last.feeMinor + Math.ceil((weightGrams - last.maxGrams) / 1_000) * table.perExtraKgMinor;
}
