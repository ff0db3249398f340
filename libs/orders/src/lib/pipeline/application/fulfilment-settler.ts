import { Injectable } from '@nestjs/common';
import { DeclarationsService } from '@vitrine/customs';
import { StockService } from '@vitrine/inventory';
import type { OrderStatus, SqlTx } from '@vitrine/shared/data-access';
import { enqueue, jobOf } from '@vitrine/shared/jobs';
import { OrderCheckoutRepository } from '../../infrastructure/order-checkout.repository';
import { bookingDue, pathTo, reasonFor, targetOf, type FulfilmentFacts } from '../domain/fulfilment-state';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { bookShipmentJob } from '../pipeline.jobs';

/**
 * Brings orders to the status that what customs and the carrier said calls for. Every step
 * that records something (a declaration answer, a clearance receipt, a booking, a tracking
 * event) does it through `settle`, inside one transaction that first locks the orders'
 * customs messages and shipments: whichever step commits second sees the first one's facts,
 * so no interleaving leaves an order behind. Transitions go through the order state machine
 * and its audit trail; a cleared order gets its booking job in the same transaction (unless
 * its storefront waits for the museum to hand parcels over: shipOrder), and a
 * shipped one its stock shipped (StockService.ship) in the same transaction as the transition.
 */
@Injectable()
export class FulfilmentSettler {
  constructor(
    private readonly declarations: DeclarationsService,
    private readonly pipeline: PipelineRepository,
    private readonly orders: OrderCheckoutRepository,
    private readonly stock: StockService,
  ) {}

  async settle(tx: SqlTx, orderIds: readonly string[], record?: () => Promise<unknown>): Promise<Map<string, OrderStatus>> {
    const ids = [...new Set(orderIds)];
    if (!ids.length) return new Map();
    if (record) {
      await this.declarations.lockDocuments(tx, ids);
      await this.pipeline.lockShipmentRows(tx, ids);
      await record();
    }

    const documents = new Map<string, FulfilmentFacts['documents'][number][]>();
    for (const d of await this.declarations.documentStates(tx, ids)) {
      const mine = documents.get(d.orderId);
      const fact = { document: d.document, status: d.status, info: d.info };
      if (mine) mine.push(fact);
      else documents.set(d.orderId, [fact]);
    }
    const shipments = new Map((await this.pipeline.lockShipments(tx, ids)).map((s) => [s.orderId, s]));
    const statuses = await this.pipeline.statuses(tx, ids);
    const now = new Date();

    const steps: { orderId: string; from: OrderStatus; to: OrderStatus; reason: string }[][] = [];
    const reached = new Map<string, OrderStatus>();
    const toBook: string[] = [];
    for (const { id, status } of statuses) {
      const s = shipments.get(id);
      const facts: FulfilmentFacts = {
        // Grouped once above: a feed page settles up to 1,000 orders with four documents each.
        documents: documents.get(id) ?? [],
        shipment: s ? { status: s.status, logisticsNo: s.logisticsNo, carrierCode: s.carrierCode } : null,
      };
      const target = targetOf(facts);
      let from = status;
      pathTo(status, target).forEach((to, i) => {
        (steps[i] ??= []).push({ orderId: id, from, to, reason: reasonFor(to, facts) });
        from = to;
      });
      reached.set(id, from);
      // A hand-over asked for in the console enqueued its own booking (ShipOrderService).
      if (bookingDue({ orderStatus: from, shipment: s?.status, autoBook: s?.autoBook ?? true, handedOver: false })) toBook.push(id);
    }

    // Step by step (all first transitions, then all second ones), one statement pair per (from, to).
    for (const step of steps) {
      const groups = new Map<string, { from: OrderStatus; to: OrderStatus; reasons: Map<string, string> }>();
      for (const t of step) {
        const key = `${t.from}>${t.to}`;
        const g = groups.get(key) ?? { from: t.from, to: t.to, reasons: new Map<string, string>() };
        g.reasons.set(t.orderId, t.reason);
        groups.set(key, g);
      }
      for (const g of groups.values()) {
        const moved = await this.orders.transition(tx, [...g.reasons.keys()], g.from, g.to, g.reasons, now);
        // Handed to the carrier: the committed units leave the ledger as SHIP movements, in the
        // transaction of the transition (which happens once), keyed by the order's reservations.
        if (g.to === 'SHIPPED' && moved.length) await this.stock.ship(tx, moved, 'handed to the carrier');
      }
    }
    if (toBook.length) await enqueue(tx, toBook.map((orderId) => jobOf(bookShipmentJob, { orderId })));
    return reached;
  }
}
