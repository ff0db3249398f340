/** A day picked in the browser (YYYY-MM-DD) as the instant it starts, locally; `plusDays` moves it. */
export function localDayStart(day: unknown, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(day ?? ''));
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}
