/**
 * Exact decimal arithmetic on strings through BigInt, for FX rates and tax rates.
 * A decimal is held as { int, scale } meaning int / 10^scale.
 */
export interface Decimal {
  readonly int: bigint;
  readonly scale: number;
}

export function parseDecimal(text: string): Decimal {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`Not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const int = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return { int, scale: frac.length };
}

export function formatDecimal(d: Decimal): string {
  const neg = d.int < 0n;
  const digits = (neg ? -d.int : d.int).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const frac = d.scale ? '.' + digits.slice(digits.length - d.scale) : '';
  return (neg ? '-' : '') + whole + frac;
}

export type RoundingMode = 'UP' | 'DOWN' | 'HALF_UP';

/** a / b rounded to an integer with the given mode; a, b >= 0 ... or any sign for DOWN/UP towards +/- infinity. */
export function divRound(a: bigint, b: bigint, mode: RoundingMode): bigint {
  if (b <= 0n) throw new RangeError('divisor must be positive');
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  switch (mode) {
    case 'DOWN':
      return a < 0n ? q - 1n : q;
    case 'UP':
      return a < 0n ? q : q + 1n;
    case 'HALF_UP': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= b) return a < 0n ? q - 1n : q + 1n;
      return q;
    }
  }
}
