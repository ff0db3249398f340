import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobHandler } from '@vitrine/shared/jobs';
import { ReturnDeclarationService } from '../application/return-declaration.service';
import { ReturnLogisticsService } from '../application/return-logistics.service';
import { ReturnPhotoRetentionService } from '../application/return-photo-retention.service';
import { ReturnSmsService } from '../application/return-sms.service';
import { declareReturnJob, purgeReturnPhotosJob, returnAcceptedJob, sendReturnSmsJob, sweepReturnsJob } from './returns.jobs';

@Injectable()
@HandlesJob(declareReturnJob)
export class DeclareReturnHandler implements JobHandler<{ returnId: string }> {
  constructor(private readonly declaration: ReturnDeclarationService) {}

  handle(p: { returnId: string }): Promise<void> {
    return this.declaration.declare(p.returnId);
  }
}

@Injectable()
@HandlesJob(returnAcceptedJob)
export class ReturnAcceptedHandler implements JobHandler<{ returnId: string }> {
  constructor(private readonly logistics: ReturnLogisticsService) {}

  handle(p: { returnId: string }): Promise<void> {
    return this.logistics.book(p.returnId);
  }
}

@Injectable()
@HandlesJob(purgeReturnPhotosJob)
export class PurgeReturnPhotosHandler implements JobHandler<{ returnId: string }> {
  constructor(private readonly retention: ReturnPhotoRetentionService) {}

  async handle(p: { returnId: string }): Promise<void> {
    await this.retention.purge(p.returnId);
  }
}

@Injectable()
@HandlesJob(sweepReturnsJob)
export class SweepReturnsHandler implements JobHandler<{ scope: string }> {
  constructor(
    private readonly logistics: ReturnLogisticsService,
    private readonly retention: ReturnPhotoRetentionService,
  ) {}

  async handle(): Promise<void> {
    await this.logistics.sweep();
    await this.retention.sweep();
  }
}

@Injectable()
@HandlesJob(sendReturnSmsJob)
export class SendReturnSmsHandler implements JobHandler<{ smsId: string }> {
  constructor(private readonly texts: ReturnSmsService) {}

  async handle(p: { smsId: string }, ctx?: JobContext): Promise<void> {
    await this.texts.send(p.smsId, ctx !== undefined && ctx.attempt >= ctx.maxAttempts);
  }
}
