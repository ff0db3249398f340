import { Injectable } from '@nestjs/common';
import type { Tx } from '@vitrine/shared/data-access';
import { ForbiddenError, ValidationError, validate, type Actor } from '@vitrine/shared/kernel';
import { z } from 'zod';
import { isUuid } from '../domain/ids';
import { LicensingError, LicensingErrorCode } from '../domain/licensing-error';
import { AMENDABLE_KEYS, applyPatch, changedKeys, contentPatchSchema, submissionProblems, type ProposalContent } from '../domain/proposal-content';
import { transition } from '../domain/proposal-workflow';
import { DirectoryRepository } from '../infrastructure/directory.repository';
import { ProposalRepository, type ProposalRow } from '../infrastructure/proposal.repository';
import { assertMayFire, assertSeesProposal, found } from './access';
import { BrowseLicensableWorksService } from './browse-licensable-works.service';
import { Clock } from './clock';
import { ProposalEffects } from './proposal-effects';

const createSchema = z.object({ museumId: z.string(), content: z.unknown().optional() });
const reviseSchema = z.object({
  id: z.string(),
  expectedVersion: z.number().int().min(1).nullish(),
  note: z.string().trim().max(2000).nullish(),
  content: z.unknown(),
});

/**
 * A brand's drafts: creating one, and revising the working copy (every change is a new
 * revision). Revising an approved item is an amendment: only its text and images may
 * change, and it goes straight back to the museum for approval.
 */
@Injectable()
export class DraftProposalService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly directory: DirectoryRepository,
    private readonly browse: BrowseLicensableWorksService,
    private readonly effects: ProposalEffects,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: unknown): Promise<ProposalRow> {
    const v = validate(createSchema, input);
    const patch = validate(contentPatchSchema, v.content ?? {}, 'input.content');
    if (actor.role !== 'BRAND_PARTNER' || !actor.brandId) throw new ForbiddenError('Only a brand partner may propose');
    await this.browse.museumOffering(actor, v.museumId);
    const content = applyPatch({}, patch);
    await this.checkWorks(v.museumId, content);
    return this.proposals.create({ museumId: v.museumId, brandId: actor.brandId, content, authorUserId: actor.userId, actorRole: actor.role });
  }

  async revise(actor: Actor, input: unknown): Promise<ProposalRow> {
    const v = validate(reviseSchema, input);
    const patch = validate(contentPatchSchema, v.content ?? {}, 'input.content');
    const visible = assertSeesProposal(actor, isUuid(v.id) ? await this.proposals.findById(v.id) : null);
    assertMayFire(actor, visible, 'REVISE');
    const result = await this.proposals.withLock(visible.id, async (tx, p) => {
      if (v.expectedVersion != null && v.expectedVersion !== p.currentVersion) throw stale(p.currentVersion);
      const event = p.status === 'APPROVED' ? 'AMEND' : 'REVISE';
      const t = transition(p, event);
      const next = applyPatch(p.content, patch);
      if (!changedKeys(p.content, next).length) return p;
      if (event === 'AMEND' || p.amendment) await this.assertOnlyAmendable(tx, p, next);
      if (event === 'AMEND') {
        const problems = submissionProblems(next);
        if (problems.length) throw new ValidationError(problems.map((i) => ({ path: `input.content.${i.path}`, message: i.message })));
      }
      await this.checkWorks(p.museumId, next);
      const version = p.currentVersion + 1;
      await this.proposals.addRevision(tx, { proposalId: p.id, version, stage: t.to.stage, content: next, note: v.note ?? '', authorUserId: actor.userId });
      const now = this.clock.now();
      if (event === 'REVISE') return this.effects.record(tx, p, event, t, actor, { content: next, currentVersion: version }, { comment: v.note ?? '' });
      await this.effects.delistForAmendment(tx, p, now);
      return this.effects.record(
        tx,
        p,
        event,
        t,
        actor,
        { content: next, currentVersion: version, ...(await this.effects.startReviewClock(tx, p, version, now)) },
        { comment: v.note ?? '' },
      );
    });
    return found(result);
  }

  /** After final approval, only text and images may differ from the approved revision. */
  private async assertOnlyAmendable(tx: Tx, p: ProposalRow, next: ProposalContent): Promise<void> {
    const approved = p.approvedVersion ? await this.proposals.revisionIn(tx, p.id, p.approvedVersion) : null;
    const locked = changedKeys(approved?.content ?? p.content, next).filter((k) => !AMENDABLE_KEYS.includes(k));
    if (locked.length) {
      throw new LicensingError(LicensingErrorCode.AGREEMENT_TERMS_LOCKED, `The agreement fixes ${locked.join(', ')}; only the item's text and images may change`, {
        fields: locked.map((k) => ({ path: `input.content.${k}`, message: 'is fixed by the agreement' })),
      });
    }
  }

  /** Credited works must be licensable works of the proposal's museum. */
  async checkWorks(museumId: string, content: ProposalContent, root = 'input.content'): Promise<void> {
    const ids = content.artworkIds ?? [];
    if (!ids.length) return;
    const works = await this.directory.artworks(ids);
    const ok = new Set(works.filter((w) => w.museumId === museumId && w.licensable).map((w) => w.id));
    const issues = ids.flatMap((id, i) => (ok.has(id) ? [] : [{ path: `${root}.artworkIds.${i}`, message: 'names no licensable work of this museum' }]));
    if (issues.length) throw new ValidationError(issues);
  }
}

export function stale(currentVersion: number): LicensingError {
  return new LicensingError(LicensingErrorCode.STALE_REVISION, `The proposal has moved on to revision ${currentVersion}; reload it`, { currentVersion });
}
