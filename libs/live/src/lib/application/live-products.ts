import { Injectable } from '@nestjs/common';
import { BrowseService, CatalogReadService, FxRatesService, shopperPrice } from '@vitrine/catalog';
import { StockService } from '@vitrine/inventory';
import type { LiveProductState } from '../domain/live-events';

/**
 * Bag products as the live page shows them, through the catalogue's and inventory's public
 * services: names, CNY prices at the current FX quote (as the shop window prices them),
 * and units available across the museum's stock locations. Four statements for any bag.
 */
@Injectable()
export class LiveProducts {
  constructor(
    private readonly browse: BrowseService,
    private readonly catalog: CatalogReadService,
    private readonly fx: FxRatesService,
    private readonly stock: StockService,
  ) {}

  /**
   * In the order of `productIds`; products without variants (unknown ids) are left out.
   * `listable`: a shopper may see and buy it (published, open storefront, listable for China).
   */
  async of(museumId: string, productIds: readonly string[]): Promise<(LiveProductState & { museumId: string; listable: boolean })[]> {
    if (!productIds.length) return [];
    const variants = await this.browse.variantsOf(productIds);
    const variantIds = variants.map((v) => v.id);
    if (!variantIds.length) return [];
    const [sellable, quote, stock] = await Promise.all([this.catalog.variantsForCheckout(variantIds), this.fx.shopperQuote(), this.stock.availability([museumId], variantIds)]);
    const info = new Map(sellable.map((s) => [s.variantId, s]));
    const available = new Map<string, number>();
    for (const location of stock.get(museumId) ?? []) {
      for (const [variantId, n] of location.available) available.set(variantId, (available.get(variantId) ?? 0) + Math.max(0, n));
    }
    return productIds.flatMap((productId) => {
      const own = variants.filter((v) => v.productId === productId && info.has(v.id)).sort((a, b) => a.position - b.position);
      if (!own.length) return [];
      const first = info.get(own[0]!.id)!;
      const rows = own.map((v) => ({ variantId: v.id, sku: v.sku, priceMinor: shopperPrice(v.priceMinor, quote).amount, available: available.get(v.id) ?? 0 }));
      return [
        {
          productId,
          museumId: first.museumId,
          listable: own.some((v) => info.get(v.id)!.listableForChina),
          name: first.name,
          priceMinor: Math.min(...rows.map((r) => r.priceMinor)),
          currency: 'CNY' as const,
          available: rows.reduce((a, r) => a + r.available, 0),
          variants: rows,
        },
      ];
    });
  }

  /** The product of a variant, with its museum (null when unknown). */
  async variant(variantId: string): Promise<{ productId: string; museumId: string } | null> {
    const [v] = await this.catalog.variantsForCheckout([variantId]);
    return v ? { productId: v.productId, museumId: v.museumId } : null;
  }
}
