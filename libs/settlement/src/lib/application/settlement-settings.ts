/**
 * Settlement's configuration. An order's money becomes payable to its sellers once it can no
 * longer be returned: `RETURN_WINDOW_DAYS` (the after-sales window, default 30) after customs
 * released it, with no return open. Read from the same variable as libs/orders' returns, so the
 * two never disagree.
 */
export const SETTLEMENT_SETTINGS = Symbol('SETTLEMENT_SETTINGS');

export interface SettlementSettings {
  returnWindowDays: number;
}

export function settlementSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SettlementSettings {
  const raw = env['RETURN_WINDOW_DAYS'];
  const days = raw === undefined || raw === '' ? 30 : Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error("RETURN_WINDOW_DAYS must be a whole number of days (1-365)");
  return { returnWindowDays: days };
}
