import { Inject, Injectable } from '@nestjs/common';
import { enqueueJob } from '@vitrine/shared/jobs';
import type { SqlTx, Tx } from '@vitrine/shared/data-access';
import { ValidationError, type FieldIssue, type Actor } from '@vitrine/shared/kernel';
import { addDays } from '../domain/periods';
import { reviewDueAt } from '../domain/review-schedule';
import { agreementExpiryJob, reviewReminderJob } from '../jobs/licensing.jobs';
import { LICENSING_SETTINGS, type LicensingSettings } from './licensing-settings';
import { isComplete, type CompleteContent, type ProposalContent } from '../domain/proposal-content';
import type { ProposalEvent, Transition } from '../domain/proposal-workflow';
import { productSearchText } from '@vitrine/catalog';
import { coBrandedName } from '../domain/co-branded-product';
import { AgreementRepository, type AgreementRow } from '../infrastructure/agreement.repository';
import { DirectoryRepository } from '../infrastructure/directory.repository';
import { LicensedProductRepository } from '../infrastructure/licensed-product.repository';
import { ProposalRepository, type ProposalRow, type ProposalStateWrite } from '../infrastructure/proposal.repository';

/**
 * The side effects of workflow moves, run inside the move's transaction: the agreement and
 * its draft product at final approval, amendments applied or rolled back, delisting while
 * an amendment is reviewed, and the history row of every move.
 */
@Injectable()
export class ProposalEffects {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly agreements: AgreementRepository,
    private readonly products: LicensedProductRepository,
    private readonly directory: DirectoryRepository,
    @Inject(LICENSING_SETTINGS) private readonly settings: LicensingSettings,
  ) {}

  /** Writes the new state and its history entry. */
  async record(
    tx: Tx,
    current: ProposalRow,
    event: ProposalEvent,
    t: Transition,
    actor: Actor,
    data: ProposalStateWrite,
    extra: { revisionVersion?: number | null; comment?: string } = {},
  ): Promise<ProposalRow> {
    const next = await this.proposals.update(tx, current.id, { ...t.to, ...data });
    await this.proposals.addEvent(tx, {
      proposalId: current.id,
      event,
      fromStatus: current.status,
      toStatus: next.status,
      fromStage: current.stage,
      toStage: next.stage,
      revisionVersion: extra.revisionVersion ?? next.currentVersion,
      comment: extra.comment ?? '',
      actorUserId: actor.userId,
      actorRole: actor.role,
    });
    return next;
  }

  /**
   * Starts the review of a submission: the due date, and its reminder as a delayed job
   * written to the outbox in this transaction (it exists only if the submission commits).
   */
  async startReviewClock(tx: SqlTx, p: ProposalRow, version: number, now: Date): Promise<ProposalStateWrite> {
    const submissionNo = p.submissionNo + 1;
    const dueAt = reviewDueAt(now, this.settings);
    await enqueueJob(tx, reviewReminderJob, { proposalId: p.id, submissionNo }, { runAt: new Date(Math.max(now.getTime(), dueAt.getTime() - this.settings.reminderLeadHours * 3_600_000)) });
    return { submissionNo, submittedVersion: version, submittedAt: now, firstSubmittedAt: p.firstSubmittedAt ?? now, reviewDueAt: dueAt };
  }

  /** Final approval: the agreement on the approved terms and a DRAFT co-branded product. */
  async createAgreement(tx: Tx, p: ProposalRow, approvedVersion: number): Promise<AgreementRow> {
    const c = complete(p.content);
    const agreement = await this.agreements.create(tx, {
      proposalId: p.id,
      museumId: p.museumId,
      brandId: p.brandId,
      royaltyRateBps: c.royaltyRateBps,
      currency: c.minimumGuarantee.currency,
      minimumGuaranteeMinor: c.minimumGuarantee.amount,
      advanceMinor: c.advance.amount,
      territory: c.territory,
      channels: c.channels,
      termStart: c.termStart,
      termEnd: c.termEnd,
      sellOffDays: c.sellOffDays,
      sellOffEnd: addDays(c.termEnd, c.sellOffDays),
      approvedVersion,
    });
    // Its end, as a delayed job: the day after the sell-off period (the hourly sweep backs it up).
    await enqueueJob(tx, agreementExpiryJob, { agreementId: agreement.id }, { runAt: new Date(`${addDays(agreement.sellOffEnd, 1)}T00:05:00Z`) });
    const texts = await this.productTexts(p, c);
    await this.products.createDraft(tx, {
      museumId: p.museumId,
      agreementId: agreement.id,
      brandId: p.brandId,
      category: c.category,
      crossBorderCategory: c.crossBorderCategory,
      ...texts,
      sku: `LIC-${agreement.id.replace(/-/g, '').slice(0, 12).toUpperCase()}`,
      priceEurMinor: c.targetRetailPrice.amount,
      hsCode: c.specification.hsCode,
      weightGrams: c.specification.weightGrams,
      originCountry: c.specification.originCountry,
      imageUrls: c.imageUrls,
      artworkIds: c.artworkIds,
    });
    return agreement;
  }

  /**
   * An approved amendment: the product takes the new text and images (it stays unlisted until
   * republished). A product whose own storefront edit was under review keeps what it shows:
   * that is what the museum approved. Either way its content is approved again.
   */
  async applyAmendment(tx: Tx, p: ProposalRow): Promise<void> {
    const agreement = await this.agreements.findByProposalIn(tx, p.id);
    if (!agreement) return;
    const c = complete(p.content);
    const texts = await this.productTexts(p, c);
    const edits = await this.products.unapprovedEditsIn(tx, agreement.id);
    for (const [productId, edit] of edits) {
      if (edit !== 'PENDING') await this.products.updateContent(tx, productId, { ...texts, imageUrls: c.imageUrls });
    }
    await this.products.setUnapprovedEdit(tx, [...edits.keys()], null);
  }

  /** A storefront edit of the product's text or images: marked unapproved until the museum approves it. */
  async markStorefrontEdit(tx: Tx, productId: string): Promise<void> {
    await this.products.setUnapprovedEdit(tx, [productId], 'PENDING');
  }

  /** A change to an approved item takes its product off sale until the museum approves it. */
  async delistForAmendment(tx: Tx, p: ProposalRow, at: Date): Promise<void> {
    const agreement = await this.agreements.findByProposalIn(tx, p.id);
    if (!agreement) return;
    for (const productId of await this.products.productIdsOfAgreementIn(tx, agreement.id)) {
      if (await this.products.setStatus(tx, productId, ['PUBLISHED'], 'DRAFT')) await this.products.markDelisted(tx, productId, 'AMENDMENT_PENDING', at);
    }
  }

  /**
   * A rejected or withdrawn amendment: the working copy returns to the approved revision, as a
   * new revision. A product whose own storefront edit was under review still shows the refused
   * text or images, so it stays blocked from listing (CHANGE_REJECTED) until a new edit is approved.
   */
  async restoreApprovedContent(tx: Tx, p: ProposalRow, actor: Actor): Promise<ProposalStateWrite> {
    const agreement = await this.agreements.findByProposalIn(tx, p.id);
    if (agreement) {
      const pending = [...(await this.products.unapprovedEditsIn(tx, agreement.id))].filter(([, e]) => e === 'PENDING').map(([id]) => id);
      await this.products.setUnapprovedEdit(tx, pending, 'REJECTED', ['PENDING']);
    }
    const approved = p.approvedVersion ? await this.proposals.revisionIn(tx, p.id, p.approvedVersion) : null;
    if (!approved) return {};
    const version = p.currentVersion + 1;
    await this.proposals.addRevision(tx, {
      proposalId: p.id,
      version,
      stage: p.stage,
      content: approved.content,
      note: `Restored approved revision ${approved.version}`,
      authorUserId: actor.userId,
    });
    return { content: approved.content, currentVersion: version };
  }

  private async productTexts(p: ProposalRow, c: CompleteContent) {
    const [museum, brands, works] = await Promise.all([this.directory.museum(p.museumId), this.directory.brandNames([p.brandId]), this.directory.artworks(c.artworkIds)]);
    const museumName = museum ? { fr: museum.nameFr, en: museum.nameEn, zh: museum.nameZh } : { fr: '', en: '', zh: '' };
    const brand = brands.get(p.brandId) ?? '';
    const name = coBrandedName(museumName, brand, c.title);
    return {
      name,
      description: c.concept,
      searchText: productSearchText({ name, description: c.concept, works }),
      imageAlt: name.en || name.fr || name.zh,
    };
  }
}

function complete(content: ProposalContent): CompleteContent {
  if (!isComplete(content)) {
    const issues: FieldIssue[] = [{ path: 'content', message: 'the approved revision is incomplete' }];
    throw new ValidationError(issues);
  }
  return content;
}
