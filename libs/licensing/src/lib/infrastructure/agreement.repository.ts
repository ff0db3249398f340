import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type Tx } from '@vitrine/shared/data-access';
import type { Channel } from '../domain/proposal-content';
import { isoDate, type IsoDate } from '../domain/periods';

export interface AgreementRow {
  id: string;
  proposalId: string;
  museumId: string;
  brandId: string;
  status: 'ACTIVE' | 'EXPIRED';
  royaltyRateBps: number;
  currency: string;
  minimumGuaranteeMinor: number;
  advanceMinor: number;
  territory: string[];
  channels: Channel[];
  termStart: IsoDate;
  termEnd: IsoDate;
  sellOffDays: number;
  sellOffEnd: IsoDate;
  approvedVersion: number;
  expiredAt: Date | null;
  createdAt: Date;
}

export type AgreementWrite = Omit<AgreementRow, 'id' | 'status' | 'expiredAt' | 'createdAt'>;

const agreementSelect = {
  id: true,
  proposalId: true,
  museumId: true,
  brandId: true,
  status: true,
  royaltyRateBps: true,
  currency: true,
  minimumGuaranteeMinor: true,
  advanceMinor: true,
  territory: true,
  channels: true,
  termStart: true,
  termEnd: true,
  sellOffDays: true,
  sellOffEnd: true,
  approvedVersion: true,
  expiredAt: true,
  createdAt: true,
} as const satisfies Prisma.LicenceAgreementSelect;

const asAgreement = (r: Prisma.LicenceAgreementGetPayload<{ select: typeof agreementSelect }>): AgreementRow => ({
  ...r,
  termStart: isoDate(r.termStart),
  termEnd: isoDate(r.termEnd),
  sellOffEnd: isoDate(r.sellOffEnd),
});
const day = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

export type AgreementScope = { brandId: string } | { museumIds: readonly string[] } | 'ALL';

@Injectable()
export class AgreementRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(tx: Tx, a: AgreementWrite): Promise<AgreementRow> {
    const row = await tx.licenceAgreement.create({
      data: { ...a, termStart: day(a.termStart), termEnd: day(a.termEnd), sellOffEnd: day(a.sellOffEnd) },
      select: agreementSelect,
    });
    return asAgreement(row);
  }

  async findById(id: string): Promise<AgreementRow | null> {
    const row = await this.prisma.licenceAgreement.findUnique({ where: { id }, select: agreementSelect });
    return row ? asAgreement(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<AgreementRow[]> {
    const rows = await this.prisma.licenceAgreement.findMany({ where: { id: { in: [...ids] } }, select: agreementSelect });
    return rows.map(asAgreement);
  }

  async findByProposalIds(proposalIds: readonly string[]): Promise<AgreementRow[]> {
    const rows = await this.prisma.licenceAgreement.findMany({ where: { proposalId: { in: [...proposalIds] } }, select: agreementSelect });
    return rows.map(asAgreement);
  }

  async findByProposalIn(tx: Tx, proposalId: string): Promise<AgreementRow | null> {
    const row = await tx.licenceAgreement.findUnique({ where: { proposalId }, select: agreementSelect });
    return row ? asAgreement(row) : null;
  }

  async list(q: { scope: AgreementScope; take: number; after: [string, string] | null }): Promise<{ rows: AgreementRow[]; total: number }> {
    const where: Prisma.LicenceAgreementWhereInput =
      q.scope === 'ALL' ? {} : 'brandId' in q.scope ? { brandId: q.scope.brandId } : { museumId: { in: [...q.scope.museumIds] } };
    const keyset: Prisma.LicenceAgreementWhereInput | null = q.after
      ? { OR: [{ createdAt: { lt: new Date(q.after[0]) } }, { createdAt: new Date(q.after[0]), id: { gt: q.after[1] } }] }
      : null;
    const [rows, total] = await Promise.all([
      this.prisma.licenceAgreement.findMany({
        where: keyset ? { AND: [where, keyset] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: q.take + 1,
        select: agreementSelect,
      }),
      this.prisma.licenceAgreement.count({ where }),
    ]);
    return { rows: rows.map(asAgreement), total };
  }

  /** Active agreements whose sell-off period ended before `today`. */
  async activePastSellOff(today: IsoDate, take: number): Promise<AgreementRow[]> {
    const rows = await this.prisma.licenceAgreement.findMany({
      where: { status: 'ACTIVE', sellOffEnd: { lt: day(today) } },
      orderBy: [{ sellOffEnd: 'asc' }, { id: 'asc' }],
      take,
      select: agreementSelect,
    });
    return rows.map(asAgreement);
  }

  /** Marks it expired if still active; false when another run got there first. */
  async expire(tx: Tx, id: string, at: Date): Promise<boolean> {
    const { count } = await tx.licenceAgreement.updateMany({ where: { id, status: 'ACTIVE' }, data: { status: 'EXPIRED', expiredAt: at } });
    return count === 1;
  }

  /** Runs `fn` under the agreement's row lock on its re-read state (null when it is gone). */
  withLock<T>(id: string, fn: (tx: Tx, current: AgreementRow) => Promise<T>): Promise<T | null> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM licence_agreements WHERE id = ${id}::uuid FOR UPDATE`;
      const row = await tx.licenceAgreement.findUnique({ where: { id }, select: agreementSelect });
      return row ? fn(tx, asAgreement(row)) : null;
    });
  }
}
