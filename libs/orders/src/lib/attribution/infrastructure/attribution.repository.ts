import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import type { Attribution, AttributionChannel } from '../domain/attribution';

/** order_attributions: one row per order that came from a source marker. */
@Injectable()
export class AttributionRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** In placeOrder's transaction: the same attribution for every order of the checkout. */
  async record(tx: SqlTx, orderIds: readonly string[], a: Attribution): Promise<void> {
    if (!orderIds.length) return;
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO order_attributions (order_id, channel, ref)
      SELECT id, ${a.channel}::"AttributionChannel", ${a.ref} FROM unnest(${[...orderIds]}::uuid[]) AS id
      ON CONFLICT (order_id) DO NOTHING`);
  }

  async ofOrders(orderIds: readonly string[]): Promise<Map<string, { channel: AttributionChannel; ref: string }>> {
    if (!orderIds.length) return new Map();
    const rows = await this.prisma.orderAttribution.findMany({ where: { orderId: { in: [...orderIds] } }, select: { orderId: true, channel: true, ref: true } });
    return new Map(rows.map((r) => [r.orderId, { channel: r.channel, ref: r.ref }]));
  }
}
