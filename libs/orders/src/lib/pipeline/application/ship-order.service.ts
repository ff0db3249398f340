import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@vitrine/shared/kernel';
import { enqueue, jobOf } from '@vitrine/shared/jobs';
import { OrdersError } from '../../domain/orders-error';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import { handoverRefusal } from '../domain/fulfilment-state';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { bookShipmentJob } from '../pipeline.jobs';
import { OrderFulfilmentService, type OrderFulfilmentView } from './order-fulfilment.service';

/**
 * A museum manager (or the brand partner fulfilling the order, or an operator) hands a cleared
 * parcel to the carrier: the request is recorded on the shipment (count, time, who) and its
 * booking job written to the outbox in one transaction; the worker books it and settles the
 * order to SHIPPED. The same path retries a booking that went to the dead letter.
 */
@Injectable()
export class ShipOrderService {
  private readonly logger = new Logger(ShipOrderService.name);

  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly fulfilment: OrderFulfilmentService,
    private readonly tx: TransactionRunner,
  ) {}

  async ship(actor: Actor, orderId: string): Promise<OrderFulfilmentView> {
    const order = await this.fulfilment.orderFor(actor, orderId);
    const request = await this.tx.run(async (tx) => {
      const [shipment] = await this.pipeline.lockShipments(tx, [orderId]);
      const [current] = await this.pipeline.statuses(tx, [orderId]);
      const refusal = handoverRefusal(current!.status, shipment?.status ?? null);
      if (refusal) throw new OrdersError('ORDER_NOT_READY_TO_SHIP', `Order ${order.number} cannot be shipped: ${refusal}.`, { status: current!.status });
      const handover = await this.pipeline.requestHandover(tx, orderId, actor.userId, new Date());
      await enqueue(tx, jobOf(bookShipmentJob, { orderId, handover }));
      return handover;
    });
    this.logger.log(`order ${order.number} handed over to the carrier (request ${request})`);
    return this.fulfilment.get(actor, orderId);
  }
}
