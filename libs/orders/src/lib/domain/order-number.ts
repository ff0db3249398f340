import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A human-readable order number: VT-YYMMDD-XXXXXXXX (no 0/O/1/I to misread on the phone). */
export function newOrderNumber(at: Date): string {
  const d = at.toISOString().slice(2, 10).replace(/-/g, '');
  let suffix = '';
  for (let i = 0; i < 8; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `VT-${d}-${suffix}`;
}
