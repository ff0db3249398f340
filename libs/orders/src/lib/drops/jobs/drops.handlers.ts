import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '@vitrine/shared/jobs';
import { DropAllocationService, type DropTickReport } from '../application/drop-allocation.service';
import { dropsTickJob } from './drops.jobs';

@Injectable()
@HandlesJob(dropsTickJob)
export class DropsTickHandler implements JobHandler<{ scope: string }> {
  constructor(private readonly allocation: DropAllocationService) {}

  handle(): Promise<DropTickReport> {
    return this.allocation.tick();
  }
}
