import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeclarationsService } from '@vitrine/customs';
import { PaymentsService } from '@vitrine/payments';
import type { OrderStatus } from '@vitrine/shared/data-access';
import { PermanentJobError, type BatchOutcome } from '@vitrine/shared/jobs';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import { CARRIER_GATEWAY, type CarrierGateway } from '../domain/carrier-gateway';
import { contentLeft, declarationOf, parcelOf, type ParcelContent } from '../domain/declaration-request';
import { PipelineRepository, type DeclarableLine } from '../infrastructure/pipeline.repository';
import { FulfilmentSettler } from './fulfilment-settler';
import { PIPELINE_CONFIG, type PipelineConfig } from './pipeline-config';

const AFTER_DECLARATION: readonly OrderStatus[] = ['CUSTOMS_SUBMITTED', 'HELD', 'CLEARED', 'SHIPPED', 'DELIVERED'];

/**
 * The first step after payment, for a batch of orders: a waybill number from the carrier
 * for each parcel (once), then the order, payment and waybill documents to customs (see
 * DeclarationsService), then the orders settled on what customs answered. An order past
 * PAID only has its documents sent again whose answer was lost; an order customs did not
 * answer for fails alone and is retried.
 */
@Injectable()
export class DeclareOrdersService {
  private readonly logger = new Logger(DeclareOrdersService.name);

  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly payments: PaymentsService,
    private readonly declarations: DeclarationsService,
    private readonly settler: FulfilmentSettler,
    private readonly tx: TransactionRunner,
    @Inject(CARRIER_GATEWAY) private readonly carrier: CarrierGateway,
    @Inject(PIPELINE_CONFIG) private readonly config: PipelineConfig,
  ) {}

  async declare(orderIds: readonly string[]): Promise<BatchOutcome> {
    const result: BatchOutcome = new Map();
    const found = await this.pipeline.declarable(orderIds);
    for (const id of orderIds) if (!found.some((o) => o.id === id)) result.set(id, new PermanentJobError(`order ${id} does not exist`));
    // A paid order is declared; one further on may still have a document customs took in
    // but whose answer was lost (a crash mid-exchange): it is sent again to record the answer.
    const later = found.filter((o) => AFTER_DECLARATION.includes(o.status));
    const unfinished = later.length ? await this.declarations.unfinished(later.map((o) => o.id)) : new Set<string>();
    const candidates = found.filter((o) => o.status === 'PAID' || unfinished.has(o.id));
    if (!candidates.length) return result;

    const ids = candidates.map((o) => o.id);
    const [lineRows, refundRows, payments] = await Promise.all([
      this.pipeline.linesOf(ids),
      this.pipeline.lineRefundsOf(ids),
      this.payments.findForCheckouts([...new Set(candidates.map((o) => o.checkoutId))]),
    ]);
    const byOrder = new Map<string, DeclarableLine[]>();
    for (const l of lineRows) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
    // Refunded units are never declared, booked or shipped: what is left of each order is. An
    // order with every unit refunded has nothing to declare (charge.refunded makes it REFUNDED).
    const lines = new Map<string, ParcelContent>();
    for (const o of candidates) {
      const own = byOrder.get(o.id) ?? [];
      const content = own.length ? contentLeft(o, own, refundRows) : null;
      if (content) lines.set(o.id, content);
      else if (own.length) this.logger.log(`order ${o.number}: every unit refunded, nothing to declare`);
    }
    const due = candidates.filter((o) => lines.has(o.id) || !byOrder.get(o.id)?.length);
    if (!due.length) return result;

    const shipments = new Map((await this.pipeline.shipmentsOf(due.map((o) => o.id))).map((s) => [s.orderId, s.logisticsNo]));
    const unissued = due.filter((o) => !shipments.has(o.id) && o.status === 'PAID' && lines.has(o.id));
    if (unissued.length) {
      const issued = await this.carrier.createWaybills(unissued.map((o) => parcelOf(o, lines.get(o.id)!)));
      const rows = unissued.filter((o) => issued.has(o.number)).map((o) => ({ orderId: o.id, museumId: o.museumId, carrierCode: this.config.carrier.code, logisticsNo: issued.get(o.number)! }));
      const inserted = await this.pipeline.insertShipments(rows);
      for (const r of rows) if (inserted.has(r.orderId)) shipments.set(r.orderId, r.logisticsNo);
      // Inserted by another run meanwhile: take what it stored.
      if (inserted.size < rows.length) for (const sh of await this.pipeline.shipmentsOf(rows.filter((r) => !inserted.has(r.orderId)).map((r) => r.orderId))) shipments.set(sh.orderId, sh.logisticsNo);
    }

    const requests = [];
    for (const o of due) {
      const payment = payments.find((p) => p.checkoutId === o.checkoutId);
      const logisticsNo = shipments.get(o.id);
      if (!payment) result.set(o.id, new PermanentJobError(`order ${o.number}: no payment recorded for its checkout`));
      else if (!logisticsNo) result.set(o.id, new Error(`order ${o.number}: the carrier issued no waybill`));
      else if (!lines.has(o.id)) result.set(o.id, new PermanentJobError(`order ${o.number} has no lines`));
      // Checkout refuses a storefront without a registration; one removed since is for an operator to mend.
      else if (!o.sellerCustomsCode || !o.sellerCustomsName) result.set(o.id, new PermanentJobError(`order ${o.number}: its museum has no customs registration to declare it with`));
      else {
        const seller = { code: o.sellerCustomsCode, name: o.sellerCustomsName };
        requests.push(declarationOf(o, lines.get(o.id)!, payment, { logisticsNo }, { code: this.config.carrier.code, name: this.config.carrier.name }, seller));
      }
    }
    const outcomes = await this.declarations.declare(requests);
    const answered: string[] = [];
    for (const [orderId, outcome] of outcomes) {
      if (outcome.state === 'FAILED') result.set(orderId, outcome.error);
      else answered.push(orderId);
    }
    await this.tx.runSql((tx) => this.settler.settle(tx, answered));
    return result;
  }
}
