import { Inject, Injectable } from '@nestjs/common';
import { DeclarationsService } from '@vitrine/customs';
import { PrismaService, type SqlTx } from '@vitrine/shared/data-access';
import { lockCursor, readCursor, saveCursor } from '@vitrine/shared/jobs';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import { CARRIER_GATEWAY, type CarrierGateway } from '../domain/carrier-gateway';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { FulfilmentSettler } from './fulfilment-settler';

const PAGE = 1_000;
/** Pages read per run, so one run never holds the poller for long. */
const MAX_PAGES = 20;

/**
 * Follows the two feeds the pipeline depends on: customs clearance receipts and carrier
 * tracking events. Each page is read outside any transaction, then applied with the cursor
 * in one transaction that first locks the cursor: if another run applied that page in the
 * meantime the page is dropped, and a page applied twice (a crash before the cursor moved)
 * changes nothing (receipts and events are stored once by their ids).
 */
@Injectable()
export class FeedFollowersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly declarations: DeclarationsService,
    private readonly pipeline: PipelineRepository,
    private readonly settler: FulfilmentSettler,
    private readonly tx: TransactionRunner,
    @Inject(CARRIER_GATEWAY) private readonly carrier: CarrierGateway,
  ) {}

  async followCustomsReceipts(): Promise<{ receipts: number }> {
    return { receipts: await this.follow('customs-receipts', async (cursor) => {
      const page = await this.declarations.fetchClearances(cursor, PAGE);
      const orderIds = page.returns.length ? await this.declarations.ordersOfReturns(page.returns) : [];
      return { count: page.returns.length, next: page.cursor, orderIds, apply: (tx) => this.declarations.applyClearances(tx, page.returns) };
    }) };
  }

  async followTracking(): Promise<{ events: number }> {
    return { events: await this.follow('carrier-tracking', async (cursor) => {
      const page = await this.carrier.trackingEvents(cursor, PAGE);
      const orderIds = await this.pipeline.orderIdsOfWaybills([...new Set(page.events.map((e) => e.logisticsNo))]);
      return {
        count: page.events.length,
        next: page.cursor,
        orderIds,
        apply: async (tx) => {
          const fresh = await this.pipeline.insertEvents(tx, page.events);
          // One update per parcel: the furthest its new events take it.
          const furthest = new Map<string, { logisticsNo: string; status: 'IN_TRANSIT' | 'DELIVERED'; at: Date }>();
          for (const e of fresh) {
            if (e.status === 'EXCEPTION') continue;
            const status = e.status === 'DELIVERED' ? 'DELIVERED' : 'IN_TRANSIT';
            const seen = furthest.get(e.logisticsNo);
            if (!seen || (seen.status === 'IN_TRANSIT' && status === 'DELIVERED')) furthest.set(e.logisticsNo, { logisticsNo: e.logisticsNo, status, at: e.occurredAt });
          }
          await this.pipeline.advanceShipments(tx, [...furthest.values()]);
        },
        // Return parcels (their own waybills, no shipment or order to settle): arrived at the site, the return may be inspected.
        also: async (tx) => {
          const arrived = page.events.filter((e) => e.status === 'ARRIVED' || e.status === 'DELIVERED');
          await this.pipeline.returnsArrived(tx, arrived.map((e) => ({ logisticsNo: e.logisticsNo, at: e.occurredAt, where: e.location ?? e.description })));
        },
      };
    }) };
  }

  private async follow(
    name: string,
    read: (cursor: string) => Promise<{ count: number; next: string; orderIds: string[]; apply: (tx: SqlTx) => Promise<unknown>; also?: (tx: SqlTx) => Promise<unknown> }>,
  ): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_PAGES; i++) {
      const cursor = await readCursor(this.prisma.sql, name);
      const page = await read(cursor);
      if (!page.count) break;
      const applied = await this.tx.runSql(async (tx) => {
        if ((await lockCursor(tx, name)) !== cursor) return false;
        await this.settler.settle(tx, page.orderIds, () => page.apply(tx));
        await page.also?.(tx);
        await saveCursor(tx, name, page.next);
        return true;
      });
      if (applied) total += page.count;
      if (page.count < PAGE) break;
    }
    return total;
  }
}
