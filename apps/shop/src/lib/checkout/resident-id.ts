// GB 11643-1999 resident ID check for the checkout form, as the API checks it: a port of
// libs/customs/src/lib/domain/resident-id.ts (parseResidentId), kept in step by
// resident-id.spec.ts, which runs the API's vectors and compares both on random numbers.
// (The shop is bundled by Next on its own and cannot import the Nest libs.)

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82', '83',
]);

export type ResidentIdProblem = 'FORMAT' | 'AREA_CODE' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Null when the number is valid on `today`, else what is wrong (the API's problem names). */
export function residentIdProblem(raw: string, today: Date): ResidentIdProblem | null {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return 'FORMAT';
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return 'AREA_CODE';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const last = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (year < 1900 || day < 1 || day > last) return 'BIRTH_DATE';
  if (`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}` > today.toISOString().slice(0, 10)) return 'BIRTH_DATE';
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return 'CHECK_CHARACTER';
  return null;
}

/** Keeps what a shopper may type into the field: digits and X, at most 18 (spaces and dashes dropped). */
export function normaliseResidentIdInput(raw: string): string {
  return raw.toUpperCase().replace(/[^\dX]/g, '').slice(0, 18);
}
