import { Inject, Injectable, Optional } from '@nestjs/common';
import { ValidationError, validate } from '@vitrine/shared/kernel';
import { CatalogError, CatalogErrorCode } from '../domain/catalog-error';
import { setFxRateSchema } from '../domain/catalog.schemas';
import type { ShopperQuote } from '../domain/shopper-price';
import { FxRateRepository, type FxRateRow } from '../infrastructure/fx-rate.repository';
import { CATALOG_SETTINGS, type CatalogSettings } from './catalog-settings';
import { ShopWindowCaches } from '@vitrine/shared/data-access';

/** Shopper prices are EUR bases shown in CNY. */
export const SHOPPER_PAIR = { base: 'EUR', quote: 'CNY' } as const;

/**
 * FX rates: history, the rate in force, and the quote every shopper price uses. The rate in
 * force is read at most once per FX_RATE_CACHE_MS per process: it is on every product page.
 */
@Injectable()
export class FxRatesService {
  private readonly cache = new Map<string, { expires: number; value: Promise<FxRateRow | null> }>();

  constructor(
    private readonly rates: FxRateRepository,
    @Inject(CATALOG_SETTINGS) private readonly settings: CatalogSettings,
    @Optional() caches?: ShopWindowCaches,
  ) {
    // A shop-window purge (a back-office change, the worker's FX refresh) reads the rate again.
    caches?.register(() => this.cache.clear());
  }

  current(base: string, quote: string): Promise<FxRateRow | null> {
    const key = `${base}/${quote}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = this.rates.current(base, quote);
    this.cache.set(key, { expires: Date.now() + this.settings.fxCacheMs, value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  /** The quote for shopper prices; refuses rather than guessing when no rate was ever set. */
  async shopperQuote(): Promise<ShopperQuote> {
    const fx = await this.current(SHOPPER_PAIR.base, SHOPPER_PAIR.quote);
    if (!fx) throw new CatalogError(CatalogErrorCode.FX_RATE_UNAVAILABLE, 'No EUR to CNY rate is set, so prices cannot be shown');
    return { fx, marginBps: this.settings.marginBps, rounding: this.settings.rounding };
  }

  list(q: { base: string; quote: string; take: number; after?: [string, string] | null }) {
    if (q.after && Number.isNaN(Date.parse(q.after[0]))) throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
    return this.rates.list(q);
  }

  async set(input: unknown): Promise<FxRateRow> {
    const v = validate(setFxRateSchema, input);
    const row = await this.rates.create({ base: v.base, quote: v.quote, rate: v.rate, source: v.source, effectiveAt: v.effectiveAt ?? new Date() });
    this.cache.clear();
    return row;
  }
}
