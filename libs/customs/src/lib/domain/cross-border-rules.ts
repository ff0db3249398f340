import { z } from 'zod';

/**
 * China's cross-border retail import figures. They are regulation, so they live in
 * configuration (environment) with today's figures as defaults; an operator follows a rule
 * change by changing the environment, not the code.
 */
export type NetContentUnit = 'ML' | 'G' | 'PIECE';

export interface CrossBorderRules {
  /** Dutiable value (goods + freight + insurance) of one order, CNY fen (default 5,000 CNY). */
  orderLimitMinor: number;
  /** Dutiable value per identity per calendar year in China, CNY fen (default 26,000 CNY). */
  annualLimitMinor: number;
  /** Import VAT, decimal string (default 0.13). */
  vatRate: string;
  /** Share of the statutory VAT and consumption tax levied within limits (default 0.7). */
  taxDiscount: string;
  /**
   * Consumption tax per cross-border category, applied when the taxable price (the dutiable
   * value, before VAT) per unit of net content is at or above the threshold for that unit
   * (CNY fen per millilitre, gram or piece). Default: high-end cosmetics, 15 % from 10 CNY
   * per ml or g and 15 CNY per piece.
   */
  consumptionTax: Record<string, { rate: string; thresholdsMinor: Record<NetContentUnit, number> }>;
  /**
   * Customs duty of the general-trade route (a single item above the per-order limit), by HS
   * code prefix (the longest matching prefix wins), `default` for any other code. A placeholder
   * default: the operator sets the tariff schedule's rates.
   */
  dutyRates: Record<string, string>;
}

export const DEFAULT_CROSS_BORDER_RULES: CrossBorderRules = {
  orderLimitMinor: 500_000,
  annualLimitMinor: 2_600_000,
  vatRate: '0.13',
  taxDiscount: '0.7',
  consumptionTax: { COSMETICS: { rate: '0.15', thresholdsMinor: { ML: 1_000, G: 1_000, PIECE: 1_500 } } },
  dutyRates: { default: '0.1' },
};

const decimalRate = z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a decimal between 0 and 1');
const rulesSchema = z.object({
  orderLimitMinor: z.coerce.number().int().positive(),
  annualLimitMinor: z.coerce.number().int().positive(),
  vatRate: decimalRate,
  taxDiscount: decimalRate,
  consumptionTax: z.record(
    z.string(),
    z.object({
      rate: decimalRate.refine((r) => Number(r) < 1, 'must be below 1'),
      thresholdsMinor: z.object({ ML: z.number().int().min(0), G: z.number().int().min(0), PIECE: z.number().int().min(0) }),
    }),
  ),
  dutyRates: z
    .record(z.string().regex(/^(default|\d{2,10})$/, 'must be default or an HS code prefix'), z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal'))
    .refine((r) => r['default'] !== undefined, 'needs a default rate'),
});

/** CBEC_ORDER_LIMIT_MINOR, CBEC_ANNUAL_LIMIT_MINOR, CBEC_VAT_RATE, CBEC_TAX_DISCOUNT, CBEC_CONSUMPTION_TAX (JSON), CBEC_DUTY_RATES (JSON). */
export function crossBorderRulesFromEnv(env: NodeJS.ProcessEnv = process.env): CrossBorderRules {
  const d = DEFAULT_CROSS_BORDER_RULES;
  return rulesSchema.parse({
    orderLimitMinor: env['CBEC_ORDER_LIMIT_MINOR'] ?? d.orderLimitMinor,
    annualLimitMinor: env['CBEC_ANNUAL_LIMIT_MINOR'] ?? d.annualLimitMinor,
    vatRate: env['CBEC_VAT_RATE'] ?? d.vatRate,
    taxDiscount: env['CBEC_TAX_DISCOUNT'] ?? d.taxDiscount,
    consumptionTax: env['CBEC_CONSUMPTION_TAX'] ? JSON.parse(env['CBEC_CONSUMPTION_TAX']) : d.consumptionTax,
    dutyRates: env['CBEC_DUTY_RATES'] ? JSON.parse(env['CBEC_DUTY_RATES']) : d.dutyRates,
  });
}
