import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '@vitrine/shared/data-access';
import { enqueueJob } from '@vitrine/shared/jobs';
import { declareReturnJob } from '../jobs/returns.jobs';
import { RETURN_CARRIER, type ReturnCarrier } from '../infrastructure/http-return-carrier.gateway';
import { returnDestination, type ReturnSites } from '../domain/returns';
import { ReturnsRepository } from '../infrastructure/returns.repository';
import { queueGuestReturnSms } from '../infrastructure/return-sms.outbox';
import { RETURN_SITES, ReturnsService } from './returns.service';

/**
 * The worker's side of returns: books the return waybill of an accepted return (re-reading
 * the return, so a replay books nothing twice) and flags returns running late.
 */
@Injectable()
export class ReturnLogisticsService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly service: ReturnsService,
    private readonly prisma: PrismaService,
    @Inject(RETURN_CARRIER) private readonly carrier: ReturnCarrier,
    @Inject(RETURN_SITES) private readonly sites: ReturnSites,
  ) {}

  async book(returnId: string): Promise<void> {
    const r = await this.returns.find(returnId);
    if (!r || r.status !== 'ACCEPTED' || r.returnLogisticsNo) return;
    const found = await this.returns.parcelOf(r.id);
    if (!found) return;
    const { customsMode, locationCode, ...rest } = found;
    const booked = await this.carrier.bookReturns([{ ...rest, destination: returnDestination({ customsMode, locationCode }, this.sites) }]);
    const no = booked.get(r.id);
    if (!no) throw new Error(`the carrier booked no return waybill for ${r.id}`);
    await this.prisma.$transaction(async (tx) => {
      const locked = await this.returns.lock(tx, r.id);
      if (!locked || locked.returnLogisticsNo) return;
      const updated = await this.returns.update(tx, r.id, { returnLogisticsNo: no });
      await this.returns.addEvent(tx, { returnId: r.id, orderId: r.orderId, kind: 'WAYBILL', params: { waybill: no } }, { userId: r.shopperUserId, params: { waybill: no } });
      // A guest (no account, no notices) is texted the waybill.
      if (r.shopperUserId === null) await queueGuestReturnSms(tx, [{ returnId: r.id, orderId: r.orderId, step: 'WAYBILL', params: { waybill: no } }]);
      void updated;
      // Declared to customs once it travels under its own waybill.
      await enqueueJob(tx, declareReturnJob, { returnId: r.id });
    });
  }

  async sweep(now = new Date()): Promise<number> {
    let flagged = 0;
    for (const { id } of await this.returns.overdue(now, 500)) if (await this.service.flagLate(id, now)) flagged++;
    return flagged;
  }
}
