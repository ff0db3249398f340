import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@vitrine/shared/data-access';

export interface NotificationRow {
  id: string;
  museumId: string | null;
  brandId: string | null;
  proposalId: string | null;
  kind: string;
  dedupeKey: string;
  message: string;
  dueAt: Date | null;
  readAt: Date | null;
  createdAt: Date;
}

export type NotificationWrite = Omit<NotificationRow, 'id' | 'readAt' | 'createdAt'>;

const notificationSelect = {
  id: true,
  museumId: true,
  brandId: true,
  proposalId: true,
  kind: true,
  dedupeKey: true,
  message: true,
  dueAt: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.LicensingNotificationSelect;

export type NotificationScope = { brandId: string } | { museumIds: readonly string[] } | 'ALL';

const scopeWhere = (scope: NotificationScope): Prisma.LicensingNotificationWhereInput =>
  scope === 'ALL' ? {} : 'brandId' in scope ? { brandId: scope.brandId } : { museumId: { in: [...scope.museumIds] } };

@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Creates it unless its dedupe key exists; true when this call created it. */
  async createOnce(n: NotificationWrite): Promise<boolean> {
    const { count } = await this.prisma.licensingNotification.createMany({ data: [n], skipDuplicates: true });
    return count === 1;
  }

  async list(q: { scope: NotificationScope; unreadOnly: boolean; take: number; after: [string, string] | null }): Promise<{ rows: NotificationRow[]; total: number }> {
    const where: Prisma.LicensingNotificationWhereInput = { ...scopeWhere(q.scope), ...(q.unreadOnly ? { readAt: null } : {}) };
    const keyset: Prisma.LicensingNotificationWhereInput | null = q.after
      ? { OR: [{ createdAt: { lt: new Date(q.after[0]) } }, { createdAt: new Date(q.after[0]), id: { gt: q.after[1] } }] }
      : null;
    const [rows, total] = await Promise.all([
      this.prisma.licensingNotification.findMany({
        where: keyset ? { AND: [where, keyset] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: q.take + 1,
        select: notificationSelect,
      }),
      this.prisma.licensingNotification.count({ where }),
    ]);
    return { rows, total };
  }

  /** Marks it read when it is in the caller's scope; null when it is not (or does not exist). */
  async markRead(id: string, scope: NotificationScope, at: Date): Promise<NotificationRow | null> {
    await this.prisma.licensingNotification.updateMany({ where: { id, readAt: null, ...scopeWhere(scope) }, data: { readAt: at } });
    return this.prisma.licensingNotification.findFirst({ where: { id, ...scopeWhere(scope) }, select: notificationSelect });
  }
}
