import { Inject, Injectable, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { LicensedProductsService } from '@vitrine/licensing';
import { CheckoutFulfilment } from '../application/checkout-fulfilment';
import { ORDERS_SETTINGS, type OrdersSettings } from '../application/orders-settings';
import { ShopWindowCaches } from '@vitrine/shared/data-access';

/**
 * CheckoutFulfilment over licensing's public API (`LicensedProductsService.fulfilmentOf`). A
 * cart's view reuses answers for `cartViewStaleMs` (the shop window's bound), cleared with the
 * shop window's caches by any back-office write; placeOrder always reads licensing.
 */
@Injectable()
export class LicensingFulfilmentAdapter extends CheckoutFulfilment {
  /** productId → the fulfilling brand's id, or '' when the museum fulfils it; at most 2 MiB. */
  private readonly forView: LRUCache<string, string> | null;

  constructor(
    private readonly licensed: LicensedProductsService,
    @Optional() @Inject(ORDERS_SETTINGS) settings?: OrdersSettings,
    @Optional() private readonly caches?: ShopWindowCaches,
  ) {
    super();
    const ttl = settings?.cartViewStaleMs ?? 0;
    const forView = ttl > 0 ? new LRUCache<string, string>({ max: 20_000, maxSize: 2 * 2 ** 20, sizeCalculation: (v, k) => 2 * (k.length + v.length) + 64, ttl }) : null;
    this.forView = forView;
    if (forView) this.caches?.register(() => forView.clear());
  }

  async brandFulfilled(productIds: readonly string[]): Promise<Map<string, string>> {
    if (!productIds.length) return new Map();
    return new Map((await this.licensed.fulfilmentOf([...new Set(productIds)])).map((f) => [f.productId, f.brandId]));
  }

  override async brandFulfilledForView(productIds: readonly string[]): Promise<Map<string, string>> {
    const cache = this.forView;
    if (!cache) return this.brandFulfilled(productIds);
    const missing = [...new Set(productIds)].filter((id) => !cache.has(id));
    const read = new Map<string, string>();
    if (missing.length) {
      const generation = this.caches?.generation ?? 0;
      const found = await this.brandFulfilled(missing);
      for (const id of missing) read.set(id, found.get(id) ?? '');
      // Read before a purge that came meanwhile: this answer only.
      if (!this.caches || this.caches.unchangedSince(generation)) for (const [id, brand] of read) cache.set(id, brand);
    }
    const out = new Map<string, string>();
    for (const id of productIds) {
      const brand = read.get(id) ?? cache.get(id);
      if (brand) out.set(id, brand);
    }
    return out;
  }
}
