import { Injectable } from '@nestjs/common';
import { CatalogReadPort, CatalogWritePort } from '@vitrine/catalog';
import { PrismaService, type Prisma, type ProductStatus, type Tx } from '@vitrine/shared/data-access';
import type { Channel, CrossBorderCategory, LocalizedStrings } from '../domain/proposal-content';
import type { ProposalStatus } from '../domain/proposal-workflow';

/**
 * Licensed products, and the catalogue rows behind them through the catalogue's ports
 * (issue 19): its write port creates, amends and lists the product in the licensing
 * transaction; its read port publishes the product columns read here.
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

interface ProductColumns {
  id: string;
  status: ProductStatus;
  nameFr: string;
  nameEn: string;
  nameZh: string;
  descriptionZh: string;
  publishedAt: Date | null;
}

@Injectable()
export class LicensedProductRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A DRAFT product on the museum's storefront, crediting the works; returns its id. */
  async createDraft(tx: Tx, p: DraftProductWrite): Promise<string> {
    const productId = await CatalogWritePort.createDraftProduct(tx, p);
    await tx.licensedProduct.create({
      data: { productId, agreementId: p.agreementId, museumId: p.museumId, fulfilledByBrandId: p.brandId },
      select: { productId: true },
    });
    return productId;
  }

  /** Rewrites the product's text and images (an approved amendment). */
  updateContent(tx: Tx, productId: string, c: { name: LocalizedStrings; description: LocalizedStrings; searchText: string; imageUrls: readonly string[]; imageAlt: string }): Promise<void> {
    return CatalogWritePort.updateProductContent(tx, productId, c);
  }

  async findByProductId(productId: string): Promise<LicensedProductRow | null> {
    return (await this.findByProductIds([productId]))[0] ?? null;
  }

  /** Who fulfils each of these listed products (every checkout asks: one statement, PrismaService.sql). */
  fulfilmentByProductIds(productIds: readonly string[]): Promise<{ productId: string; agreementId: string; fulfilledByBrandId: string }[]> {
    return this.prisma.sql.$queryRaw`
      SELECT lp.product_id AS "productId", lp.agreement_id AS "agreementId", lp.fulfilled_by_brand_id AS "fulfilledByBrandId"
      FROM licensed_products lp JOIN ${CatalogReadPort.products} p ON p.id = lp.product_id
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
    const rows = await this.prisma.$queryRaw<{ productId: string; sku: string; hsCode: string }[]>`
      SELECT v.product_id::text AS "productId", v.sku, v.hs_code AS "hsCode"
        FROM ${CatalogReadPort.variants} v WHERE v.product_id = ANY(${[...productIds]}::uuid[])
       ORDER BY v.product_id, v.position`;
    const out = new Map<string, { sku: string; hsCode: string }[]>();
    for (const r of rows) out.set(r.productId, [...(out.get(r.productId) ?? []), { sku: r.sku, hsCode: r.hsCode }]);
    return out;
  }

  /**
   * Moves the product from one of `from` to `to`; false when it was in another status
   * (a concurrent change won). Publishing stamps published_at.
   */
  setStatus(tx: Tx | null, productId: string, from: readonly ProductStatus[], to: ProductStatus): Promise<boolean> {
    return CatalogWritePort.setProductStatus(tx ?? this.prisma, productId, from, to);
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
        JOIN ${CatalogReadPort.products} pr ON pr.id = lp.product_id AND pr.status = 'PUBLISHED'
        JOIN licence_agreements a ON a.id = lp.agreement_id
        JOIN licensing_proposals p ON p.id = a.proposal_id
       ORDER BY lp.product_id`;
  }

  private async withProducts(rows: Prisma.LicensedProductGetPayload<{ select: typeof licensedSelect }>[]): Promise<LicensedProductRow[]> {
    if (!rows.length) return [];
    const products = await this.prisma.$queryRaw<ProductColumns[]>`
      SELECT p.id::text AS id, p.status::text AS status, p.name_fr AS "nameFr", p.name_en AS "nameEn", p.name_zh AS "nameZh", p.description_zh AS "descriptionZh", p.published_at AS "publishedAt"
        FROM ${CatalogReadPort.products} p WHERE p.id = ANY(${rows.map((r) => r.productId)}::uuid[])`;
    const byId = new Map(products.map((p) => [p.id, p]));
    return rows.flatMap((r) => {
      const p = byId.get(r.productId);
      if (!p) return [];
      return [{ ...r, unapprovedEdit: r.unapprovedEdit as StorefrontEditState | null, status: p.status, nameFr: p.nameFr, nameEn: p.nameEn, nameZh: p.nameZh, descriptionZh: p.descriptionZh, publishedAt: p.publishedAt }];
    });
  }
}
