import type { CrossBorderCategory, ProductStatus, PrismaService, Tx } from '@vitrine/shared/data-access';
import type { LocalizedStrings } from '@vitrine/shared/kernel';

/** A product another context lists on a museum's storefront (licensing's co-branded item): one variant. */
export interface ListingDraft {
  museumId: string;
  category: string;
  crossBorderCategory: CrossBorderCategory;
  name: LocalizedStrings;
  description: LocalizedStrings;
  searchText: string;
  sku: string;
  priceEurMinor: number;
  hsCode: string;
  weightGrams: number;
  originCountry: string;
  imageUrls: readonly string[];
  imageAlt: string;
  artworkIds: readonly string[];
}

/**
 * The catalogue's writes another context makes in its own transaction (issue 19: licensing
 * creates, amends and lists co-branded products). The catalogue's rules stay here: a product
 * with its variant, media and credited works; `min_price_eur_cents` and `search_text` in step.
 */
export const CatalogWritePort = {
  /** A DRAFT product on the museum's storefront, crediting the works; returns its id. */
  async createDraftProduct(tx: Tx, p: ListingDraft): Promise<string> {
    const product = await tx.product.create({
      data: {
        museumId: p.museumId,
        status: 'DRAFT',
        category: p.category,
        crossBorderCategory: p.crossBorderCategory,
        nameFr: p.name.fr,
        nameEn: p.name.en,
        nameZh: p.name.zh,
        descriptionFr: p.description.fr,
        descriptionEn: p.description.en,
        descriptionZh: p.description.zh,
        searchText: p.searchText,
        minPriceEurCents: p.priceEurMinor,
        variants: {
          create: {
            museumId: p.museumId,
            sku: p.sku,
            options: {},
            priceMinor: p.priceEurMinor,
            currency: 'EUR',
            weightGrams: p.weightGrams,
            hsCode: p.hsCode,
            originCountry: p.originCountry,
            position: 0,
          },
        },
        media: { create: p.imageUrls.map((url, position) => ({ url, alt: p.imageAlt, position })) },
        artworks: { create: p.artworkIds.map((artworkId) => ({ artworkId })) },
      },
      select: { id: true },
    });
    return product.id;
  },

  /** Rewrites the product's text and images. */
  async updateProductContent(tx: Tx, productId: string, c: { name: LocalizedStrings; description: LocalizedStrings; searchText: string; imageUrls: readonly string[]; imageAlt: string }): Promise<void> {
    await tx.product.update({
      where: { id: productId },
      data: {
        nameFr: c.name.fr,
        nameEn: c.name.en,
        nameZh: c.name.zh,
        descriptionFr: c.description.fr,
        descriptionEn: c.description.en,
        descriptionZh: c.description.zh,
        searchText: c.searchText,
      },
      select: { id: true },
    });
    await tx.productMedia.deleteMany({ where: { productId } });
    await tx.productMedia.createMany({ data: c.imageUrls.map((url, position) => ({ productId, url, alt: c.imageAlt, position })) });
  },

  /**
   * Moves the product from one of `from` to `to`; false when it was in another status (a
   * concurrent change won). Publishing stamps published_at.
   */
  async setProductStatus(db: PrismaService | Tx, productId: string, from: readonly ProductStatus[], to: ProductStatus): Promise<boolean> {
    const { count } = await db.product.updateMany({
      where: { id: productId, status: { in: [...from] } },
      data: { status: to, ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}) },
    });
    return count === 1;
  },
} as const;
