import { Injectable } from '@nestjs/common';
import { validate, type Actor } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { isUuid } from '../domain/ids';
import { LicensingError, LicensingErrorCode } from '../domain/licensing-error';
import { transition, type ProposalEvent } from '../domain/proposal-workflow';
import { ProposalRepository, type ProposalRow, type ProposalStateWrite } from '../infrastructure/proposal.repository';
import { assertMayFire, assertSeesProposal, found } from './access';
import { ProposalEffects } from './proposal-effects';

const reviewSchema = z
  .object({
    id: z.string(),
    decision: z.enum(['APPROVE', 'REJECT', 'REQUEST_CHANGES']),
    comment: z.string().trim().max(5000).nullish(),
    expectedVersion: z.number().int().min(1).nullish(),
  })
  .refine((r) => r.decision === 'APPROVE' || Boolean(r.comment), { path: ['comment'], message: 'is required to reject or request changes' });

/**
 * The museum decides on the submitted revision of the current stage. Final approval
 * creates the agreement and the draft co-branded product in the same transaction; one
 * decision per submission (two managers at once: the second gets STALE_REVISION).
 */
@Injectable()
export class ReviewProposalService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly effects: ProposalEffects,
  ) {}

  async review(actor: Actor, input: unknown): Promise<ProposalRow> {
    const v = validate(reviewSchema, input);
    const event: ProposalEvent = v.decision;
    const visible = assertSeesProposal(actor, isUuid(v.id) ? await this.proposals.findById(v.id) : null);
    assertMayFire(actor, visible, event);
    const result = await this.proposals.withLock(visible.id, async (tx, p) => {
      const t = transition(p, event);
      if (p.submittedVersion === null || (v.expectedVersion != null && v.expectedVersion !== p.submittedVersion)) {
        throw new LicensingError(LicensingErrorCode.STALE_REVISION, `The submitted revision is now ${p.submittedVersion}; reload it`, { currentVersion: p.submittedVersion });
      }
      await this.proposals.addReview(tx, {
        proposalId: p.id,
        submissionNo: p.submissionNo,
        stage: p.stage,
        revisionVersion: p.submittedVersion,
        decision: v.decision,
        comment: v.comment ?? '',
        reviewerUserId: actor.userId,
      });
      let data: ProposalStateWrite = { reviewDueAt: null };
      for (const effect of t.effects) {
        switch (effect) {
          case 'CREATE_AGREEMENT':
            await this.effects.createAgreement(tx, p, p.submittedVersion);
            data = { ...data, approvedVersion: p.submittedVersion };
            break;
          case 'APPLY_AMENDMENT':
            await this.effects.applyAmendment(tx, p);
            data = { ...data, approvedVersion: p.submittedVersion };
            break;
          case 'RESTORE_APPROVED_CONTENT':
            data = { ...data, ...(await this.effects.restoreApprovedContent(tx, p, actor)) };
            break;
          case 'STOP_REVIEW_CLOCK':
          case 'START_REVIEW_CLOCK':
          case 'SNAPSHOT_REVISION':
          case 'DELIST_PRODUCT':
          case 'MARK_STOREFRONT_EDIT':
            break;
        }
      }
      return this.effects.record(tx, p, event, t, actor, data, { revisionVersion: p.submittedVersion, comment: v.comment ?? '' });
    });
    return found(result);
  }
}
