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
interface VariantRow {
  id: string;
  product_id: string;
  museum_id: string;
  sku: string;
  price_minor: number;
  weight_grams: number;
  hs_code: string;
  origin_country: string;
  product_status: string;
  category: string;
  name_zh: string;
  name_en: string;
  name_fr: string;
  description_zh: string;
  storefront_status: string | null;
}

const POSITIVE_LIST_CACHE_MS = Number(process.env['POSITIVE_LIST_CACHE_MS'] ?? 5_000);

@Injectable()
export class CatalogCheckoutAdapter extends CheckoutCatalog {
  private prefixes: { expires: number; value: Promise<string[]> } | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly fx: FxRatesService,
  ) {
    super();
  }

  async variants(ids: readonly string[]): Promise<CheckoutVariant[]> {
    if (!ids.length) return [];
    const [rows, prefixes] = await Promise.all([
      this.prisma.$queryRaw<VariantRow[]>`
        SELECT v.id, v.product_id, v.museum_id, v.sku, v.price_minor, v.weight_grams, v.hs_code, v.origin_country,
               p.status::text AS product_status, p.cross_border_category::text AS category,
               p.name_zh, p.name_en, p.name_fr, p.description_zh, s.status::text AS storefront_status
        FROM product_variants v
        JOIN products p ON p.id = v.product_id
        LEFT JOIN storefronts s ON s.museum_id = v.museum_id
        WHERE v.id = ANY(${[...ids]}::uuid[])`,
      this.positiveList(),
    ]);
    return rows.map((r) => ({
      variantId: r.id,
      productId: r.product_id,
      museumId: r.museum_id,
      sku: r.sku,
      name: pickLocale({ zh: r.name_zh, en: r.name_en, fr: r.name_fr }),
      priceEurMinor: r.price_minor,
      weightGrams: r.weight_grams,
      hsCode: r.hs_code,
      originCountry: r.origin_country,
      crossBorderCategory: r.category,
      productStatus: r.product_status,
      listableForChina:
        r.product_status === 'PUBLISHED' &&
        r.storefront_status === 'OPEN' &&
        listingProblemsForChina({ nameZh: r.name_zh, descriptionZh: r.description_zh, variants: [{ sku: r.sku, hsCode: r.hs_code }] }, prefixes).length === 0,
    }));
  }

  /** The positive list changes rarely and is read on every checkout: kept for a few seconds. */
  private positiveList(): Promise<string[]> {
    if (this.prefixes && this.prefixes.expires > Date.now()) return this.prefixes.value;
    const value = this.prisma.positiveListEntry.findMany({ select: { hsPrefix: true } }).then((rows) => rows.map((r) => r.hsPrefix));
    this.prefixes = { expires: Date.now() + POSITIVE_LIST_CACHE_MS, value };
    value.catch(() => (this.prefixes = null));
    return value;
  }

  shopperQuote(): Promise<ShopperQuote> {
    return this.fx.shopperQuote();
  }

  cnyPrice(eurMinor: number, quote: ShopperQuote): number {
    return shopperPrice(eurMinor, quote).amount;
  }
}
