/**
 * Short codes of products for short links (`/p/<code>`) and shelf-label QR codes: the first
 * 64 bits of the product's uuid in base62, 11 characters. Nothing is stored: the code is
 * derived from the id and found again as a range of ids on the primary key. Two products
 * share a code only if their uuids share 64 leading bits (random v4/v5 ids: about n²/2⁶⁵).
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHORT_CODE_LENGTH = 11;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[0-9A-Za-z]{11}$/;
const MAX = (1n << 64n) - 1n;

export function shortCodeOf(uuid: string): string {
  if (!UUID.test(uuid)) throw new RangeError(`not a uuid: ${uuid}`);
  let n = BigInt(`0x${uuid.replace(/-/g, '').slice(0, 16)}`);
  let out = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) {
    out = ALPHABET[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

const hex16 = (n: bigint) => n.toString(16).padStart(16, '0');
const asUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** The ids a code stands for, lowest and highest; null for anything that is not a code. */
export function uuidRangeOf(code: string): { from: string; to: string } | null {
  if (!CODE.test(code)) return null;
  let n = 0n;
  for (const ch of code) n = n * 62n + BigInt(ALPHABET.indexOf(ch));
  if (n > MAX) return null;
  const prefix = hex16(n);
  return { from: asUuid(`${prefix}0000000000000000`), to: asUuid(`${prefix}ffffffffffffffff`) };
}
