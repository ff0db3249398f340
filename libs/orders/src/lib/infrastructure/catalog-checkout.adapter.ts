import { Injectable } from '@nestjs/common';
import { FxRatesService, listingProblemsForChina, shopperPrice, type ShopperQuote } from '@vitrine/catalog';
import { PrismaService } from '@vitrine/shared/data-access';
import { pickLocale } from '@vitrine/shared/graphql';
import { CheckoutCatalog, type CheckoutVariant } from '../application/checkout-catalog';

/**
 * CheckoutCatalog over the catalogue lib: FX quote and CNY prices from its FxRatesService
 * and shopperPrice, listability from its listing rules.
 *
 * Variants by id are read here with one query until @vitrine/catalog exports its read
 * service for checkout (agreed contract: the fields of CheckoutVariant); then `variants`
 * delegates to it and this query goes.
 */
@Injectable()
export class CatalogCheckoutAdapter extends CheckoutCatalog {
  constructor(
    private readonly prisma: PrismaService,
    private readonly fx: FxRatesService,
  ) {
    super();
  }

  async variants(ids: readonly string[]): Promise<CheckoutVariant[]> {
    if (!ids.length) return [];
    const [rows, positive] = await Promise.all([
      this.prisma.productVariant.findMany({
        where: { id: { in: [...ids] } },
        select: {
          id: true,
          productId: true,
          museumId: true,
          sku: true,
          priceMinor: true,
          weightGrams: true,
          hsCode: true,
          originCountry: true,
          product: {
            select: {
              status: true,
              crossBorderCategory: true,
              nameZh: true,
              nameEn: true,
              nameFr: true,
              descriptionZh: true,
              museum: { select: { storefront: { select: { status: true } } } },
            },
          },
        },
      }),
      this.prisma.positiveListEntry.findMany({ select: { hsPrefix: true } }),
    ]);
    const prefixes = positive.map((p) => p.hsPrefix);
    return rows.map((r) => ({
      variantId: r.id,
      productId: r.productId,
      museumId: r.museumId,
      sku: r.sku,
      name: pickLocale({ zh: r.product.nameZh, en: r.product.nameEn, fr: r.product.nameFr }),
      priceEurMinor: r.priceMinor,
      weightGrams: r.weightGrams,
      hsCode: r.hsCode,
      originCountry: r.originCountry,
      crossBorderCategory: r.product.crossBorderCategory,
      productStatus: r.product.status,
      listableForChina:
        r.product.status === 'PUBLISHED' &&
        r.product.museum.storefront?.status === 'OPEN' &&
        listingProblemsForChina({ nameZh: r.product.nameZh, descriptionZh: r.product.descriptionZh, variants: [{ sku: r.sku, hsCode: r.hsCode }] }, prefixes).length === 0,
    }));
  }

  shopperQuote(): Promise<ShopperQuote> {
    return this.fx.shopperQuote();
  }

  cnyPrice(eurMinor: number, quote: ShopperQuote): number {
    return shopperPrice(eurMinor, quote).amount;
  }
}
