import { allocateProportionally } from './allocation';
import type { CrossBorderRules } from './cross-border-rules';
import { addRatio, applyRatio, divRatio, formatRatio, mulRatio, oneMinus, ratioOf, ZERO, type Ratio } from './ratio';

/**
 * Comprehensive cross-border tax: duty 0 within limits; import VAT and consumption tax at
 * the discount (70%) of the statutory amount:
 *   rate = (consumption_tax + VAT) / (1 − consumption_tax) × discount
 * 13% VAT alone gives 9.1%; cosmetics at or above the threshold (15% consumption tax)
 * give 0.28 / 0.85 × 0.7 ≈ 23.0588%. The rate is held as an exact fraction.
 */
export function comprehensiveTaxRate(category: string, unitPriceMinor: number, rules: CrossBorderRules): Ratio {
  const ct = rules.consumptionTax[category];
  const consumption = ct && unitPriceMinor >= ct.unitThresholdMinor ? ratioOf(ct.rate) : ZERO;
  return mulRatio(divRatio(addRatio(consumption, ratioOf(rules.vatRate)), oneMinus(consumption)), ratioOf(rules.taxDiscount));
}

export interface TaxableLine {
  /** Unit price in CNY fen: decides the consumption-tax threshold. */
  unitPriceMinor: number;
  quantity: number;
  category: string;
}

export interface TaxedLine {
  goodsMinor: number;
  /** This line's share of the order's freight (largest remainder, by goods value). */
  freightMinor: number;
  insuranceMinor: number;
  /** goods + freight + insurance: the dutiable price. */
  dutiableMinor: number;
  /** The rate as a decimal string with 6 places, for the snapshot; the tax used the exact fraction. */
  taxRate: string;
  taxMinor: number;
}

export interface TaxedOrder {
  lines: TaxedLine[];
  goodsMinor: number;
  freightMinor: number;
  insuranceMinor: number;
  taxMinor: number;
  /** goods + freight + insurance + tax = Σ lines' dutiable + tax. */
  totalMinor: number;
}

/**
 * Taxes one order line by line. Freight and insurance are allocated to lines in proportion
 * to their goods value by largest remainder, so Σ line shares equals the order's figure
 * exactly; each line's tax is dutiable × rate rounded half up to the fen; the order's tax
 * is the sum of its lines' taxes (no second rounding).
 */
export function taxOrder(
  lines: readonly TaxableLine[],
  charges: { freightMinor: number; insuranceMinor?: number },
  rules: CrossBorderRules,
): TaxedOrder {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.unitPriceMinor) || l.unitPriceMinor < 0) throw new RangeError('unit price must be a non-negative integer');
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) throw new RangeError('quantity must be a positive integer');
  }
  const insurance = charges.insuranceMinor ?? 0;
  const goods = lines.map((l) => l.unitPriceMinor * l.quantity);
  const freight = allocateProportionally(charges.freightMinor, goods);
  const insurances = allocateProportionally(insurance, goods);
  const taxed = lines.map((l, i): TaxedLine => {
    const rate = comprehensiveTaxRate(l.category, l.unitPriceMinor, rules);
    const dutiableMinor = goods[i] + freight[i] + insurances[i];
    return {
      goodsMinor: goods[i],
      freightMinor: freight[i],
      insuranceMinor: insurances[i],
      dutiableMinor,
      taxRate: formatRatio(rate),
      taxMinor: applyRatio(dutiableMinor, rate, 'HALF_UP'),
    };
  });
  const sum = (f: (l: TaxedLine) => number) => taxed.reduce((a, l) => a + f(l), 0);
  const taxMinor = sum((l) => l.taxMinor);
  const goodsMinor = sum((l) => l.goodsMinor);
  return {
    lines: taxed,
    goodsMinor,
    freightMinor: charges.freightMinor,
    insuranceMinor: insurance,
    taxMinor,
    totalMinor: goodsMinor + charges.freightMinor + insurance + taxMinor,
  };
}
