import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type ProductStatus, type Tx } from '@vitrine/shared/data-access';
import type { Channel, CrossBorderCategory, LocalizedStrings } from '../domain/proposal-content';
import type { ProposalStatus } from '../domain/proposal-workflow';

/**
 * Licensed products and, as a TEMPORARY SEAM, the catalogue rows behind them.
 *
 * The catalogue (libs/catalog) does not yet export a service to create a product on a
 * museum's storefront, change its text or images, or set its status from another context.
 * Until it does, this repository writes those catalogue tables itself, in the licensing
 * transaction, and keeps to the catalogue's own rules: a product with its variants, media
 * and credited works; `min_price_eur_cents` and `search_text` kept in step. Replace each
 * write with the catalogue's service when it lands (see libs/licensing/README.md).
 */
export interface LicensedProductRow {
  productId: string;
  agreementId: string;
  museumId: string;
  fulfilledByBrandId: string;
  delistedAt: Date | null;
  delistReason: string | null;
  /** A storefront edit of the product's text or images not approved: PENDING (in review) or REJECTED. */
  unapprovedEdit: StorefrontEditState | null;
  createdAt: Date;
  status: ProductStatus;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  descriptionZh: string;
  publishedAt: Date | null;
}

export type StorefrontEditState = 'PENDING' | 'REJECTED';

export interface DraftProductWrite {
  museumId: string;
  agreementId: string;
  brandId: string;
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

export interface PublishedLicensed {
  productId: string;
  agreementId: string;
  status: 'ACTIVE' | 'EXPIRED';
  territory: string[];
  channels: Channel[];
  termStart: string;
  termEnd: string;
  sellOffEnd: string;
  proposalStatus: ProposalStatus;
  amendment: boolean;
  unapprovedEdit: StorefrontEditState | null;
}

const licensedSelect = {
  productId: true,
  agreementId: true,
  museumId: true,
  fulfilledByBrandId: true,
  delistedAt: true,
  delistReason: true,
  unapprovedEdit: true,
  createdAt: true,
} as const satisfies Prisma.LicensedProductSelect;

const productSelect = { id: true, status: true, nameFr: true, nameEn: true, nameZh: true, descriptionZh: true, publishedAt: true } as const satisfies Prisma.ProductSelect;

@Injectable()
export class LicensedProductRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A DRAFT product on the museum's storefront, crediting the works; returns its id. */
  async createDraft(tx: Tx, p: DraftProductWrite): Promise<string> {
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
    await tx.licensedProduct.create({
      data: { productId: product.id, agreementId: p.agreementId, museumId: p.museumId, fulfilledByBrandId: p.brandId },
      select: { productId: true },
    });
    return product.id;
  }

  /** Rewrites the product's text and images (an approved amendment). */
  async updateContent(tx: Tx, productId: string, c: { name: LocalizedStrings; description: LocalizedStrings; searchText: string; imageUrls: readonly string[]; imageAlt: string }): Promise<void> {
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
  }

  async findByProductId(productId: string): Promise<LicensedProductRow | null> {
    return (await this.findByProductIds([productId]))[0] ?? null;
  }

  /** Who fulfils each of these listed products (every checkout asks: one statement, PrismaService.sql). */
  fulfilmentByProductIds(productIds: readonly string[]): Promise<{ productId: string; agreementId: string; fulfilledByBrandId: string }[]> {
    return this.prisma.sql.$queryRaw`
      SELECT lp.product_id AS "productId", lp.agreement_id AS "agreementId", lp.fulfilled_by_brand_id AS "fulfilledByBrandId"
      FROM licensed_products lp JOIN products p ON p.id = lp.product_id
      WHERE lp.product_id = ANY(${[...productIds]}::uuid[])`;
  }

  async findByProductIds(productIds: readonly string[]): Promise<LicensedProductRow[]> {
    const rows = await this.prisma.licensedProduct.findMany({ where: { productId: { in: [...productIds] } }, select: licensedSelect });
    return this.withProducts(rows);
  }

  async findByAgreementIds(agreementIds: readonly string[]): Promise<LicensedProductRow[]> {
    const rows = await this.prisma.licensedProduct.findMany({
      where: { agreementId: { in: [...agreementIds] } },
      orderBy: [{ createdAt: 'asc' }, { productId: 'asc' }],
      select: licensedSelect,
    });
    return this.withProducts(rows);
  }

  async productIdsOfAgreementIn(tx: Tx, agreementId: string): Promise<string[]> {
    const rows = await tx.licensedProduct.findMany({ where: { agreementId }, select: { productId: true } });
    return rows.map((r) => r.productId);
  }

  async variantsOfMany(productIds: readonly string[]): Promise<Map<string, { sku: string; hsCode: string }[]>> {
    const rows = await this.prisma.productVariant.findMany({
      where: { productId: { in: [...productIds] } },
      orderBy: [{ productId: 'asc' }, { position: 'asc' }],
      select: { productId: true, sku: true, hsCode: true },
    });
    const out = new Map<string, { sku: string; hsCode: string }[]>();
    for (const r of rows) out.set(r.productId, [...(out.get(r.productId) ?? []), { sku: r.sku, hsCode: r.hsCode }]);
    return out;
  }

  /**
   * Moves the product from one of `from` to `to`; false when it was in another status
   * (a concurrent change won). Publishing stamps published_at.
   */
  async setStatus(tx: Tx | null, productId: string, from: readonly ProductStatus[], to: ProductStatus): Promise<boolean> {
    const db = tx ?? this.prisma;
    const { count } = await db.product.updateMany({
      where: { id: productId, status: { in: [...from] } },
      data: { status: to, ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}) },
    });
    return count === 1;
  }

  async markDelisted(tx: Tx, productId: string, reason: string, at: Date): Promise<void> {
    await tx.licensedProduct.update({ where: { productId }, data: { delistedAt: at, delistReason: reason }, select: { productId: true } });
  }

  /** Takes a listed product off sale (back to DRAFT) with the reason; false when it was not listed. */
  delistIfPublished(productId: string, reason: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.setStatus(tx, productId, ['PUBLISHED'], 'DRAFT'))) return false;
      await this.markDelisted(tx, productId, reason, at);
      return true;
    });
  }

  /** Sets (or clears, with null) the storefront-edit state of these products; `from` narrows which move. */
  async setUnapprovedEdit(tx: Tx, productIds: readonly string[], state: StorefrontEditState | null, from?: readonly StorefrontEditState[]): Promise<void> {
    await tx.licensedProduct.updateMany({
      where: { productId: { in: [...productIds] }, ...(from ? { unapprovedEdit: { in: [...from] } } : {}) },
      data: { unapprovedEdit: state },
    });
  }

  /** productId → storefront-edit state, for the products of an agreement (in the caller's transaction). */
  async unapprovedEditsIn(tx: Tx, agreementId: string): Promise<Map<string, StorefrontEditState | null>> {
    const rows = await tx.licensedProduct.findMany({ where: { agreementId }, select: { productId: true, unapprovedEdit: true } });
    return new Map(rows.map((r) => [r.productId, r.unapprovedEdit as StorefrontEditState | null]));
  }

  async clearDelisted(tx: Tx | null, productId: string): Promise<void> {
    await (tx ?? this.prisma).licensedProduct.update({ where: { productId }, data: { delistedAt: null, delistReason: null }, select: { productId: true } });
  }

  /** Licensed products on sale now, with what decides whether they may stay listed. */
  publishedWithTerms(): Promise<PublishedLicensed[]> {
    return this.prisma.$queryRaw<PublishedLicensed[]>`
      SELECT lp.product_id::text AS "productId", a.id::text AS "agreementId", a.status::text AS status,
             a.territory, a.channels::text[] AS channels,
             to_char(a.term_start, 'YYYY-MM-DD') AS "termStart", to_char(a.term_end, 'YYYY-MM-DD') AS "termEnd",
             to_char(a.sell_off_end, 'YYYY-MM-DD') AS "sellOffEnd",
             p.status::text AS "proposalStatus", p.amendment, lp.unapproved_edit AS "unapprovedEdit"
        FROM licensed_products lp
        JOIN products pr ON pr.id = lp.product_id AND pr.status = 'PUBLISHED'
        JOIN licence_agreements a ON a.id = lp.agreement_id
        JOIN licensing_proposals p ON p.id = a.proposal_id
       ORDER BY lp.product_id`;
  }

  private async withProducts(rows: Prisma.LicensedProductGetPayload<{ select: typeof licensedSelect }>[]): Promise<LicensedProductRow[]> {
    if (!rows.length) return [];
    const products = await this.prisma.product.findMany({ where: { id: { in: rows.map((r) => r.productId) } }, select: productSelect });
    const byId = new Map(products.map((p) => [p.id, p]));
    return rows.flatMap((r) => {
      const p = byId.get(r.productId);
      if (!p) return [];
      return [{ ...r, unapprovedEdit: r.unapprovedEdit as StorefrontEditState | null, status: p.status, nameFr: p.nameFr, nameEn: p.nameEn, nameZh: p.nameZh, descriptionZh: p.descriptionZh, publishedAt: p.publishedAt }];
    });
  }
}
