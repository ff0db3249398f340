import { Inject, Injectable } from '@nestjs/common';
import { DeclarationsService } from '@vitrine/customs';
import { PrismaService } from '@vitrine/shared/data-access';
import { PermanentJobError } from '@vitrine/shared/jobs';
import { OrderQueryRepository } from '../../infrastructure/order-query.repository';
import { RETURN_CARRIER, type ReturnCarrier } from '../infrastructure/http-return-carrier.gateway';
import { ReturnsRepository } from '../infrastructure/returns.repository';
import { ReturnsService } from './returns.service';

/**
 * The worker's declaration of an accepted return to customs (CEB625, 退货申请单) once its
 * return waybill is booked: the returned units by their line of the original declaration
 * list, the return waybill, the reason; through DeclarationsService (message row, signed
 * envelope, transmission, receipt). Customs' acceptance calls ReturnsService.customsAccepted,
 * which restores the shopper's yearly quota; a refusal marks the return REJECTED with the
 * reason in its history; no answer is retried by the job.
 */
@Injectable()
export class ReturnDeclarationService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly orders: OrderQueryRepository,
    private readonly service: ReturnsService,
    private readonly declarations: DeclarationsService,
    private readonly prisma: PrismaService,
    @Inject(RETURN_CARRIER) private readonly carrier: ReturnCarrier,
  ) {}

  async declare(returnId: string, now = new Date()): Promise<void> {
    const r = await this.returns.find(returnId);
    if (!r || !r.returnLogisticsNo || r.status === 'REQUESTED' || r.status === 'REFUSED') return;
    if (r.customsStatus === 'ACCEPTED' || r.customsStatus === 'REJECTED') return;
    const facts = await this.returns.declarationFacts(r.orderId);
    if (!facts) throw new PermanentJobError(`order ${r.orderId} of return ${r.id} does not exist`);
    const lines = await this.orders.linesOf([r.orderId]);
    const gnum = new Map(lines.map((l, i) => [l.id, { gnum: i + 1, line: l }]));
    if (r.customsStatus === 'NOT_DECLARED') {
      await this.prisma.$transaction(async (tx) => {
        const locked = await this.returns.lock(tx, r.id);
        if (locked?.customsStatus === 'NOT_DECLARED') await this.returns.update(tx, r.id, { customsStatus: 'DECLARED' });
      });
    }
    const outcome = await this.declarations.declareReturn(
      {
        returnId: r.id,
        orderId: r.orderId,
        museumId: facts.museumId,
        orderNo: facts.orderNo,
        ebc: { code: facts.sellerCode ?? '', name: facts.sellerName ?? '' },
        logistics: this.carrier.enterprise,
        logisticsNo: r.returnLogisticsNo,
        reason: `${r.reason}${r.note ? `: ${r.note}` : ''}`,
        lines: r.lines.map((l) => {
          const g = gnum.get(l.orderLineId)!;
          return { gnum: g.gnum, hsCode: g.line.hsCode, itemName: g.line.name, qty: l.quantity };
        }),
      },
      now,
    );
    if (outcome.state === 'ACCEPTED') await this.service.customsAccepted(r.id, now);
    else if (outcome.state === 'REJECTED') await this.service.customsRejected(r.id, outcome.reason);
    else throw outcome.error;
  }
}
