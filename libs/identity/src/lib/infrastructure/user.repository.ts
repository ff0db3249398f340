import { Injectable } from '@nestjs/common';
import { PrivacyWritePort } from '@vitrine/customs';
import { BrandsPort } from '@vitrine/storefronts';
import { PrismaService, isUniqueViolation, type Role } from '@vitrine/shared/data-access';
import { ConflictError } from '@vitrine/shared/kernel';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  brandId: string | null;
  museumIds: string[];
  disabled: boolean;
  createdAt: Date;
}

const userSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  brandId: true,
  disabledAt: true,
  createdAt: true,
  memberships: { select: { museumId: true } },
} as const;

type UserRow = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  brandId: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  memberships: { museumId: string }[];
};

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    brandId: row.brandId,
    museumIds: row.memberships.map((m) => m.museumId),
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt,
  };
}

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findCredentials(email: string): Promise<(UserRecord & { passwordHash: string }) | null> {
    const row = await this.prisma.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
    return row ? { ...toRecord(row), passwordHash: row.passwordHash } : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const row = await this.prisma.user.findUnique({ where: { id }, select: userSelect });
    return row ? toRecord(row) : null;
  }

  async list(args: { take: number; afterEmail?: string; role?: Role; search?: string }): Promise<{ rows: UserRecord[]; total: number }> {
    const where = {
      ...(args.role ? { role: args.role } : {}),
      ...(args.search ? { email: { contains: args.search.toLowerCase() } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({
        where: { ...where, ...(args.afterEmail ? { email: { ...(where.email ?? {}), gt: args.afterEmail } } : {}) },
        orderBy: { email: 'asc' },
        take: args.take + 1,
        select: userSelect,
      }),
      this.prisma.user.count({ where }),
    ]);
    return { rows: rows.map(toRecord), total };
  }

  async create(data: {
    email: string;
    passwordHash: string;
    displayName: string;
    role: Role;
    brandId: string | null;
    museumIds: string[];
  }): Promise<UserRecord> {
    try {
      const row = await this.prisma.user.create({
        data: {
          email: data.email,
          passwordHash: data.passwordHash,
          displayName: data.displayName,
          role: data.role,
          brandId: data.brandId,
          memberships: { create: data.museumIds.map((museumId) => ({ museumId })) },
        },
        select: userSelect,
      });
      return toRecord(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('A user with this email exists', { field: 'input.email' });
      throw e;
    }
  }

  async updateAccess(id: string, data: { role: Role; brandId: string | null; museumIds: string[]; disabled: boolean }): Promise<UserRecord> {
    return this.prisma.$transaction(async (tx) => {
      await tx.museumMembership.deleteMany({ where: { userId: id } });
      const row = await tx.user.update({
        where: { id },
        data: {
          role: data.role,
          brandId: data.brandId,
          disabledAt: data.disabled ? new Date() : null,
          memberships: { create: data.museumIds.map((museumId) => ({ museumId })) },
        },
        select: userSelect,
      });
      if (data.disabled) {
        await tx.refreshToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
      }
      return toRecord(row);
    });
  }

  /**
   * Deletion of a shopper's account: its personal fields anonymised (the row stays: orders, the
   * legal records, point at it), sessions revoked, and the deletion request recorded in the same
   * transaction; the customs retention job destroys the resident ID numbers of its orders and
   * completes the request. Asked twice, the first request is answered.
   */
  async deleteAccount(id: string): Promise<{ id: string; requestedAt: Date; completedAt: Date | null } | null> {
    return this.prisma.$transaction(async (tx) => {
      const [user] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${id}::uuid FOR UPDATE`;
      if (!user) return null;
      const earlier = await PrivacyWritePort.accountDeletionOf(tx, id);
      if (earlier) return earlier;
      await tx.user.update({
        where: { id },
        data: { email: `deleted-${id}@deleted.invalid`, displayName: 'Deleted account', passwordHash: '!deleted', disabledAt: new Date() },
      });
      await tx.refreshToken.deleteMany({ where: { userId: id } });
      await tx.museumMembership.deleteMany({ where: { userId: id } });
      return PrivacyWritePort.fileAccountDeletion(tx, id);
    });
  }

  countMuseums(ids: string[]): Promise<number> {
    return BrandsPort.countMuseums(this.prisma, ids);
  }

  brandExists(id: string): Promise<boolean> {
    return BrandsPort.exists(this.prisma, id);
  }
}
