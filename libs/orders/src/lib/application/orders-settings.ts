import { shippingRatesFromEnv, type ShippingRates } from '../domain/shipping-rates';

export interface OrdersSettings {
  /** How long an unpaid order holds its stock (CHECKOUT_HOLD_MINUTES, default 15). */
  holdMs: number;
  shippingRates: ShippingRates;
  /** Lines per cart and units per line a shopper may hold. */
  maxCartLines: number;
  maxLineQuantity: number;
  /** How stale a cart's view may be about who fulfils its products (PUBLIC_CACHE_SECONDS, the shop window's bound); 0: live. */
  cartViewStaleMs: number;
}

export const ORDERS_SETTINGS = Symbol('ORDERS_SETTINGS');

export function ordersSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OrdersSettings {
  const minutes = Number(env['CHECKOUT_HOLD_MINUTES'] ?? 15);
  if (!(minutes > 0)) throw new Error('CHECKOUT_HOLD_MINUTES must be a positive number');
  const publicSeconds = Number(env['PUBLIC_CACHE_SECONDS'] ?? 30);
  return {
    holdMs: Math.round(minutes * 60_000),
    shippingRates: shippingRatesFromEnv(env),
    maxCartLines: 50,
    maxLineQuantity: 99,
    cartViewStaleMs: Number.isFinite(publicSeconds) && publicSeconds > 0 ? publicSeconds * 1000 : 0,
  };
}
