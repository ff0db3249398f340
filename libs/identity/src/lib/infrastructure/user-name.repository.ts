import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

/** Display names of users, for other contexts' records that name who did something. */
@Injectable()
export class UserNameRepository {
  constructor(private readonly prisma: PrismaService) {}

  namesOf(ids: readonly string[]): Promise<{ id: string; displayName: string }[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } });
  }
}
