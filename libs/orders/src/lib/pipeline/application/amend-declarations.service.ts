import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeclarationsService } from '@vitrine/customs';
import { PaymentsService } from '@vitrine/payments';
import type { OrderStatus } from '@vitrine/shared/data-access';
import { PermanentJobError } from '@vitrine/shared/jobs';
import { CARRIER_GATEWAY, type CarrierGateway } from '../domain/carrier-gateway';
import { contentLeft, declarationOf, parcelOf } from '../domain/declaration-request';
import { PipelineRepository } from '../infrastructure/pipeline.repository';
import { PIPELINE_CONFIG, type PipelineConfig } from './pipeline-config';

/** Statuses in which customs may still have the order undecided: what it holds can be amended. */
const AMENDABLE: readonly OrderStatus[] = ['PAID', 'CUSTOMS_SUBMITTED'];

/**
 * Some units of an order refunded while customs has it (declared, not released): the carrier's
 * waybill is issued again with what is left (same number, new weight, goods and value), and the
 * declaration is amended to it (DeclarationsService.amend: order, waybill and declaration list
 * with appType 2, the payment company asked to declare the new amount), so customs releases,
 * and the quota counts, only what was paid for. Every unit refunded is not amended: the order
 * turns REFUNDED on charge.refunded and the withdrawal takes the declaration back. Run again, it
 * finds the amendment of the same content accepted and sends nothing.
 */
@Injectable()
export class AmendDeclarationsService {
  private readonly logger = new Logger(AmendDeclarationsService.name);

  constructor(
    private readonly pipeline: PipelineRepository,
    private readonly payments: PaymentsService,
    private readonly declarations: DeclarationsService,
    @Inject(CARRIER_GATEWAY) private readonly carrier: CarrierGateway,
    @Inject(PIPELINE_CONFIG) private readonly config: PipelineConfig,
  ) {}

  /** `refundedAt`: when the refund was recorded (a declaration step that read the order before it may still be sending). */
  async amend(orderId: string, refundedAt: Date, now = new Date()): Promise<void> {
    const [o] = await this.pipeline.declarable([orderId]);
    if (!o) throw new PermanentJobError(`order ${orderId} does not exist`);
    if (!AMENDABLE.includes(o.status)) {
      if (o.status === 'CLEARED' || o.status === 'SHIPPED' || o.status === 'DELIVERED') this.logger.warn(`order ${o.number}: refunded units after customs released it; they come back as a return`);
      return;
    }
    const [lines, refunds] = await Promise.all([this.pipeline.linesOf([o.id]), this.pipeline.lineRefundsOf([o.id])]);
    const content = lines.length ? contentLeft(o, lines, refunds) : null;
    // Every unit refunded: charge.refunded makes the order REFUNDED and withdraw-customs takes the declaration back.
    if (!content) return;
    const settling = refundedAt.getTime() > now.getTime() - 2 * this.config.carrier.timeoutMs;
    const [shipment] = await this.pipeline.shipmentsOf([o.id]);
    if (!shipment) {
      // Not declared yet: the declaration step declares what is left, unless it read the order before this refund.
      if (settling) throw new Error(`order ${o.number}: no waybill yet, a declaration may still be on its way`);
      return;
    }
    const [payment] = await this.payments.findForCheckouts([o.checkoutId]);
    if (!payment) throw new PermanentJobError(`order ${o.number}: no payment recorded for its checkout`);
    if (!o.sellerCustomsCode || !o.sellerCustomsName) throw new PermanentJobError(`order ${o.number}: its museum has no customs registration to declare it with`);
    // The carrier's waybill first: it carries what is left (its number stays).
    await this.carrier.createWaybills([parcelOf(o, content)]);
    const request = declarationOf(o, content, payment, { logisticsNo: shipment.logisticsNo }, { code: this.config.carrier.code, name: this.config.carrier.name }, { code: o.sellerCustomsCode, name: o.sellerCustomsName });
    const outcome = await this.declarations.amend(request, now);
    switch (outcome.state) {
      case 'AMENDED':
        this.logger.log(`order ${o.number}: declaration amended to what is left after a refund`);
        return;
      case 'NOTHING_DECLARED':
        if (settling) throw new Error(`order ${o.number}: nothing declared yet, a declaration may still be on its way`);
        return;
      case 'REFUSED':
        this.logger.error(outcome.reason);
        throw new PermanentJobError(outcome.reason);
      case 'FAILED':
        throw outcome.error;
    }
  }
}
