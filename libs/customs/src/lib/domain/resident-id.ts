/**
 * Mainland China resident identity numbers (GB 11643-1999): 6-digit area code, birth date
 * YYYYMMDD, 3-digit sequence, and an ISO 7064 MOD 11-2 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/**
 * First two digits of the area code: provinces, autonomous regions and municipalities
 * (11–65), Taiwan (71), Hong Kong and Macao (81, 82) and the residence-permit prefix 83.
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82', '83',
]);

export type ResidentIdProblem = 'FORMAT' | 'AREA_CODE' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export interface ResidentId {
  /** 18 characters, upper-case X. */
  readonly value: string;
  readonly areaCode: string;
  /** ISO date, YYYY-MM-DD. */
  readonly birthDate: string;
}

export type ResidentIdResult = { ok: true; id: ResidentId } | { ok: false; problem: ResidentIdProblem };

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/**
 * Parses and checks a resident ID number. `today` is the caller's current date (a pure
 * function): the birth date may not lie after it, nor before 1900.
 */
export function parseResidentId(raw: string, today: Date): ResidentIdResult {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'FORMAT' };
  const areaCode = value.slice(0, 6);
  if (!PROVINCE_CODES.has(areaCode.slice(0, 2))) return { ok: false, problem: 'AREA_CODE' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, problem: 'BIRTH_DATE' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today.toISOString().slice(0, 10)) return { ok: false, problem: 'BIRTH_DATE' };
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'CHECK_CHARACTER' };
  return { ok: true, id: { value, areaCode, birthDate } };
}

/** `11010519491231002X` → `110***********002X`: the only form an ID is ever shown in. */
export function maskResidentId(value: string): string {
  const v = value.trim().toUpperCase();
  if (v.length !== 18) return '*'.repeat(Math.max(v.length, 1));
  return `${v.slice(0, 3)}${'*'.repeat(11)}${v.slice(14)}`;
}

export const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  FORMAT: 'must be 17 digits followed by a digit or X',
  AREA_CODE: 'does not start with a valid area code',
  BIRTH_DATE: 'does not contain a real birth date in the past',
  CHECK_CHARACTER: 'has a wrong check character',
};
