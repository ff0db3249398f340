import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError, type Actor } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import type { ProposalStage, ProposalStatus } from '../domain/proposal-workflow';
import { diffContents, type FieldChange } from '../domain/revision-diff';
import { AgreementRepository, type AgreementRow } from '../infrastructure/agreement.repository';
import { ProposalRepository, type EventRow, type ProposalRow, type ReviewRow, type RevisionRow } from '../infrastructure/proposal.repository';
import { assertSeesProposal, scopeOf } from './access';

const EMPTY = { rows: [] as ProposalRow[], total: 0 };

/** Reading proposals: lists scoped to the caller, the museum's inbox, one proposal, and revision diffs. */
@Injectable()
export class ProposalQueriesService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly agreements: AgreementRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<ProposalRow> {
    return assertSeesProposal(actor, isUuid(id) ? await this.proposals.findById(id) : null);
  }

  /** The caller's proposals: a brand's own (drafts included), a museum's submitted ones, all for an operator. */
  list(actor: Actor, q: { status?: ProposalStatus | null; stage?: ProposalStage | null; museumId?: string | null; take: number; after: [string, string] | null }) {
    const scope = scopeOf(actor);
    if (!scope || (q.museumId && !isUuid(q.museumId))) return Promise.resolve(EMPTY);
    return this.proposals.list({ ...q, scope });
  }

  /** A museum's review inbox: by default what awaits its decision, soonest due first. */
  inbox(actor: Actor, q: { museumId: string; statuses?: ProposalStatus[] | null; stage?: ProposalStage | null; take: number; after: [string | null, string] | null }) {
    const manages = actor.role === 'PLATFORM_ADMIN' || (actor.role === 'MUSEUM_MANAGER' && actor.museumIds.includes(q.museumId));
    if (!isUuid(q.museumId) || !manages) throw new NotFoundError('Museum');
    return this.proposals.inbox({ museumId: q.museumId, statuses: q.statuses?.length ? q.statuses : ['SUBMITTED'], stage: q.stage ?? null, take: q.take, after: q.after });
  }

  /** Field-level differences between two revisions of a proposal the caller sees. */
  async diff(actor: Actor, id: string, fromVersion: number, toVersion: number): Promise<FieldChange[]> {
    const p = await this.get(actor, id);
    const revisions = await this.proposals.revisions(p.id, [fromVersion, toVersion]);
    const from = revisions.find((r) => r.version === fromVersion);
    const to = revisions.find((r) => r.version === toVersion);
    const issues = [
      ...(from ? [] : [{ path: 'fromVersion', message: `no revision ${fromVersion}` }]),
      ...(to ? [] : [{ path: 'toVersion', message: `no revision ${toVersion}` }]),
    ];
    if (issues.length) throw new ValidationError(issues);
    return diffContents(from!.content, to!.content);
  }

  // Batch reads for field resolvers; the parent proposals were already authorized.
  revisionsOf(ids: readonly string[]): Promise<RevisionRow[]> {
    return this.proposals.revisionsOf(ids);
  }
  reviewsOf(ids: readonly string[]): Promise<ReviewRow[]> {
    return this.proposals.reviewsOf(ids);
  }
  eventsOf(ids: readonly string[]): Promise<EventRow[]> {
    return this.proposals.eventsOf(ids);
  }
  agreementsOf(proposalIds: readonly string[]): Promise<AgreementRow[]> {
    return this.agreements.findByProposalIds(proposalIds);
  }
}
