import { Inject, Injectable } from '@nestjs/common';
import type { BatchOutcome } from '@vitrine/shared/jobs';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import { CARRIER_GATEWAY, type CarrierGateway } from '../domain/carrier-gateway';
import { bookingDue } from '../domain/fulfilment-state';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { FulfilmentSettler } from './fulfilment-settler';

/**
 * Books cleared parcels with the carrier (its booking is idempotent on the waybill number)
 * and settles the orders to SHIPPED. An order not (or no longer) cleared has nothing to do, nor
 * one whose storefront waits for the museum to hand it over and that was not handed over yet.
 */
@Injectable()
export class BookShipmentsService {
  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly settler: FulfilmentSettler,
    private readonly tx: TransactionRunner,
    @Inject(CARRIER_GATEWAY) private readonly carrier: CarrierGateway,
  ) {}

  async book(orderIds: readonly string[]): Promise<BatchOutcome> {
    const result: BatchOutcome = new Map();
    const statuses = new Map((await this.pipeline.statuses(this.pipeline.session, orderIds)).map((o) => [o.id, o.status]));
    const due = (await this.pipeline.shipmentsOf(orderIds)).filter((s) =>
      bookingDue({ orderStatus: statuses.get(s.orderId), shipment: s.status, autoBook: s.autoBook, handedOver: s.handoverRequestedAt !== null }),
    );
    if (!due.length) return result;
    let booked: Map<string, { bookingRef: string; bookedAt: Date }>;
    try {
      booked = await this.carrier.bookShipments(due.map((s) => s.logisticsNo));
    } catch (error) {
      await this.pipeline.recordBookingFailure(due.map((s) => s.orderId), (error as Error).message);
      throw error;
    }
    for (const s of due) if (!booked.has(s.logisticsNo)) result.set(s.orderId, new Error(`the carrier did not book waybill ${s.logisticsNo}`));
    await this.tx.runSql((tx) =>
      this.settler.settle(
        tx,
        due.filter((s) => booked.has(s.logisticsNo)).map((s) => s.orderId),
        () => this.pipeline.recordBookings(tx, [...booked].map(([logisticsNo, b]) => ({ logisticsNo, ...b }))),
      ),
    );
    return result;
  }
}
