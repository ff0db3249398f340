import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@vitrine/shared/jobs';
import { SettlementFeesService } from '../application/settlement-fees.service';
import { SettlementPostingService } from '../application/settlement-posting.service';
import { settlementCatchUpJob, stripeFeeJob, type SettlementCatchUpPayload, type StripeFeePayload } from './settlement.jobs';

@Injectable()
@HandlesJob(settlementCatchUpJob)
export class SettlementCatchUpHandler implements JobHandler<SettlementCatchUpPayload> {
  constructor(private readonly posting: SettlementPostingService) {}
  handle() {
    return this.posting.catchUp();
  }
}

@Injectable()
@HandlesJob(stripeFeeJob)
export class StripeFeeHandler implements JobHandler<StripeFeePayload> {
  constructor(private readonly fees: SettlementFeesService) {}
  async handle(p: StripeFeePayload) {
    return { fee: await this.fees.postFee(p.checkoutId) };
  }
}

export const SETTLEMENT_JOB_HANDLERS = [SettlementCatchUpHandler, StripeFeeHandler];
