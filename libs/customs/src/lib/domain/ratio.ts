import { divRound, parseDecimal, type RoundingMode } from '@vitrine/shared/kernel';

/** An exact non-negative fraction, for tax rates: no float ever touches an amount. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export function ratioOf(decimal: string): Ratio {
  const d = parseDecimal(decimal);
  if (d.int < 0n) throw new RangeError(`negative rate ${decimal}`);
  return { num: d.int, den: 10n ** BigInt(d.scale) };
}

export const ZERO: Ratio = { num: 0n, den: 1n };

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function mulRatio(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function divRatio(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError('division by zero');
  return { num: a.num * b.den, den: a.den * b.num };
}

export function oneMinus(a: Ratio): Ratio {
  return { num: a.den - a.num, den: a.den };
}

/** amount × ratio, rounded to an integer. */
export function applyRatio(amountMinor: number, ratio: Ratio, mode: RoundingMode): number {
  return Number(divRound(BigInt(amountMinor) * ratio.num, ratio.den, mode));
}

/** A ratio as a decimal string with `places` digits, half up: 0.230588. For display and snapshots. */
export function formatRatio(ratio: Ratio, places = 6): string {
  const scaled = divRound(ratio.num * 10n ** BigInt(places), ratio.den, 'HALF_UP').toString().padStart(places + 1, '0');
  return `${scaled.slice(0, scaled.length - places)}.${scaled.slice(scaled.length - places)}`;
}
