import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '../../infrastructure/transaction-runner';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { startOrderPipeline } from '../pipeline.jobs';
import { BookShipmentsService } from './book-shipments.service';
import { FulfilmentSettler } from './fulfilment-settler';

/**
 * The pipeline's safety net, run on a schedule: paid orders whose start was missed get it
 * (the outbox makes a second start a no-op), orders whose status lags behind what customs or
 * the carrier said are settled, cleared parcels not booked are booked.
 */
@Injectable()
export class SweepService {
  private readonly logger = new Logger(SweepService.name);

  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly settler: FulfilmentSettler,
    private readonly booking: BookShipmentsService,
    private readonly tx: TransactionRunner,
  ) {}

  async sweep(now = new Date(), graceMs = 30_000): Promise<{ started: number; settled: number; booked: number }> {
    const before = new Date(now.getTime() - graceMs);
    const unstarted = await this.pipeline.paidWithoutDeclaration(before, 1_000);
    if (unstarted.length) {
      this.logger.warn(`${unstarted.length} paid order(s) had no customs declaration started: starting them`);
      await this.tx.run((tx) => startOrderPipeline(tx, unstarted));
    }
    const lagging = await this.pipeline.lagging(before, 500);
    if (lagging.length) await this.tx.runSql((tx) => this.settler.settle(tx, lagging));
    const unbooked = await this.pipeline.clearedNotBooked(before, 100);
    if (unbooked.length) await this.booking.book(unbooked);
    return { started: unstarted.length, settled: lagging.length, booked: unbooked.length };
  }
}
