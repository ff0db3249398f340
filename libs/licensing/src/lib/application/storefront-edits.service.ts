import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@vitrine/shared/kernel';
import type { LocalizedStrings } from '../domain/proposal-content';
import { transitionOf } from '../domain/proposal-workflow';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { LicensedProductRepository } from '../infrastructure/licensed-product.repository';
import { ProposalRepository } from '../infrastructure/proposal.repository';
import { Clock } from './clock';
import { ProposalEffects } from './proposal-effects';

export interface StorefrontEdit {
  productId: string;
  /** e.g. `name.zh`, `description.en`, `media`. */
  changed: readonly string[];
  /** What the product will show once the edit is written. */
  description: LocalizedStrings;
  imageUrls: readonly string[];
}

/**
 * An approved co-branded product edited on the storefront (the catalogue's updateProduct is
 * about to change its name, description or media) goes back for approval before the edit is
 * written, so it never goes live unseen: in one transaction under
 * the proposal's lock, the product comes off sale and is marked unapproved, and the proposal
 * becomes an amendment under review (STOREFRONT_EDIT) with a revision snapshotting what the
 * product will show and a note naming what changed. It waits in the museum's inbox; approval
 * lets it be published again, rejection keeps it blocked (CHANGE_REJECTED).
 */
@Injectable()
export class StorefrontEditsService {
  private readonly logger = new Logger(StorefrontEditsService.name);

  constructor(
    private readonly products: LicensedProductRepository,
    private readonly agreements: AgreementRepository,
    private readonly proposals: ProposalRepository,
    private readonly effects: ProposalEffects,
    private readonly clock: Clock,
  ) {}

  /** Does nothing for a product that is not co-branded, or when nothing of its text or images changed. */
  async productEdited(edit: StorefrontEdit, actor: Actor): Promise<void> {
    if (!edit.changed.length) return;
    const row = await this.products.findByProductId(edit.productId);
    const agreement = row ? await this.agreements.findById(row.agreementId) : null;
    if (!row || !agreement) return;
    await this.proposals.withLock(agreement.proposalId, async (tx, p) => {
      const t = transitionOf(p, 'STOREFRONT_EDIT');
      if (!t) {
        // Only an approved item has a product; a state without the move is logged, not hidden.
        this.logger.warn(`storefront edit of ${edit.productId}: proposal ${p.id} is ${p.status}; nothing to review`);
        return p;
      }
      const content = { ...p.content, concept: edit.description, imageUrls: [...edit.imageUrls] };
      const version = p.currentVersion + 1;
      const note = `Storefront edit of the product (${edit.changed.join(', ')}) by ${actor.role.toLowerCase().replace('_', ' ')}`;
      await this.proposals.addRevision(tx, { proposalId: p.id, version, stage: t.to.stage, content, note, authorUserId: actor.userId });
      const now = this.clock.now();
      await this.effects.delistForAmendment(tx, p, now);
      await this.effects.markStorefrontEdit(tx, edit.productId);
      return this.effects.record(
        tx,
        p,
        'STOREFRONT_EDIT',
        t,
        actor,
        { content, currentVersion: version, ...(await this.effects.startReviewClock(tx, p, version, now)) },
        { comment: note },
      );
    });
  }
}
