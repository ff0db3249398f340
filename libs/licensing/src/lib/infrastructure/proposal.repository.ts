import { Injectable } from '@nestjs/common';
import { PrismaService, isUniqueViolation, type Prisma, type Tx } from '@vitrine/shared/data-access';
import { LicensingError, LicensingErrorCode } from '../domain/licensing-error';
import type { ProposalContent } from '../domain/proposal-content';
import type { ProposalStage, ProposalStatus } from '../domain/proposal-workflow';

export interface ProposalRow {
  id: string;
  museumId: string;
  brandId: string;
  status: ProposalStatus;
  stage: ProposalStage;
  amendment: boolean;
  content: ProposalContent;
  currentVersion: number;
  submittedVersion: number | null;
  approvedVersion: number | null;
  submissionNo: number;
  submittedAt: Date | null;
  firstSubmittedAt: Date | null;
  reviewDueAt: Date | null;
  createdByUserId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface RevisionRow {
  proposalId: string;
  version: number;
  stage: ProposalStage;
  content: ProposalContent;
  note: string;
  authorUserId: string;
  createdAt: Date;
}

export interface ReviewRow {
  id: string;
  proposalId: string;
  submissionNo: number;
  stage: ProposalStage;
  revisionVersion: number;
  decision: 'APPROVE' | 'REJECT' | 'REQUEST_CHANGES';
  comment: string;
  reviewerUserId: string;
  createdAt: Date;
}

export interface EventRow {
  id: bigint;
  proposalId: string;
  event: string;
  fromStatus: ProposalStatus | null;
  toStatus: ProposalStatus;
  fromStage: ProposalStage | null;
  toStage: ProposalStage;
  revisionVersion: number | null;
  comment: string;
  actorUserId: string | null;
  actorRole: string;
  createdAt: Date;
}

export type EventWrite = Omit<EventRow, 'id' | 'createdAt'>;

const proposalSelect = {
  id: true,
  museumId: true,
  brandId: true,
  status: true,
  stage: true,
  amendment: true,
  content: true,
  currentVersion: true,
  submittedVersion: true,
  approvedVersion: true,
  submissionNo: true,
  submittedAt: true,
  firstSubmittedAt: true,
  reviewDueAt: true,
  createdByUserId: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.LicensingProposalSelect;

const revisionSelect = {
  proposalId: true,
  version: true,
  stage: true,
  content: true,
  note: true,
  authorUserId: true,
  createdAt: true,
} as const satisfies Prisma.LicensingProposalRevisionSelect;

const reviewSelect = {
  id: true,
  proposalId: true,
  submissionNo: true,
  stage: true,
  revisionVersion: true,
  decision: true,
  comment: true,
  reviewerUserId: true,
  createdAt: true,
} as const satisfies Prisma.LicensingReviewSelect;

const eventSelect = {
  id: true,
  proposalId: true,
  event: true,
  fromStatus: true,
  toStatus: true,
  fromStage: true,
  toStage: true,
  revisionVersion: true,
  comment: true,
  actorUserId: true,
  actorRole: true,
  createdAt: true,
} as const satisfies Prisma.LicensingProposalEventSelect;

const asProposal = (r: Prisma.LicensingProposalGetPayload<{ select: typeof proposalSelect }>): ProposalRow => ({ ...r, content: r.content as ProposalContent });
const asRevision = (r: Prisma.LicensingProposalRevisionGetPayload<{ select: typeof revisionSelect }>): RevisionRow => ({ ...r, content: r.content as ProposalContent });
const json = (c: ProposalContent) => c as unknown as Prisma.InputJsonValue;

/** Who may be listed: a brand's own, a museum's submitted ones, or all (operator). */
export type ProposalScope = { brandId: string } | { museumIds: readonly string[] } | 'ALL';

export type ProposalStateWrite = Partial<
  Pick<ProposalRow, 'status' | 'stage' | 'amendment' | 'content' | 'currentVersion' | 'submittedVersion' | 'approvedVersion' | 'submissionNo' | 'submittedAt' | 'firstSubmittedAt' | 'reviewDueAt'>
>;

@Injectable()
export class ProposalRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A new draft with its first revision and history entry, atomically. */
  async create(data: { museumId: string; brandId: string; content: ProposalContent; authorUserId: string; actorRole: string }): Promise<ProposalRow> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.licensingProposal.create({
        data: { museumId: data.museumId, brandId: data.brandId, content: json(data.content), createdByUserId: data.authorUserId },
        select: proposalSelect,
      });
      await tx.licensingProposalRevision.create({
        data: { proposalId: row.id, version: 1, stage: 'CONCEPT', content: json(data.content), authorUserId: data.authorUserId },
      });
      await this.addEvent(tx, {
        proposalId: row.id,
        event: 'CREATE',
        fromStatus: null,
        toStatus: 'DRAFT',
        fromStage: null,
        toStage: 'CONCEPT',
        revisionVersion: 1,
        comment: '',
        actorUserId: data.authorUserId,
        actorRole: data.actorRole,
      });
      return asProposal(row);
    });
  }

  async findById(id: string): Promise<ProposalRow | null> {
    const row = await this.prisma.licensingProposal.findUnique({ where: { id }, select: proposalSelect });
    return row ? asProposal(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<ProposalRow[]> {
    const rows = await this.prisma.licensingProposal.findMany({ where: { id: { in: [...ids] } }, select: proposalSelect });
    return rows.map(asProposal);
  }

  /**
   * Runs `fn` in a transaction holding the proposal's row lock, on the state re-read under
   * that lock: concurrent moves on one proposal are serialized, never interleaved.
   */
  async withLock<T>(id: string, fn: (tx: Tx, current: ProposalRow) => Promise<T>): Promise<T | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM licensing_proposals WHERE id = ${id}::uuid FOR UPDATE`;
      if (!locked.length) return null;
      const row = await tx.licensingProposal.findUniqueOrThrow({ where: { id }, select: proposalSelect });
      return fn(tx, asProposal(row));
    });
  }

  async update(tx: Tx, id: string, data: ProposalStateWrite): Promise<ProposalRow> {
    const { content, ...rest } = data;
    const row = await tx.licensingProposal.update({
      where: { id },
      data: { ...rest, ...(content ? { content: json(content) } : {}), updatedAt: new Date() },
      select: proposalSelect,
    });
    return asProposal(row);
  }

  async addRevision(tx: Tx, r: Omit<RevisionRow, 'createdAt'>): Promise<void> {
    await tx.licensingProposalRevision.create({
      data: { proposalId: r.proposalId, version: r.version, stage: r.stage, content: json(r.content), note: r.note, authorUserId: r.authorUserId },
    });
  }

  async revisionIn(tx: Tx, proposalId: string, version: number): Promise<RevisionRow | null> {
    const row = await tx.licensingProposalRevision.findUnique({ where: { proposalId_version: { proposalId, version } }, select: revisionSelect });
    return row ? asRevision(row) : null;
  }

  /** One decision per submission: a second concurrent decision is a conflict, not a second review. */
  async addReview(tx: Tx, r: Omit<ReviewRow, 'id' | 'createdAt'>): Promise<void> {
    try {
      await tx.licensingReview.create({ data: r, select: { id: true } });
    } catch (e) {
      if (isUniqueViolation(e)) throw new LicensingError(LicensingErrorCode.STALE_REVISION, 'This submission has already been reviewed', { submissionNo: r.submissionNo });
      throw e;
    }
  }

  async addEvent(tx: Tx, e: EventWrite): Promise<void> {
    await tx.licensingProposalEvent.create({ data: e, select: { id: true } });
  }

  async list(q: {
    scope: ProposalScope;
    status?: ProposalStatus | null;
    stage?: ProposalStage | null;
    museumId?: string | null;
    take: number;
    after: [string, string] | null;
  }): Promise<{ rows: ProposalRow[]; total: number }> {
    const and: Prisma.LicensingProposalWhereInput[] = [];
    if (q.scope !== 'ALL') {
      if ('brandId' in q.scope) and.push({ brandId: q.scope.brandId });
      else and.push({ museumId: { in: [...q.scope.museumIds] }, firstSubmittedAt: { not: null } });
    }
    if (q.status) and.push({ status: q.status });
    if (q.stage) and.push({ stage: q.stage });
    if (q.museumId) and.push({ museumId: q.museumId });
    const keyset: Prisma.LicensingProposalWhereInput[] = q.after
      ? [{ OR: [{ updatedAt: { lt: new Date(q.after[0]) } }, { updatedAt: new Date(q.after[0]), id: { gt: q.after[1] } }] }]
      : [];
    const [rows, total] = await Promise.all([
      this.prisma.licensingProposal.findMany({
        where: { AND: [...and, ...keyset] },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: q.take + 1,
        select: proposalSelect,
      }),
      this.prisma.licensingProposal.count({ where: { AND: and } }),
    ]);
    return { rows: rows.map(asProposal), total };
  }

  /** A museum's inbox: proposals it has been sent, soonest review due first (undated last). */
  async inbox(q: {
    museumId: string;
    statuses: readonly ProposalStatus[];
    stage: ProposalStage | null;
    take: number;
    after: [string | null, string] | null;
  }): Promise<{ rows: ProposalRow[]; total: number }> {
    const base: Prisma.LicensingProposalWhereInput = {
      museumId: q.museumId,
      firstSubmittedAt: { not: null },
      status: { in: [...q.statuses] },
      ...(q.stage ? { stage: q.stage } : {}),
    };
    let keyset: Prisma.LicensingProposalWhereInput | null = null;
    if (q.after) {
      const [due, id] = q.after;
      keyset = due
        ? { OR: [{ reviewDueAt: { gt: new Date(due) } }, { reviewDueAt: new Date(due), id: { gt: id } }, { reviewDueAt: null }] }
        : { reviewDueAt: null, id: { gt: id } };
    }
    const [rows, total] = await Promise.all([
      this.prisma.licensingProposal.findMany({
        where: keyset ? { AND: [base, keyset] } : base,
        orderBy: [{ reviewDueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        take: q.take + 1,
        select: proposalSelect,
      }),
      this.prisma.licensingProposal.count({ where: base }),
    ]);
    return { rows: rows.map(asProposal), total };
  }

  async revisionsOf(proposalIds: readonly string[]): Promise<RevisionRow[]> {
    const rows = await this.prisma.licensingProposalRevision.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      orderBy: [{ proposalId: 'asc' }, { version: 'asc' }],
      select: revisionSelect,
    });
    return rows.map(asRevision);
  }

  async revisions(proposalId: string, versions: readonly number[]): Promise<RevisionRow[]> {
    const rows = await this.prisma.licensingProposalRevision.findMany({ where: { proposalId, version: { in: [...versions] } }, select: revisionSelect });
    return rows.map(asRevision);
  }

  reviewsOf(proposalIds: readonly string[]): Promise<ReviewRow[]> {
    return this.prisma.licensingReview.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      orderBy: [{ proposalId: 'asc' }, { submissionNo: 'asc' }],
      select: reviewSelect,
    });
  }

  eventsOf(proposalIds: readonly string[]): Promise<EventRow[]> {
    return this.prisma.licensingProposalEvent.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      orderBy: [{ proposalId: 'asc' }, { id: 'asc' }],
      select: eventSelect,
    });
  }

  /**
   * Submissions awaiting a decision, due before `before`, that have no notice with the key
   * `<prefix>:<proposal>:<submission>` yet (so a sweep never re-reads what it already did).
   */
  dueWithoutNotice(before: Date, prefix: string, take: number): Promise<DueReview[]> {
    return this.prisma.$queryRaw<DueReview[]>`
      SELECT p.id::text AS id, p.museum_id::text AS "museumId", p.brand_id::text AS "brandId", p.stage,
             p.submission_no AS "submissionNo", p.review_due_at AS "reviewDueAt"
        FROM licensing_proposals p
       WHERE p.status = 'SUBMITTED' AND p.review_due_at <= ${before}
         AND NOT EXISTS (SELECT 1 FROM licensing_notifications n
                          WHERE n.dedupe_key = ${prefix} || ':' || p.id::text || ':' || p.submission_no::text)
       ORDER BY p.review_due_at, p.id
       LIMIT ${take}`;
  }
}

export interface DueReview {
  id: string;
  museumId: string;
  brandId: string;
  stage: ProposalStage;
  submissionNo: number;
  reviewDueAt: Date;
}
