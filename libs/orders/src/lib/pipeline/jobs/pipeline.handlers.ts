import { Inject, Injectable } from '@nestjs/common';
import { HandlesJob, MicroBatcher, type JobHandler } from '@vitrine/shared/jobs';
import { ReservationExpiryService } from '../../application/reservation-expiry.service';
import { AmendDeclarationsService } from '../application/amend-declarations.service';
import { BookShipmentsService } from '../application/book-shipments.service';
import { DeclareOrdersService } from '../application/declare-orders.service';
import { FeedFollowersService } from '../application/feed-followers.service';
import { PIPELINE_CONFIG, type PipelineConfig } from '../application/pipeline-config';
import { SweepService } from '../application/sweep.service';
import { WithdrawDeclarationsService } from '../application/withdraw-declarations.service';
import { amendCustomsJob, bookShipmentJob, declareCustomsJob, expireReservationsJob, followCustomsReceiptsJob, followTrackingJob, sweepPipelineJob, withdrawCustomsJob } from '../pipeline.jobs';

type OrderRef = { orderId: string };

// Per-order jobs share batches: each job waits for the batch holding its order and fails
// or succeeds on its own outcome.

/**
 * Up to `batchSize` orders per batch, sent after `batchWaitMs`, but not while another batch
 * of the same step is still running: then the next one fills until it ends. A loaded worker
 * so sends full batches (one signed envelope per 100 orders, one statement per step) instead
 * of one every 50 ms of what arrived meanwhile (about a dozen orders under load: bench:pipeline).
 */
const batching = (config: PipelineConfig) => ({ maxSize: config.batchSize, maxWaitMs: config.batchWaitMs, maxInFlight: 1 });

@Injectable()
@HandlesJob(declareCustomsJob)
export class DeclareCustomsHandler implements JobHandler<OrderRef> {
  private readonly batcher: MicroBatcher;

  constructor(service: DeclareOrdersService, @Inject(PIPELINE_CONFIG) config: PipelineConfig) {
    this.batcher = new MicroBatcher((ids) => service.declare(ids), batching(config));
  }

  handle(p: OrderRef): Promise<void> {
    return this.batcher.load(p.orderId);
  }
}

@Injectable()
@HandlesJob(bookShipmentJob)
export class BookShipmentHandler implements JobHandler<OrderRef> {
  private readonly batcher: MicroBatcher;

  constructor(service: BookShipmentsService, @Inject(PIPELINE_CONFIG) config: PipelineConfig) {
    this.batcher = new MicroBatcher((ids) => service.book(ids), batching(config));
  }

  handle(p: OrderRef): Promise<void> {
    return this.batcher.load(p.orderId);
  }
}

@Injectable()
@HandlesJob(withdrawCustomsJob)
export class WithdrawCustomsHandler implements JobHandler<OrderRef> {
  private readonly batcher: MicroBatcher;

  constructor(service: WithdrawDeclarationsService, @Inject(PIPELINE_CONFIG) config: PipelineConfig) {
    this.batcher = new MicroBatcher((ids) => service.withdraw(ids), batching(config));
  }

  handle(p: OrderRef): Promise<void> {
    return this.batcher.load(p.orderId);
  }
}

@Injectable()
@HandlesJob(amendCustomsJob)
export class AmendCustomsHandler implements JobHandler<{ orderId: string; refundId: string; refundedAt: string }> {
  constructor(private readonly service: AmendDeclarationsService) {}

  handle(p: { orderId: string; refundId: string; refundedAt: string }): Promise<void> {
    return this.service.amend(p.orderId, new Date(p.refundedAt));
  }
}

@Injectable()
@HandlesJob(followCustomsReceiptsJob)
export class FollowCustomsReceiptsHandler implements JobHandler {
  constructor(private readonly feeds: FeedFollowersService) {}

  handle() {
    return this.feeds.followCustomsReceipts();
  }
}

@Injectable()
@HandlesJob(followTrackingJob)
export class FollowTrackingHandler implements JobHandler {
  constructor(private readonly feeds: FeedFollowersService) {}

  handle() {
    return this.feeds.followTracking();
  }
}

@Injectable()
@HandlesJob(sweepPipelineJob)
export class SweepPipelineHandler implements JobHandler {
  constructor(private readonly sweeper: SweepService) {}

  handle() {
    return this.sweeper.sweep();
  }
}

@Injectable()
@HandlesJob(expireReservationsJob)
export class ExpireReservationsHandler implements JobHandler {
  constructor(private readonly expiry: ReservationExpiryService) {}

  handle() {
    return this.expiry.expireReservations();
  }
}
