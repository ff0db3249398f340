import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, PageArgs, Roles, byKeys, decodeCursor, groupByKeys, pageSize, type Actor, type RequestContext } from '@vitrine/shared/graphql';
import { ValidationError } from '@vitrine/shared/kernel';
import { isUuid } from '../domain/ids';
import { submissionProblems } from '../domain/proposal-content';
import { allowedEvents, type ProposalStage, type ProposalStatus } from '../domain/proposal-workflow';
import { partyOf } from '../application/access';
import { BrowseLicensableWorksService } from '../application/browse-licensable-works.service';
import { DraftProposalService } from '../application/draft-proposal.service';
import { ProposalQueriesService } from '../application/proposal-queries.service';
import { ReviewProposalService } from '../application/review-proposal.service';
import { SubmitProposalService } from '../application/submit-proposal.service';
import type { AgreementRow } from '../infrastructure/agreement.repository';
import type { LicensableArtworkRow } from '../infrastructure/directory.repository';
import type { EventRow, ReviewRow, RevisionRow } from '../infrastructure/proposal.repository';
import { loadBrandName, loadMuseum } from './directory.loaders';
import { isTime, keyCursor, pageOf } from './paging';
import { toAgreement, toArtwork, toContent, toPatch, toProposal, workflowErrorResult } from './licensing.mappers';
import {
  CreateProposalInput,
  FieldChangeType,
  LicenceAgreementType,
  LicensableArtworkType,
  LicensingMuseumType,
  ProposalActionGql,
  ProposalFilter,
  ProposalHistoryEntryType,
  ProposalPage,
  ProposalResult,
  ProposalReviewType,
  ProposalRevisionType,
  ProposalStageGql,
  ProposalStatusGql,
  ProposalType,
  ReviewProposalInput,
  ReviseProposalInput,
  SubmissionProblemType,
} from './licensing.types';


const PROPOSAL_ROLES = ['PLATFORM_ADMIN', 'MUSEUM_MANAGER', 'BRAND_PARTNER'] as const;

@Resolver(() => ProposalType)
export class ProposalsResolver {
  constructor(
    private readonly queries: ProposalQueriesService,
    private readonly drafts: DraftProposalService,
    private readonly submissions: SubmitProposalService,
    private readonly reviews: ReviewProposalService,
    private readonly browse: BrowseLicensableWorksService,
  ) {}

  @Roles(...PROPOSAL_ROLES)
  @Query(() => ProposalPage, { description: 'A brand’s own proposals (drafts included), a museum’s submitted ones, all for an operator; newest change first.' })
  async proposals(@CurrentActor() actor: Actor, @Args() args: PageArgs, @Args('filter', { type: () => ProposalFilter, nullable: true }) filter?: ProposalFilter) {
    const take = pageSize(args.first);
    const { rows, total } = await this.queries.list(actor, { ...filter, take, after: keyCursor(args.after, isTime) });
    return pageOf(rows, take, total, (p) => [p.updatedAt.toISOString(), p.id], toProposal);
  }

  @Roles('PLATFORM_ADMIN', 'MUSEUM_MANAGER')
  @Query(() => ProposalPage, { description: 'A museum’s review inbox, soonest due first; by default what awaits a decision.' })
  async proposalInbox(
    @CurrentActor() actor: Actor,
    @Args('museumId', { type: () => ID }) museumId: string,
    @Args() args: PageArgs,
    @Args('statuses', { type: () => [ProposalStatusGql], nullable: true }) statuses?: ProposalStatusGql[],
    @Args('stage', { type: () => ProposalStageGql, nullable: true, description: 'Only proposals at this stage.' }) stage?: ProposalStageGql | null,
  ) {
    const take = pageSize(args.first);
    const v = decodeCursor(args.after, 2);
    if (v && ((v[0] !== null && (typeof v[0] !== 'string' || Number.isNaN(Date.parse(v[0])))) || !isUuid(v[1]))) {
      throw new ValidationError([{ path: 'after', message: 'is not a valid cursor' }]);
    }
    const { rows, total } = await this.queries.inbox(actor, {
      museumId,
      statuses: statuses as ProposalStatus[] | undefined,
      stage: stage as ProposalStage | null | undefined,
      take,
      after: v ? [v[0] as string | null, v[1] as string] : null,
    });
    return pageOf(rows, take, total, (p) => [p.reviewDueAt?.toISOString() ?? null, p.id], toProposal);
  }

  @Roles(...PROPOSAL_ROLES)
  @Query(() => ProposalType)
  async proposal(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return toProposal(await this.queries.get(actor, id));
  }

  @Roles(...PROPOSAL_ROLES)
  @Query(() => [FieldChangeType], { description: 'Field-level differences between two revisions of a proposal.' })
  proposalDiff(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ) {
    return this.queries.diff(actor, id, fromVersion, toVersion);
  }

  @Roles('BRAND_PARTNER')
  @Mutation(() => ProposalType, { description: 'A brand starts a draft proposal to a museum offering licensing.' })
  async createProposal(@CurrentActor() actor: Actor, @Args('input') input: CreateProposalInput) {
    return toProposal(await this.drafts.create(actor, { museumId: input.museumId, content: toPatch(input.content) }));
  }

  @Roles(...PROPOSAL_ROLES)
  @Mutation(() => ProposalResult, { description: 'The brand edits the working copy (a new revision); on an approved item, an amendment that goes back to review.' })
  async reviseProposal(@CurrentActor() actor: Actor, @Args('input') input: ReviseProposalInput) {
    try {
      return toProposal(await this.drafts.revise(actor, { ...input, content: toPatch(input.content) }));
    } catch (e) {
      return workflowErrorResult(e);
    }
  }

  @Roles(...PROPOSAL_ROLES)
  @Mutation(() => ProposalResult, { description: 'The brand submits the current revision for the current stage.' })
  async submitProposal(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int, nullable: true }) expectedVersion?: number,
  ) {
    try {
      return toProposal(await this.submissions.submit(actor, id, expectedVersion));
    } catch (e) {
      return workflowErrorResult(e);
    }
  }

  @Roles(...PROPOSAL_ROLES)
  @Mutation(() => ProposalResult, { description: 'The museum approves, rejects or requests changes on the submitted revision.' })
  async reviewProposal(@CurrentActor() actor: Actor, @Args('input') input: ReviewProposalInput) {
    try {
      return toProposal(await this.reviews.review(actor, input));
    } catch (e) {
      return workflowErrorResult(e);
    }
  }

  @Roles(...PROPOSAL_ROLES)
  @Mutation(() => ProposalResult, { description: 'The brand withdraws (an amendment under review: back to the approved item).' })
  async withdrawProposal(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ) {
    try {
      return toProposal(await this.submissions.withdraw(actor, id, reason));
    } catch (e) {
      return workflowErrorResult(e);
    }
  }

  // ---- fields (parents are proposals the caller may see) ----

  @ResolveField(() => [ProposalActionGql], { description: 'Moves the caller may make now.' })
  allowedActions(@Parent() p: ProposalType, @CurrentActor() actor: Actor) {
    const party = actor ? partyOf(actor, p) : null;
    return party ? allowedEvents({ status: p.status, stage: p.stage, amendment: p.amendment }, party) : [];
  }

  @ResolveField(() => [SubmissionProblemType], { description: 'What is missing or wrong before the working copy can be submitted.' })
  async submissionProblems(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    const revision = await this.revisionLoader(ctx).load(p.id);
    const current = revision.find((r) => r.version === p.currentVersion);
    return current ? submissionProblems(current.content) : [];
  }

  @ResolveField(() => [ProposalRevisionType], { description: 'Every revision, oldest first.' })
  async revisions(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    const rows = await this.revisionLoader(ctx).load(p.id);
    return rows.map((r) => ({ version: r.version, stage: r.stage, content: toContent(r.content), note: r.note, createdAt: r.createdAt }));
  }

  @ResolveField(() => [ProposalReviewType], { description: 'The museum’s decisions, oldest first.' })
  async reviewHistory(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    return ctx.loaders.get<string, ReviewRow[]>('licensing.reviews', async (ids) => groupByKeys(ids, await this.queries.reviewsOf(ids), (r) => r.proposalId)).load(p.id);
  }

  @ResolveField(() => [ProposalHistoryEntryType], { description: 'Every move of the proposal, oldest first.' })
  async history(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    return ctx.loaders.get<string, EventRow[]>('licensing.events', async (ids) => groupByKeys(ids, await this.queries.eventsOf(ids), (e) => e.proposalId)).load(p.id);
  }

  @ResolveField(() => LicenceAgreementType, { nullable: true, description: 'Created at final approval.' })
  async agreement(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    const row = await ctx.loaders
      .get<string, AgreementRow | null>('licensing.agreementByProposal', async (ids) => byKeys(ids, await this.queries.agreementsOf(ids), (a) => a.proposalId))
      .load(p.id);
    return row ? toAgreement(row) : null;
  }

  @ResolveField(() => LicensingMuseumType, { nullable: true })
  museum(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    return loadMuseum(ctx, this.browse, p.museumId);
  }

  @ResolveField(() => String, { nullable: true })
  brandName(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    return loadBrandName(ctx, this.browse, p.brandId);
  }

  @ResolveField(() => [LicensableArtworkType], { description: 'The works the working copy uses.' })
  async artworks(@Parent() p: ProposalType, @Context() ctx: RequestContext) {
    const ids = p.content.artworkIds ?? [];
    const rows = await ctx.loaders
      .get<string, LicensableArtworkRow | null>('licensing.artworks', async (keys) => byKeys(keys, await this.browse.artworksByIds(keys), (a) => a.id))
      .loadMany(ids);
    return rows.filter((r): r is LicensableArtworkRow => Boolean(r) && !(r instanceof Error) && r!.museumId === p.museumId).map(toArtwork);
  }

  private revisionLoader(ctx: RequestContext) {
    return ctx.loaders.get<string, RevisionRow[]>('licensing.revisions', async (ids) => groupByKeys(ids, await this.queries.revisionsOf(ids), (r) => r.proposalId));
  }
}
