import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError, type Actor } from '@vitrine/shared/kernel';
import { listingProblemsForChina } from '@vitrine/catalog';
import { isUuid } from '../domain/ids';
import { LicensingError, LicensingErrorCode } from '../domain/licensing-error';
import { listingBlocks, type ListingBlock } from '../domain/listing-window';
import { isoDate } from '../domain/periods';
import { AgreementRepository, type AgreementRow } from '../infrastructure/agreement.repository';
import { DirectoryRepository } from '../infrastructure/directory.repository';
import { LicensedProductRepository, type LicensedProductRow } from '../infrastructure/licensed-product.repository';
import { ProposalRepository } from '../infrastructure/proposal.repository';
import { canSeeAgreementOf, mayManageListing } from './access';
import { Clock } from './clock';

export interface ListingReason {
  code: string;
  message: string;
  path?: string;
}

/** Who fulfils a licensed product, for splitting orders per seller (libs/orders). */
export interface Fulfilment {
  productId: string;
  agreementId: string;
  brandId: string;
}

/**
 * Listing co-branded products on the museum's storefront: only while the agreement allows
 * it (active, China in the territory, the marketplace channel, within the term, approved
 * content, no storefront edit pending or rejected) and the catalogue's China listing rules pass. Refused with LISTING_NOT_ALLOWED
 * and every reason.
 */
@Injectable()
export class LicensedProductsService {
  constructor(
    private readonly products: LicensedProductRepository,
    private readonly agreements: AgreementRepository,
    private readonly proposals: ProposalRepository,
    private readonly directory: DirectoryRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, productId: string): Promise<LicensedProductRow> {
    const row = isUuid(productId) ? await this.products.findByProductId(productId) : null;
    const agreement = row ? await this.agreements.findById(row.agreementId) : null;
    if (!row || !agreement || !canSeeAgreementOf(actor, agreement)) throw new NotFoundError('Licensed product');
    return row;
  }

  async publish(actor: Actor, productId: string): Promise<LicensedProductRow> {
    const row = await this.get(actor, productId);
    this.assertManages(actor, row);
    if (row.status === 'PUBLISHED') return row;
    const reasons = await this.reasonsNotListable(row);
    if (reasons.length) {
      throw new LicensingError(LicensingErrorCode.LISTING_NOT_ALLOWED, `This licensed product cannot be listed: ${reasons.map((r) => r.code).join(', ')}`, { reasons });
    }
    await this.products.setStatus(null, row.productId, ['DRAFT', 'ARCHIVED'], 'PUBLISHED');
    await this.products.clearDelisted(null, row.productId);
    return this.get(actor, productId);
  }

  async unpublish(actor: Actor, productId: string): Promise<LicensedProductRow> {
    const row = await this.get(actor, productId);
    this.assertManages(actor, row);
    await this.products.setStatus(null, row.productId, ['PUBLISHED'], 'DRAFT');
    return this.get(actor, productId);
  }

  /** Why the product may not be published today (empty when it may). */
  async reasonsNotListable(row: LicensedProductRow): Promise<ListingReason[]> {
    return (await this.reasonsNotListableMany([row]))[0]!;
  }

  /** The same for many products in a handful of queries (a loader's batch). */
  async reasonsNotListableMany(rows: readonly LicensedProductRow[]): Promise<ListingReason[][]> {
    if (!rows.length) return [];
    const [blocks, variants, prefixes] = await Promise.all([
      this.agreementBlocksMany(rows),
      this.products.variantsOfMany(rows.map((r) => r.productId)),
      this.directory.positiveListPrefixes(),
    ]);
    return rows.map((row, i) => {
      const catalogue = listingProblemsForChina({ nameZh: row.nameZh, descriptionZh: row.descriptionZh, variants: variants.get(row.productId) ?? [] }, prefixes);
      return [...blocks[i]!, ...catalogue.map((p) => ({ code: p.code, message: p.message, path: p.path }))];
    });
  }

  /** What the agreement alone forbids today (territory, channel, term, pending approval). */
  async agreementBlocksMany(rows: readonly LicensedProductRow[]): Promise<ListingReason[][]> {
    const today = isoDate(this.clock.now());
    const agreements = new Map((await this.agreements.findByIds([...new Set(rows.map((r) => r.agreementId))])).map((a) => [a.id, a]));
    const proposals = new Map((await this.proposals.findByIds([...agreements.values()].map((a) => a.proposalId))).map((p) => [p.id, p]));
    return rows.map((row) => {
      const agreement = agreements.get(row.agreementId);
      if (!agreement) return [{ code: 'AGREEMENT_EXPIRED', message: 'no agreement' }];
      const proposal = proposals.get(agreement.proposalId) ?? { status: 'WITHDRAWN' as const, amendment: false };
      return listingBlocks(agreement, { status: proposal.status, amendment: proposal.amendment, storefrontEdit: row.unapprovedEdit }, today) as ListingBlock[];
    });
  }

  /** Batch read for loaders under authorized parents. */
  byProductIds(productIds: readonly string[]): Promise<LicensedProductRow[]> {
    return this.products.findByProductIds(productIds.filter(isUuid));
  }

  /** Batch read for loaders under an authorized agreement. */
  ofAgreements(agreementIds: readonly string[]): Promise<LicensedProductRow[]> {
    return this.products.findByAgreementIds(agreementIds);
  }

  /** For libs/orders: which of these products a brand fulfils with its own stock. */
  async fulfilmentOf(productIds: readonly string[]): Promise<Fulfilment[]> {
    const ids = productIds.filter(isUuid);
    if (!ids.length) return [];
    const rows = await this.products.fulfilmentByProductIds(ids);
    return rows.map((r) => ({ productId: r.productId, agreementId: r.agreementId, brandId: r.fulfilledByBrandId }));
  }

  agreementOf(row: LicensedProductRow): Promise<AgreementRow | null> {
    return this.agreements.findById(row.agreementId);
  }

  private assertManages(actor: Actor, row: LicensedProductRow): void {
    if (!mayManageListing(actor, row)) throw new ForbiddenError('Only the museum lists products on its storefront');
  }
}
