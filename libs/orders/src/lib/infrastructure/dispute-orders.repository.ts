import { Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';

/** What a dispute needs of the orders its checkout paid: who sells them and their share. */
export interface DisputedOrderRecord {
  id: string;
  number: string;
  checkoutId: string;
  museumId: string;
  totalMinor: number;
  currency: string;
}

@Injectable()
export class DisputeOrdersRepository {
  constructor(private readonly prisma: PrismaService) {}

  ordersOfCheckouts(checkoutIds: readonly string[]): Promise<DisputedOrderRecord[]> {
    if (!checkoutIds.length) return Promise.resolve([]);
    return this.prisma.order.findMany({
      where: { checkoutId: { in: [...checkoutIds] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, number: true, checkoutId: true, museumId: true, totalMinor: true, currency: true },
    });
  }
}
