import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

/** A shopper's saved orderer identities as their orders hold them (orders' own table). */
@Injectable()
export class SavedOrdererRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The real name this shopper last ordered under with this identity; null when they never ordered with it. */
  async latestName(shopperUserId: string, identityId: string): Promise<string | null> {
    const row = await this.prisma.order.findFirst({
      where: { shopperUserId, identityId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { ordererName: true },
    });
    return row?.ordererName ?? null;
  }
}
