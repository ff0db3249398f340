import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeclarationsService } from '@vitrine/customs';
import { PermanentJobError, type BatchOutcome } from '@vitrine/shared/jobs';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { PIPELINE_CONFIG, type PipelineConfig } from './pipeline-config';

/**
 * An order refunded before customs released it (paid, submitted or held): its order
 * declaration is withdrawn from customs (DeclarationsService.withdraw), so no parcel is
 * released for goods nobody paid for. The pipeline itself already stops at REFUNDED (no
 * transition, no booking); this tells customs. A declaration step that read the order as
 * paid just before the refund may still create and send its documents: for a while after
 * the refund, an order with nothing on file is retried rather than closed.
 */
@Injectable()
export class WithdrawDeclarationsService {
  private readonly logger = new Logger(WithdrawDeclarationsService.name);

  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly declarations: DeclarationsService,
    @Inject(PIPELINE_CONFIG) private readonly config: PipelineConfig,
  ) {}

  async withdraw(orderIds: readonly string[], now = new Date()): Promise<BatchOutcome> {
    const result: BatchOutcome = new Map();
    const orders = await this.pipeline.refundStates(orderIds);
    for (const id of orderIds) if (!orders.some((o) => o.id === id)) result.set(id, new PermanentJobError(`order ${id} does not exist`));
    // Only refunded orders are withdrawn; anything else has nothing to do here.
    const refunded = orders.filter((o) => o.status === 'REFUNDED');
    if (!refunded.length) return result;
    const outcomes = await this.declarations.withdraw(refunded.map((o) => ({ orderId: o.id, reason: 'order refunded before release (退款撤单)', ebc: { code: o.sellerCustomsCode ?? '', name: o.sellerCustomsName ?? '' } })), now);
    // Long enough for a declaration step that read the order before its refund to have sent its documents.
    const settledBefore = now.getTime() - 2 * this.config.carrier.timeoutMs;
    for (const o of refunded) {
      const outcome = outcomes.get(o.id);
      switch (outcome?.state) {
        case 'WITHDRAWN':
          break;
        case 'NOTHING_DECLARED':
          if ((o.refundedAt?.getTime() ?? 0) > settledBefore) result.set(o.id, new Error(`order ${o.id}: nothing declared yet, a declaration may still be on its way`));
          break;
        case 'REFUSED':
          this.logger.error(outcome.reason);
          result.set(o.id, new PermanentJobError(outcome.reason));
          break;
        case 'FAILED':
          result.set(o.id, outcome.error);
          break;
        case undefined:
          result.set(o.id, new Error(`order ${o.id}: no withdrawal outcome`));
          break;
      }
    }
    return result;
  }
}
