/**
 * Statement periods are calendar months in UTC, named by their first day (`2026-03-01`).
 * Dates without time (term, periods) are `YYYY-MM-DD` strings, compared as strings.
 */
export type IsoDate = string;

export function isoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function monthOf(d: Date): IsoDate {
  return `${d.toISOString().slice(0, 7)}-01`;
}

export function addMonths(period: IsoDate, months: number): IsoDate {
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return isoDate(d);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** The period (month) before the one containing `now`: what a run on the 1st reports. */
export function previousPeriod(now: Date): IsoDate {
  return addMonths(monthOf(now), -1);
}

export function isPeriod(value: string): boolean {
  return /^\d{4}-\d{2}-01$/.test(value) && isoDate(new Date(`${value}T00:00:00Z`)) === value;
}

/** `[start, end)` as Dates, for queries on timestamps. */
export function periodBounds(period: IsoDate): { start: Date; end: Date } {
  return { start: new Date(`${period}T00:00:00Z`), end: new Date(`${addMonths(period, 1)}T00:00:00Z`) };
}
