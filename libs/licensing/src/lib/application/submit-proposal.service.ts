import { Injectable } from '@nestjs/common';
import { ValidationError, type Actor } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { submissionProblems } from '../domain/proposal-content';
import { transition } from '../domain/proposal-workflow';
import { ProposalRepository, type ProposalRow } from '../infrastructure/proposal.repository';
import { assertMayFire, assertSeesProposal, found } from './access';
import { Clock } from './clock';
import { DraftProposalService, stale } from './draft-proposal.service';
import { ProposalEffects } from './proposal-effects';

/**
 * The brand sends the current revision to the museum for the current stage (starting the
 * review clock), or withdraws. Submitting needs a complete content; every missing field
 * comes back at once as VALIDATION_FAILED.
 */
@Injectable()
export class SubmitProposalService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly drafts: DraftProposalService,
    private readonly effects: ProposalEffects,
    private readonly clock: Clock,
  ) {}

  async submit(actor: Actor, id: string, expectedVersion?: number | null): Promise<ProposalRow> {
    const visible = assertSeesProposal(actor, isUuid(id) ? await this.proposals.findById(id) : null);
    assertMayFire(actor, visible, 'SUBMIT');
    const result = await this.proposals.withLock(visible.id, async (tx, p) => {
      if (expectedVersion != null && expectedVersion !== p.currentVersion) throw stale(p.currentVersion);
      const t = transition(p, 'SUBMIT');
      const problems = submissionProblems(p.content);
      if (problems.length) throw new ValidationError(problems.map((i) => ({ path: `content.${i.path}`, message: i.message })));
      await this.drafts.checkWorks(p.museumId, p.content, 'content');
      const now = this.clock.now();
      return this.effects.record(tx, p, 'SUBMIT', t, actor, await this.effects.startReviewClock(tx, p, p.currentVersion, now));
    });
    return found(result);
  }

  async withdraw(actor: Actor, id: string, reason?: string | null): Promise<ProposalRow> {
    const visible = assertSeesProposal(actor, isUuid(id) ? await this.proposals.findById(id) : null);
    assertMayFire(actor, visible, 'WITHDRAW');
    const comment = (reason ?? '').trim().slice(0, 2000);
    const result = await this.proposals.withLock(visible.id, async (tx, p) => {
      const t = transition(p, 'WITHDRAW');
      const restored = t.effects.includes('RESTORE_APPROVED_CONTENT') ? await this.effects.restoreApprovedContent(tx, p, actor) : {};
      return this.effects.record(tx, p, 'WITHDRAW', t, actor, { ...restored, reviewDueAt: null }, { comment });
    });
    return found(result);
  }
}
