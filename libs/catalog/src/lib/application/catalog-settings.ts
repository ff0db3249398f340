import { WHOLE_YUAN_UP, type RetailRounding } from '@vitrine/shared/kernel';

export interface CatalogSettings {
  /** Margin over the FX rate against currency moves, in basis points (FX_MARGIN_BPS). */
  marginBps: number;
  /** Rounding of CNY shopper prices (CNY_ROUNDING_STEP minor units, always up). */
  rounding: RetailRounding;
  /** How long a process reuses the current FX rate before reading it again (FX_RATE_CACHE_MS). */
  fxCacheMs: number;
  /**
   * How stale the anonymous shop window may be (PUBLIC_CACHE_SECONDS, shared with the API's
   * response cache): public list counts are reused for this long, or until a back-office write
   * clears them (ShopWindowCaches).
   */
  publicStaleMs: number;
  /** The shop's public origin (SHOP_ORIGIN): shelf labels' QR codes open its short links. */
  shopOrigin: string;
}

export const CATALOG_SETTINGS = Symbol('CATALOG_SETTINGS');

export function catalogSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): CatalogSettings {
  const int = (name: string, fallback: number, min: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}`);
    return value;
  };
  return {
    marginBps: int('FX_MARGIN_BPS', 300, 0),
    rounding: { ...WHOLE_YUAN_UP, step: int('CNY_ROUNDING_STEP', WHOLE_YUAN_UP.step, 1) },
    fxCacheMs: int('FX_RATE_CACHE_MS', 5_000, 0),
    publicStaleMs: int('PUBLIC_CACHE_SECONDS', 30, 0) * 1000,
    shopOrigin: shopOriginOf(env['SHOP_ORIGIN']),
  };
}

function shopOriginOf(value: string | undefined): string {
  const origin = (value || 'http://localhost:3001').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error('SHOP_ORIGIN must be an http(s) origin, e.g. https://shop.example.cn');
  return origin;
}
