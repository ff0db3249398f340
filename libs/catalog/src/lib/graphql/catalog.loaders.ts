import { groupByKeys, type RequestContext } from '@vitrine/shared/graphql';
import type { BrowseService } from '../application/browse.service';
import type { FxRatesService } from '../application/fx-rates.service';
import type { ShopperQuote } from '../domain/shopper-price';
import type { ArtworkRow } from '../infrastructure/artwork.repository';
import type { CollectionRow } from '../infrastructure/collection.repository';
import type { MediaRow, VariantRow } from '../infrastructure/product.repository';

/** Request-scoped batches: one query per field per request, whatever the page size. */
export const catalogLoaders = {
  variants: (ctx: RequestContext, browse: BrowseService) =>
    ctx.loaders.get<string, VariantRow[]>('catalog.variants', async (ids) => groupByKeys(ids, await browse.variantsOf(ids), (v) => v.productId)),
  media: (ctx: RequestContext, browse: BrowseService) =>
    ctx.loaders.get<string, MediaRow[]>('catalog.media', async (ids) => groupByKeys(ids, await browse.mediaOf(ids), (m) => m.productId)),
  artworks: (ctx: RequestContext, browse: BrowseService) =>
    ctx.loaders.get<string, ArtworkRow[]>('catalog.artworks', (ids) => browse.artworksOf(ids)),
  collections: (ctx: RequestContext, browse: BrowseService) =>
    ctx.loaders.get<string, CollectionRow[]>('catalog.collections', (ids) => browse.collectionsOf(ids)),
  /** One FX quote per request, so every price on a page uses the same rate. */
  quote: (ctx: RequestContext, fx: FxRatesService): Promise<ShopperQuote> =>
    ctx.loaders
      .get<'shopper', ShopperQuote>('catalog.quote', async (keys) => {
        const quote = await fx.shopperQuote();
        return keys.map(() => quote);
      })
      .load('shopper'),
};
