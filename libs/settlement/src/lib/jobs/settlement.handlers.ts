import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@vitrine/shared/jobs';
import { SettlementPostingService } from '../application/settlement-posting.service';
import { settlementCatchUpJob, type SettlementCatchUpPayload } from './settlement.jobs';

@Injectable()
@HandlesJob(settlementCatchUpJob)
export class SettlementCatchUpHandler implements JobHandler<SettlementCatchUpPayload> {
  constructor(private readonly posting: SettlementPostingService) {}
  handle() {
    return this.posting.catchUp();
  }
}

export const SETTLEMENT_JOB_HANDLERS = [SettlementCatchUpHandler];
