import { MINOR_UNITS, divRound, parseDecimal } from '@vitrine/shared/kernel';

/**
 * Royalty arithmetic, in integer minor units throughout (BigInt inside, never floats).
 *
 * Rounding, documented once:
 * 1. A line's net sale (after tax, discounts) is converted from the sale currency into the
 *    agreement currency at the order's FX snapshot, rounded HALF_UP (half away from zero)
 *    to the agreement's minor unit. The snapshot is the mid rate the order recorded
 *    (`fx_rate`), not the retail margin.
 * 2. The line's royalty is net × rate_bps / 10 000, rounded HALF_UP to the minor unit.
 *    Each line is rounded once; a line's error is at most half a minor unit.
 * 3. Refunding a whole line reverses exactly what it accrued (the negated amounts), so a
 *    refunded line nets to zero. A partial refund is converted and rounded the same way on
 *    the refunded amount and never reverses more than the line has left.
 * 4. Statements only add ledger entries up; they never round again.
 */

export interface FxSnapshot {
  /** Decimal string: units of `quote` per unit of `base`, e.g. EUR→CNY "7.81230000". */
  rate: string;
  base: string;
  quote: string;
}

export interface RoyaltyTerms {
  /** Rate on net sales in basis points (1 bp = 0.01%). */
  rateBps: number;
  /** The agreement's currency, in which net sales and royalty are reported. */
  currency: string;
}

export interface LineAccrual {
  units: number;
  saleMinor: number;
  saleCurrency: string;
  /** The rate used, or null when the sale was already in the agreement currency. */
  fxRate: string | null;
  netSalesMinor: number;
  royaltyMinor: number;
  currency: string;
}

export class UnsupportedConversionError extends RangeError {}

const scaleOf = (currency: string): bigint => BigInt(MINOR_UNITS[currency] ?? 100);

/** `amountMinor` of `from` in minor units of `to`, at the snapshot, HALF_UP. */
export function convertMinor(amountMinor: number, from: string, to: string, fx: FxSnapshot | null): { minor: number; rate: string | null } {
  assertInteger(amountMinor, 'amount');
  if (from === to) return { minor: amountMinor, rate: null };
  if (!fx) throw new UnsupportedConversionError(`No FX snapshot to convert ${from} into ${to}`);
  const r = parseDecimal(fx.rate);
  if (r.int <= 0n) throw new UnsupportedConversionError(`FX rate must be positive, got ${fx.rate}`);
  const a = BigInt(amountMinor);
  const unit = 10n ** BigInt(r.scale);
  // amount_to = amount_from / scale_from * scale_to (× or ÷ the rate)
  if (fx.quote === from && fx.base === to) {
    return { minor: toSafe(divRound(a * scaleOf(to) * unit, scaleOf(from) * r.int, 'HALF_UP')), rate: fx.rate };
  }
  if (fx.base === from && fx.quote === to) {
    return { minor: toSafe(divRound(a * scaleOf(to) * r.int, scaleOf(from) * unit, 'HALF_UP')), rate: fx.rate };
  }
  throw new UnsupportedConversionError(`The snapshot ${fx.base}→${fx.quote} cannot convert ${from} into ${to}`);
}

/** net × bps / 10 000, HALF_UP (half away from zero, so a reversal mirrors an accrual). */
export function royaltyOn(netMinor: number, rateBps: number): number {
  assertInteger(netMinor, 'net');
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000) throw new RangeError(`rate must be 0..10000 bps, got ${rateBps}`);
  return toSafe(divRound(BigInt(netMinor) * BigInt(rateBps), 10_000n, 'HALF_UP'));
}

/** The accrual of one paid order line. `netSaleMinor` is after tax, discounts (and nothing refunded yet). */
export function accrueLine(line: { quantity: number; netSaleMinor: number; saleCurrency: string; fx: FxSnapshot | null }, terms: RoyaltyTerms): LineAccrual {
  if (!Number.isInteger(line.quantity) || line.quantity < 0) throw new RangeError('quantity must be a non-negative integer');
  if (line.netSaleMinor < 0) throw new RangeError('a paid line cannot have a negative net sale');
  const { minor, rate } = convertMinor(line.netSaleMinor, line.saleCurrency, terms.currency, line.fx);
  return {
    units: line.quantity,
    saleMinor: line.netSaleMinor,
    saleCurrency: line.saleCurrency,
    fxRate: rate,
    netSalesMinor: minor,
    royaltyMinor: royaltyOn(minor, terms.rateBps),
    currency: terms.currency,
  };
}

/**
 * The reversal of (part of) an accrued line. `remaining` is the accrual minus reversals
 * already booked. A refund of everything that remains reverses exactly the remainder.
 */
export function reverseLine(
  remaining: Pick<LineAccrual, 'units' | 'saleMinor' | 'netSalesMinor' | 'royaltyMinor'>,
  refund: { saleMinor: number; units: number },
  accrual: Pick<LineAccrual, 'saleCurrency' | 'currency' | 'fxRate'> & { fx: FxSnapshot | null; rateBps: number },
): LineAccrual {
  assertInteger(refund.saleMinor, 'refund');
  if (refund.saleMinor <= 0) throw new RangeError('a refund must be positive');
  const whole = refund.saleMinor >= remaining.saleMinor;
  if (whole) {
    return {
      units: neg(remaining.units),
      saleMinor: neg(remaining.saleMinor),
      saleCurrency: accrual.saleCurrency,
      fxRate: accrual.fxRate,
      netSalesMinor: neg(remaining.netSalesMinor),
      royaltyMinor: neg(remaining.royaltyMinor),
      currency: accrual.currency,
    };
  }
  const net = Math.min(convertMinor(refund.saleMinor, accrual.saleCurrency, accrual.currency, accrual.fx).minor, remaining.netSalesMinor);
  const royalty = Math.min(royaltyOn(net, accrual.rateBps), remaining.royaltyMinor);
  return {
    units: neg(Math.min(Math.max(0, refund.units), remaining.units)),
    saleMinor: neg(refund.saleMinor),
    saleCurrency: accrual.saleCurrency,
    fxRate: accrual.fxRate,
    netSalesMinor: neg(net),
    royaltyMinor: neg(royalty),
    currency: accrual.currency,
  };
}

/** Negation without −0 (which JSON and equality checks treat apart). */
const neg = (n: number): number => (n === 0 ? 0 : -n);

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer number of minor units, got ${n}`);
}

function toSafe(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount out of range');
  return Number(n);
}

/**
 * Takes back a reversal whose refund never happened (Stripe reported it failed or cancelled):
 * the same units and amounts, accrued again, so the line's entries net to what it was before.
 */
export function reinstateReversal(reversal: LineAccrual): LineAccrual {
  if (reversal.units > 0 || reversal.saleMinor > 0 || reversal.netSalesMinor > 0 || reversal.royaltyMinor > 0) throw new RangeError('a reversal is never positive');
  return { ...reversal, units: -reversal.units, saleMinor: -reversal.saleMinor, netSalesMinor: -reversal.netSalesMinor, royaltyMinor: -reversal.royaltyMinor };
}

/**
 * The royalty of a paid line in the currency of the sale, for settlement's split (libs/settlement):
 * the same rule as an accrual (`accrueLine`: net sales × rate, HALF_UP), with the agreement's
 * rate and no conversion. The royalty ledger reckons the same line in the agreement's currency.
 */
export function royaltyInSaleCurrency(line: { quantity: number; netSaleMinor: number; currency: string }, rateBps: number): number {
  return accrueLine({ quantity: line.quantity, netSaleMinor: line.netSaleMinor, saleCurrency: line.currency, fx: null }, { rateBps, currency: line.currency }).royaltyMinor;
}
